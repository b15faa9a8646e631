/**
 * The TypeScript twins of the row formulas' pieces (row-formulas.ts): what a formula reads in a
 * cell, computed the way Excel computes it. The setup plan compares them with the engine's own
 * reading (registry-notes.ts), so that before anything is written it can report the rows where
 * the workbook's colours and `duban status` would disagree.
 */
import { cellText, type CellValue, type IsoDate } from "./cell";
import { MAX_EXCEL_SERIAL, serialToIso } from "./dates";

/** Excel's TRIM: strips ASCII spaces at both ends and collapses runs inside to one. */
function excelTrim(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/** Excel's CLEAN: removes the control characters 0–31. */
function excelClean(text: string): string {
  return [...text].filter((ch) => ch.charCodeAt(0) > 31).join("");
}

/**
 * The text Excel's text functions see in a cell: text untrimmed, numbers and TRUE/FALSE as
 * cellText shows them; null for an error (which makes the formula an error) and for an engine
 * date (a date cell holds a number, which no word matches).
 */
function excelText(cell: CellValue): string | null {
  if (cell.t === "date" || cell.t === "error") return null;
  return cell.t === "string" ? cell.v : cellText(cell);
}

/**
 * Twin of the date part of 截止日期: the date a formula reads in a cell — a number that is a
 * date (time of day dropped), or null (text, blank, a number past 9999-12-31 …).
 * @example formulaDateOf({ t: "number", v: 46361.75 }) // "2026-12-05"
 * @example formulaDateOf({ t: "string", v: "2026-12-05" }) // null (text is not a date to a formula)
 */
export function formulaDateOf(cell: CellValue | undefined): IsoDate | null {
  if (cell === undefined) return null;
  if (cell.t === "date") return cell.v;
  if (cell.t !== "number" || cell.v > MAX_EXCEL_SERIAL || cell.v < 1) return null;
  return serialToIso(Math.floor(cell.v));
}

/**
 * True when a formula counts the cell as a date written as something else (what the red
 * conditional format shows): non-blank text, or a number past 9999-12-31.
 * @example formulaSeesNotADate({ t: "string", v: "2026-12-05" }) // true
 */
export function formulaSeesNotADate(cell: CellValue | undefined): boolean {
  if (cell === undefined) return false;
  if (cell.t === "string") return excelTrim(cell.v) !== "";
  return cell.t === "number" && cell.v > MAX_EXCEL_SERIAL;
}

/**
 * Twin of the formula's item test for one cell: COUNTA counts every cell that is not empty —
 * text (white space too), numbers, TRUE/FALSE, error values.
 * @example formulaCountsAsEvidence({ t: "string", v: " " }) // true (the engine says blank)
 */
export function formulaCountsAsEvidence(cell: CellValue | undefined): boolean {
  if (cell === undefined) return false;
  return cell.t === "string" ? cell.v.length > 0 : cell.t !== "empty";
}

/**
 * Twin of the terminating test: TRIM(CLEAN(…)) matched against the terminating words.
 * @example formulaTerminated({ t: "string", v: "终止\n" }, ["终止"]) // true
 */
export function formulaTerminated(cell: CellValue | undefined, words: readonly string[]): boolean {
  if (cell === undefined) return false;
  const text = excelText(cell);
  return text !== null && words.includes(excelTrim(excelClean(text)));
}

/**
 * Twin of the closing test: a closing word found in the text and no never-closing mark.
 * @example formulaSaysClosed({ t: "string", v: "已按期办结" }, ["办结"], ["未"]) // true
 * @example formulaSaysClosed({ t: "string", v: "未办结" }, ["办结"], ["未"]) // false
 */
export function formulaSaysClosed(
  cell: CellValue | undefined,
  closing: readonly string[],
  neverClosing: readonly string[],
): boolean {
  if (cell === undefined) return false;
  const text = excelText(cell);
  if (text === null) return false;
  return closing.some((w) => text.includes(w)) && !neverClosing.some((m) => text.includes(m));
}
