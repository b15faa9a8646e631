/**
 * Relative references of A1 formulas moved by rows and columns, as Excel moves them when a
 * formula is copied (or shared by a block of cells, each reading it from its own position).
 *
 * Only what is certain is moved: cell references (B3, $B3, B$3, $B$3, also after a sheet name),
 * row ranges (3:3) and column ranges (A:C). Text in double quotes, names and function names are
 * left alone.
 */
import { columnLetters, columnNumber } from "./a1-ref";

/** A cell reference, a row range or a column range, not inside a longer name and not a function name. */
const REFERENCE =
  /(?<![A-Za-z0-9_.\u0080-\uffff$])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)(\d{1,7}):(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3}))(?![A-Za-z0-9_(\u0080-\uffff!])/g;

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function movedRow(row: string, absolute: string, by: number): string | null {
  if (absolute === "$" || by === 0) return row;
  const next = Number(row) + by;
  return next < 1 || next > MAX_ROW ? null : String(next);
}

function movedCol(col: string, absolute: string, by: number): string | null {
  if (absolute === "$" || by === 0) return col;
  const next = columnNumber(col) + by;
  return next < 1 || next > MAX_COL ? null : columnLetters(next);
}

/**
 * The formula with its relative references moved `rows` down and `cols` right; null when a
 * reference would leave the sheet. Quoted text is copied as it is.
 * @example shiftFormula("B3+$C3", 2, 1) // "C5+$C5"
 * @example shiftFormula("SUM(A:A)", 0, 2) // "SUM(C:C)"
 */
export function shiftFormula(formula: string, rows: number, cols: number): string | null {
  let failed = false;
  const take = (v: string | null, fallback: string): string => {
    if (v === null) failed = true;
    return v ?? fallback;
  };
  const parts = formula.split(/("(?:[^"]|"")*")/);
  const out = parts.map((part) => {
    if (part.startsWith('"')) return part;
    return part.replace(REFERENCE, (whole: string, ...g: string[]) => {
      const [c$, col, r$, row, a$, from, b$, to, x$, left, y$, right] = g;
      if (col !== undefined) {
        if (columnNumber(col) > MAX_COL) return whole;
        return `${c$}${take(movedCol(col, c$, cols), col)}${r$}${take(movedRow(row, r$, rows), row)}`;
      }
      if (from !== undefined)
        return `${a$}${take(movedRow(from, a$, rows), from)}:${b$}${take(movedRow(to, b$, rows), to)}`;
      if (columnNumber(left) > MAX_COL || columnNumber(right) > MAX_COL) return whole;
      return `${x$}${take(movedCol(left, x$, cols), left)}:${y$}${take(movedCol(right, y$, cols), right)}`;
    });
  });
  return failed ? null : out.join("");
}
