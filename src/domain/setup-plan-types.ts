/**
 * The workbook setup plan: plain, serialisable data saying which sheets, cells, names,
 * validation rules, conditional formats, number formats, frozen panes and print settings a
 * registry workbook must have so that it stays live without the add-in. The engine builds it
 * (setup-plan.ts); each adapter applies it (the xlsx package writer, the Office session).
 * Applying is idempotent and never overwrites a value a person typed: see FillMode.
 */
import type { CellValue, IsoDate } from "./cell";
import type { CellRange } from "./a1-ref";

/** A value to put in a cell: a plain value or a formula (text without the leading "="). */
export type PlanValue = CellValue | { readonly t: "formula"; readonly f: string };

/**
 * When a planned cell may be written:
 * - "ifEmpty": only when the cell holds nothing (null or ""); anything else is left as it is.
 * - "formula": when empty, or when it holds a formula of ours (its text contains `marker`) that
 *   differs; a typed value or a foreign formula is kept and reported as a conflict.
 * - "owned": the cell belongs to a sheet the add-in generates; written whenever it differs.
 */
export type FillMode = "ifEmpty" | "formula" | "owned";

/** The look of a written cell (colours are ARGB hex, e.g. "FFFFC7CE"). */
export interface PlanStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  /** Thin border on all four sides. */
  readonly border?: boolean;
  readonly numFmt?: string;
}

export interface CellPlan {
  readonly row: number;
  readonly col: number;
  readonly value: PlanValue;
  readonly mode: FillMode;
  /** For mode "formula": text every formula of ours contains. */
  readonly marker?: string;
  /**
   * For mode "formula": a regular expression (source) every formula of ours matches, for
   * formulas without a distinctive name (a formula matching it or containing `marker` is ours).
   */
  readonly markerPattern?: string;
  readonly style?: PlanStyle;
  /** Copy the look of this cell of the same sheet when writing (style applies on top). */
  readonly styleFrom?: { readonly row: number; readonly col: number };
}

export type ValidationRule =
  | { readonly kind: "list"; readonly source: string }
  /** Any value (a formula that is always TRUE): carries only the prompt, a note on the cell. */
  | { readonly kind: "note" }
  | { readonly kind: "date"; readonly min: IsoDate; readonly max: IsoDate }
  | { readonly kind: "whole"; readonly min: number; readonly max: number };

/** A data-validation rule on a range (it replaces whatever rule those cells had). */
export interface ValidationPlan {
  readonly range: CellRange;
  readonly rule: ValidationRule;
  /** stop: refuse other input; warning: ask; information: accept with a note. */
  readonly errorStyle: "stop" | "warning" | "information";
  readonly errorTitle: string;
  readonly error: string;
  /**
   * The input message shown when a cell of the range is selected (at most 255 characters,
   * Excel's limit): the workbook's portable "note" — Excel 2010+, Excel on the web, WPS and
   * LibreOffice show it, and Office.js sets it from ExcelApi 1.8.
   */
  readonly prompt?: string;
  /** Title of the input message (at most 32 characters). */
  readonly promptTitle?: string;
}

export interface ConditionalRulePlan {
  /** Formula relative to the range's top-left cell, without "=". */
  readonly formula: string;
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/** Conditional formatting of a range; rules in priority order (first wins). */
export interface ConditionalFormatPlan {
  readonly range: CellRange;
  readonly rules: readonly ConditionalRulePlan[];
}

export interface PrintPlan {
  readonly area: CellRange;
  /** Rows repeated at the top of every printed page. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  readonly orientation: "portrait" | "landscape";
  readonly paper: "A4";
  /** Scale the area to the page width (any number of pages tall). */
  readonly fitToWidth: boolean;
}

export interface ColumnPlan {
  readonly col: number;
  readonly width?: number;
  readonly hidden?: boolean;
}

export interface SheetPlan {
  readonly name: string;
  /** Cells in these columns from `fromRow` down that the plan does not list are cleared (generated sheets). */
  readonly owned?: { readonly left: number; readonly right: number; readonly fromRow: number };
  readonly cells: readonly CellPlan[];
  /** Merged ranges to create when none of their cells is merged yet. */
  readonly merges: readonly CellRange[];
  /** Only for columns the plan adds or sheets it creates: widths of existing columns are the user's. */
  readonly columns: readonly ColumnPlan[];
  /** Row heights, only for sheets the plan creates or generates. */
  readonly rowHeights?: readonly { readonly row: number; readonly height: number }[];
  readonly numberFormats: readonly { readonly range: CellRange; readonly numFmt: string }[];
  readonly validations: readonly ValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  /**
   * Regular expressions (sources) recognising conditional-format formulas this setup wrote
   * earlier: those formats are replaced by `conditionalFormats`; any other format is kept.
   */
  readonly conditionalFormatSignatures: readonly string[];
  /** Freeze the rows above `rows` (columns left as the user froze them). */
  readonly freeze?: { readonly rows: number };
  readonly print?: PrintPlan;
}

/** A workbook-level defined name. */
export interface NamePlan {
  readonly name: string;
  readonly sheet: string;
  readonly range: CellRange;
}

/** Something the person should know about the setup (nothing here stops it). */
export interface PlanNote {
  readonly sheet: string;
  /** 1-based sheet row, when the note is about a row. */
  readonly row?: number;
  /** Header text (no white space) of the column, when about a cell. */
  readonly column?: string;
  readonly code: PlanNoteCode;
  readonly message: string;
}

export type PlanNoteCode =
  | "plain-range"
  | "formula-reads-differently"
  | "date-outside-calendar"
  | "calendar-official-edited"
  | "calendar-flag-written"
  | "calendar-row-not-in-force"
  | "settings-threshold-differs"
  | "not-a-date"
  | "upgraded";

/** What an adapter applies: sheets, names, and notes for the person. */
export interface WorkbookPlan {
  /** Sheets in the order new ones are added (existing ones keep their place). */
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  readonly notes: readonly PlanNote[];
  /** Defined names an earlier version created that nothing reads any more: deleted when present. */
  readonly obsoleteNames?: readonly string[];
}

/** What the plan of one generated sheet gives: the sheet, the workbook names it defines, its notes. */
export interface SheetSetupPart extends Pick<WorkbookPlan, "names" | "notes"> {
  readonly sheet: SheetPlan;
}

/** Facts about one ledger sheet a setup plan was built for. */
export interface RegistryFacts {
  readonly sheet: string;
  readonly headerRow: number;
  /** Last row the formulas, validation and colours reach. */
  readonly lastFormattedRow: number;
  readonly statusColumn: number;
  /** Headers of the extension columns the plan adds, left to right. */
  readonly addedColumns: readonly string[];
  /** The data stays a plain range (not an Excel table): why. */
  readonly plainRangeReason: string;
}

/** The setup plan of a registry workbook. */
export interface SetupPlan extends WorkbookPlan {
  /** Facts about the (first) ledger sheet the plan was built for. */
  readonly registry: RegistryFacts;
  /** Facts about every ledger sheet the plan sets up (one per year), the first being `registry`. */
  readonly registries: readonly RegistryFacts[];
  /** The years the 工作日历 sheet lists. */
  readonly calendarYears: { readonly first: number; readonly last: number };
}
