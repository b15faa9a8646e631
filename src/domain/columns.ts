/**
 * The registry's columns: the 14 official ones of attachment 3, then the columns the product
 * adds to the right of 备注. Columns are found by header text (white space removed), never by
 * position.
 */
import { CLASSIFIED_LEVELS, RESULT_CHOICES, SECRECY_LEVELS, URGENCY_LEVELS } from "./vocabulary";
import { YES_NO } from "./yes-no";

export type ColumnKey =
  | "seq"
  | "number"
  | "content"
  | "sourceDocNo"
  | "urgency"
  | "secrecy"
  | "issuedOn"
  | "dueOn"
  | "section"
  | "assisting"
  | "hostHead"
  | "signedOn"
  | "result"
  | "remarks"
  | "hostUnit"
  | "source"
  | "major"
  | "signer"
  | "closedOn"
  | "extendedTo"
  | "extensionApprover"
  | "reportedOn"
  | "status";

export interface ColumnDef {
  readonly key: ColumnKey;
  /** Canonical header text, no white space. */
  readonly header: string;
  /** Other header spellings seen in real workbooks (white space removed). */
  readonly aliases: readonly string[];
  readonly official: boolean;
  readonly kind: "text" | "date" | "integer" | "number";
}

export const OFFICIAL_COLUMNS: readonly ColumnDef[] = [
  { key: "seq", header: "序号", aliases: [], official: true, kind: "integer" },
  { key: "number", header: "督办事项编号", aliases: ["编号", "督办编号"], official: true, kind: "number" },
  {
    key: "content",
    header: "督办事项内容",
    aliases: ["督办事项", "事项内容", "督办内容"],
    official: true,
    kind: "text",
  },
  { key: "sourceDocNo", header: "来文编号", aliases: ["来文号"], official: true, kind: "text" },
  { key: "urgency", header: "紧急程度", aliases: [], official: true, kind: "text" },
  { key: "secrecy", header: "密级", aliases: [], official: true, kind: "text" },
  {
    key: "issuedOn",
    header: "任务下达时间",
    aliases: ["下达时间", "任务下达日期", "交办时间", "交办日期", "下达日期"],
    official: true,
    kind: "date",
  },
  {
    key: "dueOn",
    header: "要求完成时间",
    aliases: ["完成时限", "要求完成日期", "办理时限", "完成时间要求", "办结时限"],
    official: true,
    kind: "date",
  },
  { key: "section", header: "督办科室或单位", aliases: ["督办科室", "督办单位"], official: true, kind: "text" },
  { key: "assisting", header: "协办科室或单位", aliases: ["协办科室", "协办单位"], official: true, kind: "text" },
  { key: "hostHead", header: "承办单位负责人", aliases: ["承办负责人", "责任人"], official: true, kind: "text" },
  { key: "signedOn", header: "签收日期", aliases: ["签收时间"], official: true, kind: "date" },
  { key: "result", header: "督办结果", aliases: ["办理结果"], official: true, kind: "text" },
  { key: "remarks", header: "备注", aliases: [], official: true, kind: "text" },
];

export const EXTENSION_COLUMNS: readonly ColumnDef[] = [
  {
    key: "hostUnit",
    header: "承办单位",
    aliases: ["承办单位名称", "责任单位", "承办科室"],
    official: false,
    kind: "text",
  },
  { key: "source", header: "事项来源", aliases: [], official: false, kind: "text" },
  { key: "major", header: "重大事项", aliases: [], official: false, kind: "text" },
  { key: "signer", header: "签发领导", aliases: [], official: false, kind: "text" },
  { key: "closedOn", header: "办结日期", aliases: ["办结时间"], official: false, kind: "date" },
  { key: "extendedTo", header: "延期至", aliases: [], official: false, kind: "date" },
  { key: "extensionApprover", header: "延期批准人", aliases: [], official: false, kind: "text" },
  { key: "reportedOn", header: "报告日期", aliases: [], official: false, kind: "date" },
  { key: "status", header: "状态", aliases: [], official: false, kind: "text" },
];

export const ALL_COLUMNS: readonly ColumnDef[] = [...OFFICIAL_COLUMNS, ...EXTENSION_COLUMNS];

/** The list values live in the vocabulary (vocabulary.ts); these names stay for the lists' users. */
export const URGENCY_VALUES = URGENCY_LEVELS;
export const SECRECY_VALUES = SECRECY_LEVELS;
export const CLASSIFIED_VALUES = CLASSIFIED_LEVELS;
export const RESULT_VALUES = RESULT_CHOICES;
export const MAJOR_VALUES = [YES_NO.yes, YES_NO.no] as const;
export const SOURCE_VALUES = [
  "区委批转",
  "区政府批转",
  "区人大批转",
  "区政协批转",
  "主要领导批示",
  "其他领导批示",
  "主任办公会",
  "工委会",
  "党建意识形态",
  "其他",
] as const;

/** Policy section 三: which section supervises items of each source (null = the relevant section). */
export const DEFAULT_ROUTING: Readonly<Record<string, string | null>> = {
  区委批转: "秘书科",
  区政府批转: "督导室",
  区人大批转: "办公室",
  区政协批转: "办公室",
  主要领导批示: "办公室",
  主任办公会: "办公室",
  工委会: "组织科",
  党建意识形态: "组织科",
  其他领导批示: null,
  其他: null,
};

/**
 * Normalise a header: remove all white space (including line breaks and full-width spaces).
 *
 * @example
 * normalizeHeader("任务下\n达时间") // => "任务下达时间"
 */
export function normalizeHeader(text: string): string {
  return text.replace(/[\s\u3000]+/g, "");
}
