/**
 * A1 references for formulas, names and ranges the engine writes into a workbook: column
 * letters, quoted sheet names, absolute and relative cell and range references. Pure text.
 */

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

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

/**
 * The range an A1 reference without a sheet names ("B4", "A1:N1", "$A$3:$A$4"), or null.
 * @example parseRangeRef("A1:N1") // { top: 1, left: 1, bottom: 1, right: 14 }
 * @example parseRangeRef("$B$5") // { top: 5, left: 2, bottom: 5, right: 2 }
 */
export function parseRangeRef(ref: string): CellRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [r1, c1] = [Number(m[2]), col(m[1])];
  const [r2, c2] = m[3] === undefined ? [r1, c1] : [Number(m[4]), col(m[3])];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}
