import type { ColumnKey } from "./columns";
import type { IsoDate } from "./cell";

/** One 督办事项 as read from a registry row. Text fields are trimmed; "" when blank. */
export interface RegistryItem {
  /** 1-based sheet row. */
  readonly row: number;
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
  readonly row: number;
  readonly column: string;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** A corrected value the user can accept, when one exists. */
  readonly fix?: string;
}

export type Status = "已办结" | "已终止" | "逾期" | "临期" | "办理中";

/** Where the registry sits in its sheet. */
export interface RegistryLayout {
  readonly sheetName: string;
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** 1-based column of each header found. */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  /** 1-based last column that has a header (extension columns go after 备注 / this). */
  readonly lastHeaderColumn: number;
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
