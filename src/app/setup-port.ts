/**
 * What the refresh and init use cases need beyond WorkbookPort: applying a setup plan (sheets,
 * validation, conditional formats, names, print settings — things WorkbookPort's cell writes
 * cannot express). Each adapter implements it in one batch: ExcelJS for files, Office.js later.
 */
import type { WorkbookPlan } from "../domain/setup-plan";

/** Kinds of change an adapter reports, one entry per sheet and kind. */
export type SetupChangeKind =
  | "sheet-created"
  | "cells"
  | "cells-cleared"
  | "number-formats"
  | "validations"
  | "conditional-formats"
  | "names"
  | "freeze"
  | "print"
  | "columns"
  | "merges";

export interface SetupChange {
  /** Sheet name; "" for workbook-level changes (defined names). */
  readonly sheet: string;
  readonly kind: SetupChangeKind;
  /** How many cells, rules, names … changed. */
  readonly count: number;
}

/** A planned cell left alone because it holds something a person wrote. */
export interface SetupConflict {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** A1 address, for messages. */
  readonly address: string;
  /** What the cell holds (text of its value, or "=" and its formula). */
  readonly found: string;
}

export interface SetupOutcome {
  /** Empty when the workbook already matched the plan. */
  readonly changes: readonly SetupChange[];
  readonly conflicts: readonly SetupConflict[];
}

/** Applies setup plans to one workbook. */
export interface SetupTarget {
  /**
   * Makes the workbook match the plan: creates missing sheets, writes planned cells by their
   * FillMode, sets formats, validation, conditional formats, names, frozen panes and print
   * settings. Applying the same plan again changes nothing.
   */
  applySetupPlan(plan: WorkbookPlan): Promise<SetupOutcome>;
}
