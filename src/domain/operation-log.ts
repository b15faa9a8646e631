/**
 * The 操作日志 (operation log): every cell the add-in writes is recorded in a hidden sheet of
 * the workbook — operation, time, cell, old value, new value — because Office.js writes may
 * clear Excel's own undo stack. The log is append-only (newest entries at the top, so no
 * client needs to know where the log ends, which keeps co-authors from clashing); an undo is
 * itself an operation whose entries name the operation they undo.
 *
 * This file holds the log's format: the rows the adapters write and the entries the undo use
 * case reads back. The port extension an adapter implements to write with a log is in
 * app/ports/operation-log.ts.
 */
import { cellText, EMPTY, type CellValue, type SheetGrid } from "./cell";
import { columnLetters, parseCellAddress } from "./a1-ref";
import { isoToSerial, serialToIso } from "./dates";

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

/** What every log row of one operation's batch shares: its 操作编号, time, name, user and what it undoes. */
export interface LogBase {
  readonly id: string;
  readonly time: string;
  readonly operation: string;
  readonly user?: string;
  readonly undoes?: string;
}

/** What one log row records: a cell write, a run down one column, or an action on a whole sheet. */
export interface LoggedChange {
  readonly sheet: string;
  /** 1-based (0 for a whole sheet). */
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

/**
 * One entry as read back from the log; `user` and `undoes` are "" when not recorded (`undoes`
 * is the 操作编号 this entry's operation undid).
 */
export interface LogEntry extends Required<LogBase>, LoggedChange {
  /** A1 address without the sheet, e.g. "B5" (or the marker of a whole-sheet entry). */
  readonly address: string;
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
export function logRowCells(entry: LogBase & LoggedChange): CellValue[] {
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

/**
 * An entry recording an action on a whole sheet (row and col 0, empty values).
 * @example sheetEntry({ id: "x", time: "…", operation: "生成督办事项通知单" }, "通知单〔2021〕3号", "created").sheetAction // "created"
 */
export function sheetEntry<B extends LogBase>(base: B, sheet: string, sheetAction: SheetAction): B & LoggedChange {
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
    const base = { id: t(0), time: t(1), operation: t(2), user: t(3), undoes: t(4) };
    entries.push(
      action
        ? { ...sheetEntry(base, t(5), action), address: t(6).trim() }
        : {
            ...base,
            sheet: t(5),
            address: t(6).toUpperCase(),
            row: at.row,
            col: at.col,
            old,
            new: neu,
            ...(run ? { lastRow: run.lastRow } : {}),
          },
    );
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
