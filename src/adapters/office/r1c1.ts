/**
 * A1 formulas in R1C1 notation, relative to the cell that holds them. The setup writes a column
 * of formulas (the 状态 column, the calendar's running count) through `range.formulasR1C1` with
 * one value for the whole range: Microsoft documents that a single value is applied to every
 * cell of the range, and in R1C1 a relative reference means the same offset in every cell, so
 * 10,000 status formulas cost one string and are right by definition — nothing relies on Excel
 * moving A1 references (which it does not document).
 *
 * Only what is certain is converted: cell references (B3, $B3, B$3, $B$3, also after a sheet
 * name) and ranges of them. Quoted text, names and function names stay as they are; a formula
 * whose conversion is not uniform down a run is written cell by cell in A1 instead.
 */
import { columnNumber } from "../../domain/a1-ref";

/** A cell reference, not inside a longer name and not a function name. */
const CELL = /(?<![A-Za-z0-9_.\u0080-\uffff$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(\u0080-\uffff])/g;

/**
 * An A1 formula (without "=") of the cell (row, col) in R1C1 notation; null when a reference
 * is beyond the sheet's columns (then it is not a cell reference this reading understands).
 * @example toR1C1('IF($W3="逾期",COUNTIF($B$3:$B$9,B3),0)', 3, 24) // 'IF(RC23="逾期",COUNTIF(R3C2:R9C2,RC[-22]),0)'
 * @example toR1C1('"B3"&B4', 3, 2) // '"B3"&R[1]C'
 */
export function toR1C1(formula: string, row: number, col: number): string | null {
  let failed = false;
  const out = formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) =>
      part.startsWith('"')
        ? part
        : part.replace(CELL, (_whole, c$: string, letters: string, r$: string, digits: string) => {
            const c = columnNumber(letters);
            const r = Number(digits);
            if (c > 16384 || r < 1 || r > 1048576) failed = true;
            const rr = r$ === "$" ? `R${r}` : r === row ? "R" : `R[${r - row}]`;
            const cc = c$ === "$" ? `C${c}` : c === col ? "C" : `C[${c - col}]`;
            return `${rr}${cc}`;
          }),
    )
    .join("");
  return failed ? null : out;
}

/**
 * The one R1C1 formula of a vertical run of A1 formulas starting at (row, col), when every
 * formula of the run is that formula; null otherwise.
 * @example uniformR1C1(["A2*2", "A3*2"], 2, 2) // "RC[-1]*2"
 * @example uniformR1C1(["A2*2", "A2*2"], 2, 2) // null
 */
export function uniformR1C1(formulas: readonly string[], row: number, col: number): string | null {
  const first = formulas.length === 0 ? null : toR1C1(formulas[0], row, col);
  if (first === null) return null;
  return formulas.every((f, i) => i === 0 || toR1C1(f, row + i, col) === first) ? first : null;
}
