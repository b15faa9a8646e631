/**
 * Relative references of A1 formulas moved by whole rows, as Excel moves them when one
 * formula is entered into a whole range (Ctrl+Enter, or Office.js's "single input copy": a
 * single value assigned to `range.formulas` of many cells). The setup uses it to recognise a
 * run of cells whose planned formulas are one relative formula, written with one assignment
 * instead of one string per cell (10,000 status formulas of 1.9 KB each would be 20 MB).
 *
 * Only what is certain is moved: cell references (B3, $B3, B$3, $B$3, also after a sheet name)
 * and row ranges (3:3). Text in double quotes, names and function names are left alone. A run
 * is only written this way when shifting its first formula gives every other formula of the
 * run exactly, so a formula this reading does not understand is written cell by cell.
 */
import { shiftFormula } from "../../domain/formula-shift";

/**
 * The formula with its relative row references moved `by` rows; null when a reference would
 * leave the sheet. Quoted text is copied as it is.
 * @example shiftRows('IF($W3="逾期",COUNTIF($B$3:$B$9,B3),0)', 2) // 'IF($W5="逾期",COUNTIF($B$3:$B$9,B5),0)'
 * @example shiftRows('"B3"&B3', 1) // '"B3"&B4'
 */
export function shiftRows(formula: string, by: number): string | null {
  return shiftFormula(formula, by, 0);
}

/**
 * True when every formula of a vertical run is the first one moved down by its distance, so
 * that assigning the first formula to the whole run gives exactly these formulas.
 * @example isRelativeRun(["A2*2", "A3*2", "A4*2"]) // true
 * @example isRelativeRun(["A2*2", "A2*2"]) // false
 */
export function isRelativeRun(formulas: readonly string[]): boolean {
  if (formulas.length < 2) return formulas.length === 1;
  return formulas.every((f, i) => i === 0 || shiftRows(formulas[0], i) === f);
}
