import type { ColumnKey } from "./columns";
import type { IsoDate } from "./cell";
import type { RuleCode } from "./rules";

/** One 督办事项 as read from a registry row. Text fields are trimmed; "" when blank. */
export interface RegistryItem {
  /** The ledger sheet the item is on (a workbook may keep one ledger per year). */
  readonly sheet: string;
  /** 1-based sheet row (the first row of an item over several rows). */
  readonly row: number;
  /**
   * The last row of an item over several rows (merged 编号/内容, one row per 承办单位); absent
   * for an item on one row.
   */
  readonly lastRow?: number;
  readonly seq: string;
  /** Raw text of 督办事项编号 ("" when blank). */
  readonly number: string;
  readonly content: string;
  readonly sourceDocNo: string;
  readonly urgency: string;
  readonly secrecy: string;
  readonly issuedOn: IsoDate | null;
  readonly dueOn: IsoDate | null;
  readonly section: string;
  readonly assisting: string;
  readonly hostHead: string;
  readonly signedOn: IsoDate | null;
  readonly result: string;
  readonly remarks: string;
  readonly hostUnit: string;
  readonly source: string;
  readonly major: string;
  readonly signer: string;
  readonly closedOn: IsoDate | null;
  readonly extendedTo: IsoDate | null;
  readonly extensionApprover: string;
  readonly reportedOn: IsoDate | null;
  /**
   * The 要求完成时间 text of a long-term item (长期, 长期坚持, 持续推进: vocabulary.ts), whose
   * dueOn is null; absent for every other item.
   */
  readonly longTerm?: string;
}

export type Severity = "error" | "warning";

/** A problem found in the data. `column` is the header text with white space removed. */
export interface Issue {
  /** The sheet of `row` (a ledger sheet, or 设置 / 工作日历); absent from issues built before it is known. */
  readonly sheet?: string;
  readonly row: number;
  readonly column: string;
  readonly severity: Severity;
  /** A code of the catalogue (src/domain/rules.ts). */
  readonly code: RuleCode;
  readonly message: string;
  /** A corrected value the user can accept, when one exists. */
  readonly fix?: string;
}

export type Status = "已办结" | "已终止" | "逾期" | "临期" | "办理中";

/** Where the registry sits in its sheet. */
export interface RegistryLayout {
  readonly sheetName: string;
  /** 1-based row of the header: the lowest row of the header band (items start below it). */
  readonly headerRow: number;
  /**
   * The rows of the header band, top to bottom: one to three rows, where group cells span
   * their sub-headers (时间 over 任务下达时间/要求完成时间). The last is `headerRow`.
   */
  readonly headerRows: readonly number[];
  /** 1-based column of each header found. */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  /** 1-based last column that has a header (extension columns go after 备注 / this). */
  readonly lastHeaderColumn: number;
}

/** Why a row below the header holding text is not an item. */
export type SkipReason = "total" | "footer" | "note" | "repeated-header";

/** A row the reader did not take as an item, reported as information (never an issue). */
export interface SkippedRow {
  readonly row: number;
  readonly reason: SkipReason;
  /** The text that gave it away (合计, 制表人：张三, 注：…), shortened. */
  readonly text: string;
}

/** A row that continues the item above it (one row per 承办单位 under a merged 编号/内容). */
export interface ContinuationRow {
  readonly row: number;
  /** The item's first row. */
  readonly itemRow: number;
}

/**
 * How one ledger sheet was read: its layout, items and what the reader left out. `mergesKnown`
 * is false when the adapter could not tell merged cells (Office before ExcelApi 1.13): then
 * items over several rows were recognised by the fallback rule (see ledger-rows.ts).
 */
export interface LedgerReading {
  readonly layout: RegistryLayout;
  readonly items: readonly RegistryItem[];
  readonly skipped: readonly SkippedRow[];
  readonly continuations: readonly ContinuationRow[];
  readonly mergesKnown: boolean;
}

export interface Leader {
  readonly name: string;
  readonly title: string;
  readonly principal: boolean;
}

/** Contents of the 设置 sheet (defaults when absent). */
export interface Settings {
  readonly orgName: string;
  readonly numberPrefix: string;
  readonly warningDays: number;
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly sections: readonly string[];
  readonly leaders: readonly Leader[];
  readonly routing: Readonly<Record<string, string | null>>;
  /** Working days to give for a reply in a 催办提示单. */
  readonly remindReplyDays: number;
}
