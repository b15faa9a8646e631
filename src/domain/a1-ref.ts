/**
 * A1 references for formulas, names and ranges the engine writes into a workbook, and read
 * back from one: column letters and numbers, cell addresses, quoted sheet names, absolute and
 * relative cell and range references. Pure text.
 */

import { rangeBetween, type CellRange } from "./cell";

// The rectangle every range function here takes (defined with the cell values).
export type { CellRange };

/**
 * Column letters of a 1-based column number.
 * @example columnLetters(1) // "A"
 * @example columnLetters(28) // "AB"
 */
export function columnLetters(col: number): string {
  let n = Math.trunc(col);
  if (n < 1) throw new RangeError(`Not a column number: ${col}`);
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 1-based column number of column letters (either case).
 * @example columnNumber("AB") // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL_ADDRESS = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;

/**
 * Row and column of an A1 cell address without a sheet (either case, "$" allowed), or null.
 * @example parseCellAddress("AB12") // { row: 12, col: 28 }
 * @example parseCellAddress("$b$5") // { row: 5, col: 2 }
 */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = CELL_ADDRESS.exec(address.trim());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : null;
}

/**
 * A sheet name as a formula prefix, always quoted (quotes doubled inside).
 * @example sheetPrefix("督办事项登记表") // "'督办事项登记表'!"
 * @example sheetPrefix("O'Brien") // "'O''Brien'!"
 */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/**
 * A cell reference; `abs` makes the column and row absolute ($A$1), "col" only the column.
 * @example cellRef(3, 5) // "E3"
 * @example cellRef(3, 5, "col") // "$E3"
 * @example cellRef(3, 5, "row") // "E$3"
 * @example cellRef(3, 5, "both") // "$E$3"
 */
export function cellRef(row: number, col: number, abs: "none" | "col" | "row" | "both" = "none"): string {
  const c = columnLetters(col);
  if (abs === "both") return `$${c}$${row}`;
  if (abs === "col") return `$${c}${row}`;
  if (abs === "row") return `${c}$${row}`;
  return `${c}${row}`;
}

/**
 * A range reference, relative or absolute; a single cell gives a cell reference.
 * @example rangeRef({ top: 3, left: 1, bottom: 10, right: 14 }) // "A3:N10"
 * @example rangeRef({ top: 2, left: 2, bottom: 2, right: 2 }, true) // "$B$2"
 */
export function rangeRef(range: CellRange, absolute = false): string {
  const abs = absolute ? "both" : "none";
  const a = cellRef(range.top, range.left, abs);
  if (range.top === range.bottom && range.left === range.right) return a;
  return `${a}:${cellRef(range.bottom, range.right, abs)}`;
}

/**
 * An absolute range on a named sheet, as defined names and cross-sheet formulas use it.
 * @example sheetRangeRef("设置", { top: 4, left: 2, bottom: 4, right: 2 }) // "'设置'!$B$4"
 */
export function sheetRangeRef(sheet: string, range: CellRange): string {
  return sheetPrefix(sheet) + rangeRef(range, true);
}

/**
 * A one-column range.
 * @example columnRange(5, 3, 10) // { top: 3, left: 5, bottom: 10, right: 5 }
 */
export function columnRange(col: number, top: number, bottom: number): CellRange {
  return { top, left: col, bottom, right: col };
}

/**
 * A text as an Excel string literal (quotes doubled).
 * @example stringLiteral('说"明') // '"说""明"'
 */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A sheet prefix ('表'! or 表!) at the start of an address. */
const SHEET_PREFIX = /^(?:'(?:[^']|'')*'|[^!]*)!/;

/**
 * An address as Excel returns it, without its sheet and "$" signs, to compare.
 * @example localAddress("'督办事项登记表'!$A$1:$W$400") // "A1:W400"
 */
export function localAddress(address: string): string {
  return address.replace(SHEET_PREFIX, "").replace(/\$/g, "");
}

/**
 * A reference without "=", "$" and the quotes around its sheet name, to compare references
 * written differently.
 * @example plainReference("='工作日历'!$A$2:$A$731") // "工作日历!A2:A731"
 */
export function plainReference(ref: string): string {
  return ref
    .replace(/^=/, "")
    .replace(/\$/g, "")
    .replace(/^'((?:[^']|'')*)'!/, (_, s: string) => `${s.replace(/''/g, "'")}!`);
}

/**
 * The range an A1 reference without a sheet names ("B4", "A1:N1", "$A$3:$A$4"), or null.
 * @example parseRangeRef("A1:N1") // { top: 1, left: 1, bottom: 1, right: 14 }
 * @example parseRangeRef("$B$5") // { top: 5, left: 2, bottom: 5, right: 2 }
 */
export function parseRangeRef(ref: string): CellRange | null {
  const [from, to, extra] = ref.trim().split(":");
  if (extra !== undefined) return null;
  const a = parseCellAddress(from);
  const b = to === undefined ? a : parseCellAddress(to);
  return a && b ? rangeBetween(a, b) : null;
}
