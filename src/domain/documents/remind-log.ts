/**
 * The 催办记录 sheet: one row per urging (policy 四（三）: by 电话, 督办函 or 催办提示单), so
 * that everyone sharing the workbook sees how often an item was urged. Columns are found by
 * header text; rows a person typed are read leniently (a bad date is kept as null, never
 * thrown on).
 */
import { cellText, isBlank, type CellValue, type IsoDate, type SheetGrid } from "../cell";
import { parseDateCell } from "../dates";
import { FormBuilder } from "../layout/form-builder";
import type { SheetLayout } from "../layout/types";
import { normalizeHeader } from "../columns";
import { printedNumber } from "./common";

/** Name of the urging log sheet. */
export const REMIND_LOG_SHEET = "催办记录";

/** The ways of urging the policy names. */
export const REMIND_METHODS = ["电话", "督办函", "催办提示单"] as const;
export type RemindMethod = (typeof REMIND_METHODS)[number];

/** Columns of the log, in order. */
export type RemindLogColumn = "date" | "number" | "method" | "handler" | "replyBy";

/** Header text of each column (and the other spellings accepted when reading). */
export const REMIND_LOG_HEADERS: readonly { key: RemindLogColumn; header: string; aliases: readonly string[] }[] = [
  { key: "date", header: "催办日期", aliases: ["日期", "催办时间"] },
  { key: "number", header: "督办事项编号", aliases: ["编号", "督办编号"] },
  { key: "method", header: "催办方式", aliases: ["方式"] },
  { key: "handler", header: "经办人", aliases: ["催办人"] },
  { key: "replyBy", header: "回复期限", aliases: ["回复时间"] },
];

/** How many rows from the top the header may sit in. */
const HEADER_SEARCH_ROWS = 10;

/** One urging. */
export interface RemindLogEntry {
  readonly date: IsoDate | null;
  readonly number: string;
  readonly method: string;
  readonly handler: string;
  readonly replyBy: IsoDate | null;
}

/** The log as read from its sheet. */
export interface RemindLog {
  /** 1-based header row (0 when the sheet has no recognisable header). */
  readonly headerRow: number;
  /** 1-based column of each header found. */
  readonly columns: Readonly<Partial<Record<RemindLogColumn, number>>>;
  readonly entries: readonly (RemindLogEntry & { readonly row: number })[];
  /** The first row below every row holding something: where the next entry goes. */
  readonly nextRow: number;
}

function columnOf(text: string): RemindLogColumn | undefined {
  const h = normalizeHeader(text);
  return REMIND_LOG_HEADERS.find((c) => c.header === h || c.aliases.includes(h))?.key;
}

function dateOf(cell: CellValue | undefined): IsoDate | null {
  if (!cell) return null;
  const parsed = parseDateCell(cell);
  return parsed?.ok ? parsed.date : null;
}

/**
 * Reads the 催办记录 sheet: the header is the first of the top rows naming 督办事项编号 (or
 * 编号); rows below with a number are entries. Without a header, nothing is read and the next
 * entry goes below whatever the sheet holds.
 * @example readRemindLog({ name: "催办记录", rows: [] }).nextRow // 2
 */
export function readRemindLog(grid: SheetGrid): RemindLog {
  let headerRow = 0;
  const columns: Partial<Record<RemindLogColumn, number>> = {};
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rows.length) && headerRow === 0; r++) {
    const found: Partial<Record<RemindLogColumn, number>> = {};
    grid.rows[r].forEach((cell, c) => {
      const key = columnOf(cellText(cell));
      if (key && found[key] === undefined) found[key] = c + 1;
    });
    if (found.number !== undefined) {
      headerRow = r + 1;
      Object.assign(columns, found);
    }
  }
  let lastFilled = 0;
  grid.rows.forEach((row, r) => {
    if (row.some((cell) => !isBlank(cell))) lastFilled = r + 1;
  });
  const entries: (RemindLogEntry & { row: number })[] = [];
  if (headerRow > 0) {
    const at = (row: readonly CellValue[], key: RemindLogColumn): CellValue | undefined =>
      columns[key] === undefined ? undefined : row[(columns[key] ?? 1) - 1];
    for (let r = headerRow; r < grid.rows.length; r++) {
      const row = grid.rows[r];
      const number = cellText(at(row, "number"));
      if (number === "") continue;
      entries.push({
        row: r + 1,
        date: dateOf(at(row, "date")),
        number,
        method: cellText(at(row, "method")),
        handler: cellText(at(row, "handler")),
        replyBy: dateOf(at(row, "replyBy")),
      });
    }
  }
  return { headerRow, columns, entries, nextRow: Math.max(lastFilled, headerRow, 1) + 1 };
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
  const date = (d: IsoDate | null): CellValue => (d === null ? { t: "empty" } : { t: "date", v: d });
  const text = (s: string): CellValue => (s === "" ? { t: "empty" } : { t: "string", v: s });
  return {
    date: date(entry.date),
    number: text(entry.number),
    method: text(entry.method),
    handler: text(entry.handler),
    replyBy: date(entry.replyBy),
  };
}

/**
 * A new, empty 催办记录 sheet: the header row in the official font, framed.
 * @example remindLogLayout().cells.map((c) => c.value) // ["催办日期", "督办事项编号", "催办方式", "经办人", "回复期限"]
 */
export function remindLogLayout(name: string = REMIND_LOG_SHEET): SheetLayout {
  const f = new FormBuilder([16, 20, 14, 12, 16]);
  const header = f.row(REMIND_LOG_HEADERS.map((c) => ({ text: c.header, style: "label" as const, field: c.key })));
  f.table(header);
  const layout = f.build(name, REMIND_LOG_SHEET);
  // A log grows downwards: print as many pages as it needs, one page wide, with grid lines on screen.
  return { ...layout, page: { ...layout.page, fitToHeight: 0, printArea: null }, showGridLines: true };
}
