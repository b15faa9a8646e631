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

/** A reference's axis: its bounds and how its text reads and writes as a 1-based index. */
interface Axis {
  readonly max: number;
  readonly index: (text: string) => number;
  readonly text: (index: number) => string;
}

const ROWS: Axis = { max: 1048576, index: Number, text: String };
const COLS: Axis = { max: 16384, index: columnNumber, text: columnLetters };

/** A row or column reference moved `by` along its axis (kept when absolute); null off the sheet. */
function moved(ref: string, absolute: string, by: number, axis: Axis): string | null {
  if (absolute === "$" || by === 0) return ref;
  const next = axis.index(ref) + by;
  return next < 1 || next > axis.max ? null : axis.text(next);
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
        if (columnNumber(col) > COLS.max) return whole;
        return `${c$}${take(moved(col, c$, cols, COLS), col)}${r$}${take(moved(row, r$, rows, ROWS), row)}`;
      }
      if (from !== undefined)
        return `${a$}${take(moved(from, a$, rows, ROWS), from)}:${b$}${take(moved(to, b$, rows, ROWS), to)}`;
      if (columnNumber(left) > COLS.max || columnNumber(right) > COLS.max) return whole;
      return `${x$}${take(moved(left, x$, cols, COLS), left)}:${y$}${take(moved(right, y$, cols, COLS), right)}`;
    });
  });
  return failed ? null : out.join("");
}
