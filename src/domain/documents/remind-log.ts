/**
 * The 催办记录 sheet: one row per urging (policy 四（三）: by 电话, 督办函 or 催办提示单), so
 * that everyone sharing the workbook sees how often an item was urged. Columns are found by
 * header text; rows a person typed are read leniently (a bad date is kept as null, never
 * thrown on).
 */
import { cellText, type CellValue, type IsoDate, type SheetGrid } from "../cell";
import type { SheetLayout } from "../layout/types";
import { printedNumber } from "./common";
import { logCell, logDate, logSheetLayout, readLogSheet, type LogColumnDef, type ReadLog } from "../log-sheet";

/** Name of the urging log sheet. */
export const REMIND_LOG_SHEET = "催办记录";

/** The ways of urging the policy names. */
export const REMIND_METHODS = ["电话", "督办函", "催办提示单"] as const;
export type RemindMethod = (typeof REMIND_METHODS)[number];

/** Columns of the log, in order. */
export type RemindLogColumn = "date" | "number" | "method" | "handler" | "replyBy";

/** Header text of each column (and the other spellings accepted when reading). */
export const REMIND_LOG_HEADERS: readonly LogColumnDef<RemindLogColumn>[] = [
  { key: "date", header: "催办日期", aliases: ["日期", "催办时间"] },
  { key: "number", header: "督办事项编号", aliases: ["编号", "督办编号"] },
  { key: "method", header: "催办方式", aliases: ["方式"] },
  { key: "handler", header: "经办人", aliases: ["催办人"] },
  { key: "replyBy", header: "回复期限", aliases: ["回复时间"] },
];

/** One urging. */
export interface RemindLogEntry {
  readonly date: IsoDate | null;
  readonly number: string;
  readonly method: string;
  readonly handler: string;
  readonly replyBy: IsoDate | null;
}

/** The log as read from its sheet. */
export type RemindLog = ReadLog<RemindLogColumn, RemindLogEntry>;

/**
 * Reads the 催办记录 sheet: the header is the first of the top rows naming 督办事项编号 (or
 * 编号); rows below with a number are entries. Without a header, nothing is read and the next
 * entry goes below whatever the sheet holds.
 * @example readRemindLog({ name: "催办记录", rows: [] }).nextRow // 2
 */
export function readRemindLog(grid: SheetGrid): RemindLog {
  const sheet = readLogSheet(grid, REMIND_LOG_HEADERS, "number");
  const entries = sheet.rows.map(({ row, cells }) => ({
    row,
    date: logDate(cells.date),
    number: cellText(cells.number),
    method: cellText(cells.method),
    handler: cellText(cells.handler),
    replyBy: logDate(cells.replyBy),
  }));
  return { headerRow: sheet.headerRow, columns: sheet.columns, entries, nextRow: sheet.nextRow };
}

/**
 * How many times an item was urged: entries whose number is the same once both are put in
 * their correct form (so `[2021]3号` in the log counts for `〔2021〕3号`).
 * @example timesUrged([{ date: null, number: "[2021]3号", method: "电话", handler: "", replyBy: null }], "〔2021〕3号") // 1
 */
export function timesUrged(entries: readonly RemindLogEntry[], number: string): number {
  const wanted = printedNumber(number);
  return entries.filter((e) => printedNumber(e.number) === wanted).length;
}

/**
 * The cells of one log row, keyed by column.
 * @example remindLogCells({ date: "2021-05-10", number: "〔2021〕3号", method: "电话", handler: "王芳", replyBy: null }).date
 *   // { t: "date", v: "2021-05-10" }
 */
export function remindLogCells(entry: RemindLogEntry): Record<RemindLogColumn, CellValue> {
  return {
    date: logCell(entry.date, "date"),
    number: logCell(entry.number, "text"),
    method: logCell(entry.method, "text"),
    handler: logCell(entry.handler, "text"),
    replyBy: logCell(entry.replyBy, "date"),
  };
}

/**
 * A new, empty 催办记录 sheet: the header row in the official font, framed.
 * @example remindLogLayout().cells.map((c) => c.value) // ["催办日期", "督办事项编号", "催办方式", "经办人", "回复期限"]
 */
export function remindLogLayout(name: string = REMIND_LOG_SHEET): SheetLayout {
  return logSheetLayout(REMIND_LOG_HEADERS, [16, 20, 14, 12, 16], name, REMIND_LOG_SHEET);
}
