/** The pane's views, in tab order. Adding a view is adding its component and one entry here. */
import { STRINGS } from "../strings";
import { CheckView } from "./CheckView";
import { ItemView } from "./ItemView";
import { OperationsView } from "./OperationsView";
import { OverviewView } from "./OverviewView";
import { ReportView } from "./ReportView";
import { SettingsView } from "./SettingsView";
import type { ViewDef } from "./types";

export const VIEWS: readonly ViewDef[] = [
  { id: "overview", label: STRINGS.views.overview, Component: OverviewView },
  { id: "check", label: STRINGS.views.check, Component: CheckView },
  { id: "item", label: STRINGS.views.item, Component: ItemView },
  { id: "operations", label: STRINGS.views.operations, Component: OperationsView },
  { id: "report", label: STRINGS.views.report, Component: ReportView },
  { id: "settings", label: STRINGS.views.settings, Component: SettingsView },
];

export type { ViewDef, ViewId, ViewProps } from "./types";
