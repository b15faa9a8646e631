/**
 * The 操作日志 (operation log): every cell the add-in writes is recorded in a hidden sheet of
 * the workbook — operation, time, cell, old value, new value — because Office.js writes may
 * clear Excel's own undo stack. The log is append-only (newest entries at the top, so no
 * client needs to know where the log ends, which keeps co-authors from clashing); an undo is
 * itself an operation whose entries name the operation they undo.
 *
 * This file holds the log's format (shared by the adapters that write it and the undo use
 * case that reads it) and the port extension an adapter implements to write with a log.
 */
import { cellText, EMPTY, type CellValue, type SheetGrid } from "../../domain/cell";
import { columnLetters } from "../../domain/a1-ref";
import { isoToSerial, serialToIso } from "../../domain/dates";
import type { CellWrite, WorkbookPort } from "../port";

/** Name of the hidden log sheet. */
export const OPERATION_LOG_SHEET = "操作日志";

/** Columns of the log, in order (row 1 holds these headers). */
export const OPERATION_LOG_HEADERS = [
  "操作编号",
  "时间",
  "操作",
  "操作人",
  "撤销的操作",
  "工作表",
  "单元格",
  "原值",
  "新值",
  "原值编码",
  "新值编码",
] as const;

/** What an operation is called in the log and, for an undo, which operation it reverses. */
export interface OperationMeta {
  /** Chinese name of the operation, e.g. "编号", "刷新", "撤销上次操作". */
  readonly operation: string;
  /** The 操作编号 this operation undoes (undo only). */
  readonly undoes?: string;
  /** Who did it, when the host knows (Office.js does not tell the add-in the user's name). */
  readonly user?: string;
}

/**
 * What happened to a whole sheet: created by the operation (undo deletes it), replaced (the old
 * sheet is gone, so undo stops there) or deleted by an undo.
 */
export type SheetAction = "created" | "replaced" | "deleted";

/**
 * The 单元格 text of an entry about a whole sheet (no A1 address looks like these). Logs written
 * before these entries existed hold none; a reader that does not know them skips the row.
 */
export const SHEET_ACTION_ADDRESS: Readonly<Record<SheetAction, string>> = {
  created: "（新建整个工作表）",
  replaced: "（替换整个工作表）",
  deleted: "（删除整个工作表）",
};

/**
 * The sheet action a 单元格 text names, or null for a cell address.
 * @example sheetActionOf("（新建整个工作表）") // "created"
 * @example sheetActionOf("B5") // null
 */
export function sheetActionOf(address: string): SheetAction | null {
  const text = address.trim();
  const found = (Object.keys(SHEET_ACTION_ADDRESS) as SheetAction[]).find((a) => SHEET_ACTION_ADDRESS[a] === text);
  return found ?? null;
}

/** One logged cell write, or one action on a whole sheet (`sheetAction` set; row and col 0). */
export interface LogEntry {
  readonly id: string;
  readonly time: string;
  readonly operation: string;
  readonly user: string;
  /** The 操作编号 this entry's operation undid ("" when it is not an undo). */
  readonly undoes: string;
  readonly sheet: string;
  /** A1 address without the sheet, e.g. "B5". */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly old: CellValue;
  readonly new: CellValue;
  /** Set when the entry is about the whole sheet, not one cell. */
  readonly sheetAction?: SheetAction;
  /**
   * Set when the entry is about a run of cells down one column, rows `row`…`lastRow`, that were
   * all empty and got one formula (a refresh fills the 状态 column this way: one entry per run,
   * not one per cell). Only setup operations, which undo does not take back, write such entries.
   */
  readonly lastRow?: number;
}

/** What an adapter that keeps the log offers on top of WorkbookPort. */
export interface LoggedWorkbookPort extends WorkbookPort {
  /**
   * Writes exactly these cells and records each one in the 操作日志 under one new 操作编号,
   * the log rows written before the cells in the same batch (so a write that happened always
   * has its entry). `old` of each write is what is recorded as the old value.
   */
  writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void>;
  /**
   * Deletes the sheet `name` and records a 删除整个工作表 entry under `meta` (an undo of the
   * operation that created it), queued with the other writes of the operation. When the sheet
   * no longer exists, only the entry is recorded. The caller reads the sheet in the same
   * operation first, so the adapter knows whether it exists.
   */
  deleteSheet?(name: string, meta: OperationMeta): Promise<void>;
}

/** True when a port keeps the 操作日志. */
export function isLoggedPort(port: WorkbookPort): port is LoggedWorkbookPort {
  return typeof (port as Partial<LoggedWorkbookPort>).writeLogged === "function";
}

/**
 * A cell value as text that decodes to the same value: one letter for the kind, a colon, the
 * value. Dates keep their ISO form so that they survive being written as serial numbers.
 * @example encodeLogValue({ t: "string", v: "〔2021〕5号" }) // "s:〔2021〕5号"
 * @example encodeLogValue({ t: "date", v: "2021-03-31" }) // "d:2021-03-31"
 * @example encodeLogValue({ t: "empty" }) // "-"
 */
export function encodeLogValue(value: CellValue): string {
  switch (value.t) {
    case "empty":
      return "-";
    case "string":
      return `s:${value.v}`;
    case "number":
      return value.fmt ? `n:${value.v}|${value.fmt}` : `n:${value.v}`;
    case "bool":
      return value.v ? "b:1" : "b:0";
    case "date":
      return `d:${value.v}`;
    case "error":
      return `e:${value.v}`;
  }
}

/**
 * The value encoded by encodeLogValue; null for text that is not an encoding (a log cell a
 * person edited), so a damaged entry is skipped rather than restored wrongly.
 * @example decodeLogValue("n:3") // { t: "number", v: 3 }
 * @example decodeLogValue("hello") // null
 */
export function decodeLogValue(text: string): CellValue | null {
  if (text === "-" || text === "") return EMPTY;
  const kind = text.slice(0, 2);
  const body = text.slice(2);
  switch (kind) {
    case "s:":
      return { t: "string", v: body };
    case "n:": {
      const bar = body.indexOf("|");
      const v = Number(bar < 0 ? body : body.slice(0, bar));
      if (body === "" || !Number.isFinite(v)) return null;
      return bar < 0 ? { t: "number", v } : { t: "number", v, fmt: body.slice(bar + 1) };
    }
    case "b:":
      return body === "1" ? { t: "bool", v: true } : body === "0" ? { t: "bool", v: false } : null;
    case "d:":
      return Number.isNaN(isoToSerial(body)) ? null : { t: "date", v: body };
    case "e:":
      return body === "" ? null : { t: "error", v: body };
    default:
      return null;
  }
}

/**
 * True when two cells hold the same value as Excel stores it: a date equals its serial
 * number, number formats are ignored, a blank text equals an empty cell.
 * @example sameCellValue({ t: "date", v: "2021-03-31" }, { t: "number", v: 44286 }) // true
 * @example sameCellValue({ t: "string", v: "1" }, { t: "number", v: 1 }) // false
 */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  const na = normalForm(a);
  const nb = normalForm(b);
  return na.t === nb.t && na.v === nb.v;
}

function normalForm(cell: CellValue): { t: string; v: string | number | boolean } {
  switch (cell.t) {
    case "empty":
      return { t: "empty", v: "" };
    case "string":
      return cell.v === "" ? { t: "empty", v: "" } : { t: "string", v: cell.v };
    case "date":
      return { t: "number", v: isoToSerial(cell.v) };
    case "number":
      return { t: "number", v: cell.v };
    default:
      return { t: cell.t, v: cell.v };
  }
}

/** Text of a value for people reading the log (dates as ISO). */
function shown(value: CellValue): string {
  if (value.t === "number" && value.fmt && /[yd]/.test(value.fmt)) return serialToIso(value.v) ?? cellText(value);
  return cellText(value);
}

/**
 * The cells of one log row, in OPERATION_LOG_HEADERS order (all text). An entry about a whole
 * sheet (`sheetAction`) has its marker in 单元格 and empty values.
 * @example logRowCells({ id: "x", time: "2026-03-01 10:00:00", operation: "编号", sheet: "登记表", row: 5, col: 2,
 *   old: { t: "empty" }, new: { t: "string", v: "〔2026〕1号" } })[6] // { t: "string", v: "B5" }
 * @example logRowCells({ id: "x", time: "…", operation: "生成督办事项通知单", sheet: "通知单〔2021〕3号", row: 0, col: 0,
 *   old: { t: "empty" }, new: { t: "empty" }, sheetAction: "created" })[6] // { t: "string", v: "（新建整个工作表）" }
 */
export function logRowCells(entry: {
  readonly id: string;
  readonly time: string;
  readonly operation: string;
  readonly user?: string;
  readonly undoes?: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly old: CellValue;
  readonly new: CellValue;
  readonly sheetAction?: SheetAction;
  /** For a run of cells down the column: its last row (the address becomes "W3:W2002"). */
  readonly lastRow?: number;
}): CellValue[] {
  const text = (v: string): CellValue => (v === "" ? EMPTY : { t: "string", v });
  // A whole-sheet entry has a marker for an address and no values.
  const action = entry.sheetAction;
  const run =
    entry.lastRow !== undefined && entry.lastRow > entry.row ? `:${columnLetters(entry.col)}${entry.lastRow}` : "";
  const [address, old, now] = action
    ? [SHEET_ACTION_ADDRESS[action], EMPTY, EMPTY]
    : [`${columnLetters(entry.col)}${entry.row}${run}`, entry.old, entry.new];
  return [
    text(entry.id),
    text(entry.time),
    text(entry.operation),
    text(entry.user ?? ""),
    text(entry.undoes ?? ""),
    text(entry.sheet),
    text(address),
    action ? EMPTY : text(shown(old)),
    action ? EMPTY : text(shown(now)),
    text(encodeLogValue(old)),
    text(encodeLogValue(now)),
  ];
}

/** The writes that record entries in rows `firstRow`… of the log sheet (top to bottom). */
export function logWrites(entries: readonly Parameters<typeof logRowCells>[0][], firstRow: number): CellWrite[] {
  return entries.flatMap((entry, i) =>
    logRowCells(entry).map((value, c) => ({ sheet: OPERATION_LOG_SHEET, row: firstRow + i, col: c + 1, value })),
  );
}

const ADDRESS = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

/**
 * Row and column of an A1 address.
 * @example parseCellAddress("AB12") // { row: 12, col: 28 }
 */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = ADDRESS.exec(address.trim().replace(/\$/g, "").toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * An entry recording an action on a whole sheet (row and col 0, empty values).
 * @example sheetEntry({ id: "x", time: "…", operation: "生成督办事项通知单" }, "通知单〔2021〕3号", "created").sheetAction // "created"
 */
export function sheetEntry(
  base: {
    readonly id: string;
    readonly time: string;
    readonly operation: string;
    readonly user?: string;
    readonly undoes?: string;
  },
  sheet: string,
  sheetAction: SheetAction,
): Parameters<typeof logRowCells>[0] {
  return { ...base, sheet, row: 0, col: 0, old: EMPTY, new: EMPTY, sheetAction };
}

/**
 * The entries of the log sheet, top (newest) first. Rows that are not entries — the header,
 * blank rows, rows whose address or value encodings were damaged — are skipped and counted.
 * @example parseOperationLog(grid).entries[0] // { id: "…", operation: "编号", sheet: "督办事项登记表", address: "B5", … }
 */
export function parseOperationLog(grid: SheetGrid): { entries: LogEntry[]; skipped: number } {
  const entries: LogEntry[] = [];
  let skipped = 0;
  grid.rows.forEach((cells, r) => {
    const t = (c: number) => cellText(cells[c]);
    // Encodings are read untrimmed: a text value may begin or end with spaces.
    const raw = (c: number) => (cells[c]?.t === "string" ? (cells[c] as { v: string }).v : t(c));
    if (r === 0 && t(0) === OPERATION_LOG_HEADERS[0]) return;
    if (cells.every((c) => cellText(c) === "")) return;
    const action = sheetActionOf(t(6));
    const run = action ? null : parseRunAddress(t(6));
    const at = action ? { row: 0, col: 0 } : (parseCellAddress(t(6)) ?? run);
    const old = decodeLogValue(raw(9));
    const neu = decodeLogValue(raw(10));
    if (t(0) === "" || t(5) === "" || !at || !old || !neu) {
      skipped += 1;
      return;
    }
    if (action) {
      entries.push({
        id: t(0),
        time: t(1),
        operation: t(2),
        user: t(3),
        undoes: t(4),
        sheet: t(5),
        address: t(6).trim(),
        row: 0,
        col: 0,
        old: EMPTY,
        new: EMPTY,
        sheetAction: action,
      });
      return;
    }
    entries.push({
      id: t(0),
      time: t(1),
      operation: t(2),
      user: t(3),
      undoes: t(4),
      sheet: t(5),
      address: t(6).toUpperCase(),
      row: at.row,
      col: at.col,
      old,
      new: neu,
      ...(run ? { lastRow: run.lastRow } : {}),
    });
  });
  return { entries, skipped };
}

/**
 * First cell and last row of a run address down one column ("W3:W2002"), or null.
 * @example parseRunAddress("W3:W2002") // { row: 3, col: 23, lastRow: 2002 }
 */
export function parseRunAddress(address: string): { row: number; col: number; lastRow: number } | null {
  const [from, to, extra] = address.split(":");
  if (to === undefined || extra !== undefined) return null;
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b || a.col !== b.col || b.row < a.row) return null;
  return { row: a.row, col: a.col, lastRow: b.row };
}
