/**
 * What the task pane's views can ask of the workbook, whichever it is: the open workbook in
 * Excel (Office adapter) or an .xlsx picked on the standalone page (xlsx adapter). Views take a
 * PaneServices as a prop; tests hand them a fake.
 */
import type { CellTarget, IsoDate } from "../domain/cell";
import type { LedgerSnapshot } from "../app/ledger-snapshot";
import type { ItemAction } from "../app/item-actions";
import type { SettingsEdit } from "../app/settings-edit";
import type { CalendarChange } from "../app/calendar-edit";
import type { LiveSummary } from "./live-summary";
import type { Period } from "../domain/analysis/period";
import type { Measure } from "../domain/accountability/log";
import type { LedgerReview } from "../app/ledger-review";

export type OutcomeTone = "success" | "warning" | "error" | "info";

/** What an operation did (or why it did not), in Chinese. */
export interface Outcome {
  readonly tone: OutcomeTone;
  readonly title: string;
  /** Detail lines (issues, numbers assigned, conflicts …). */
  readonly lines: readonly string[];
  /** True when 撤销上次操作 would take this operation back (the toast offers it). */
  readonly undoable?: boolean;
}

export type { CellTarget };

/** A cell whose offered fix is to be applied (issue 9's runFix `only`). */
export interface FixTarget {
  readonly sheet?: string;
  readonly row: number;
  readonly column: string;
}

export type DocumentKindChoice = "notice" | "report" | "remind";

/** A measure a person confirmed in the 报告 view. */
export interface MeasureChoice {
  /** The item's number (its correct form, as the suggestion gives it). */
  readonly number: string;
  readonly measure: Measure;
  /** 经办人 ("" when not given). */
  readonly handler: string;
}

export interface PaneServices {
  readonly mode: "excel" | "standalone";
  /** What the pane works on: the file name, or "Excel". */
  readonly source: string;
  /** The day the pane judges statuses by (the computer's, or ?today=). */
  today(): IsoDate;
  /** Reads the ledger (one read of the workbook). */
  load(): Promise<LedgerSnapshot>;
  /** Selects a row or cell in Excel; null on the standalone page. */
  readonly select: ((target: CellTarget) => Promise<void>) | null;
  /** Follows Excel's selection; returns the function that stops. Null on the standalone page. */
  readonly followSelection: ((onCell: (cell: { sheet: string; row: number } | null) => void) => () => void) | null;
  /** Live checking while people type (Excel); returns the function that stops. */
  readonly watch: ((onSummary: (summary: LiveSummary) => void) => () => void) | null;
  number(): Promise<Outcome>;
  refresh(): Promise<Outcome>;
  undo(): Promise<Outcome>;
  /** Applies offered fixes (all, or `only` these cells: app/fix runFix); null where a host has none. */
  readonly fix: ((only?: readonly FixTarget[]) => Promise<Outcome>) | null;
  /**
   * The issue codes whose fixes `fix()` without `only` applies (those that correct a form; a fix
   * that removes text is applied from its own button only).
   */
  readonly autoFixCodes: ReadonlySet<string>;
  itemAction(action: ItemAction): Promise<Outcome>;
  document(kind: DocumentKindChoice, number: string): Promise<Outcome>;
  saveSettings(edit: SettingsEdit): Promise<Outcome>;
  setCalendar(change: CalendarChange): Promise<Outcome>;
  clearCalendar(date: IsoDate): Promise<Outcome>;
  /** The 报告 view: the analysis of a period and today's accountability suggestions (reads only). */
  review(period: Period): Promise<LedgerReview>;
  /** Records a confirmed measure in 问责记录 (logged, undoable). */
  recordMeasure(choice: MeasureChoice): Promise<Outcome>;
  /** Draws the 督办分析报告 sheet of a period (logged, undoable). */
  writeAnalysis(period: Period): Promise<Outcome>;
  /**
   * The workbook as an .xlsx file (standalone page), with what it could not keep as it was
   * (Chinese lines, empty when nothing); null in Excel.
   */
  readonly download: (() => Promise<{ name: string; bytes: Uint8Array; losses: readonly string[] }>) | null;
}
