import type { ComponentType } from "react";
import type { PaneState } from "../use-pane";

/** What every view gets. */
export interface ViewProps {
  readonly pane: PaneState;
  /** Switches to another view (e.g. an item clicked in 概览 opens 当前事项). */
  readonly goTo: (view: ViewId) => void;
}

export type ViewId = "overview" | "check" | "item" | "operations" | "report" | "settings";

/** One tab of the pane: adding a view (the 报告 of issue 13) is a component and an entry in VIEWS. */
export interface ViewDef {
  readonly id: ViewId;
  readonly label: string;
  readonly Component: ComponentType<ViewProps>;
}
