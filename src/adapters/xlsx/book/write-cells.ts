/**
 * Writing cells into the package: each write replaces only its `<c>` element. All writes are
 * checked first (sheet exists, not a covered merge cell, not inside an array formula, not a
 * table's header, text within Excel's limit), so a refused batch changes nothing.
 */
import type { CellWrite } from "../../../app/port";
import { shiftFormula } from "../../../domain/formula-shift";
import { MAX_CELL_CHARS } from "../package/limits";
import type { XlsxBook } from "./book";
import { cellStyleIndex, cellXmlFor, dateSerial, parseCellXml, withOwnFormula, type WriteValue } from "./cell-xml";
import { rangeHas } from "./cell-ref";
import { rangeRef } from "../../../domain/a1-ref";
import { DATE_NUM_FMT } from "./number-formats";
import type { SheetInfo } from "./open";
import { cellAddress } from "./sheet-elements";
import type { SheetDoc } from "./sheet-doc";
import { SheetFacts } from "./sheet-facts";
import {
  arrayFormulaError,
  cellTooLongError,
  MergedCellWriteError,
  MissingSheetError,
  tableHeaderError,
  XlsxWriteError,
} from "./write-errors";

/** A sheet being written, with what a write must respect. */
export interface Target {
  readonly info: SheetInfo;
  readonly doc: SheetDoc;
  readonly facts: SheetFacts;
}

/** The writing target of a worksheet, cached per command in `cache`. */
export function targetOf(book: XlsxBook, info: SheetInfo, cache: Map<string, Target>): Target {
  let t = cache.get(info.part);
  if (!t) {
    const doc = book.doc(info);
    t = { info, doc, facts: new SheetFacts(book, info, doc) };
    cache.set(info.part, t);
  }
  return t;
}

/** Why a cell cannot be written at all, or null (a covered merge cell is the caller's to judge). */
export function refusal(t: Target, row: number, col: number): XlsxWriteError | null {
  const array = t.facts.arrayAt(row, col);
  if (array) return arrayFormulaError(t.info.name, cellAddress(row, col), rangeRef(array));
  const table = t.facts.tableHeaderAt(row, col);
  if (table) return tableHeaderError(t.info.name, cellAddress(row, col), table.name);
  return null;
}

/** True when a merged range covers the cell (and it is not the range's top-left cell). */
export function isCoveredCell(doc: SheetDoc, row: number, col: number): boolean {
  return doc.merges().some((m) => rangeHas(m, row, col) && !(m.top === row && m.left === col));
}

/**
 * The style index a new cell starts with: the row's style when it has one, else its column's.
 */
export function defaultStyle(doc: SheetDoc, row: number, col: number): number {
  const rowStyle = doc.rowAttribute(row, "customFormat") === "1" ? doc.rowAttribute(row, "s") : undefined;
  if (rowStyle) return Number(rowStyle);
  return doc.columnStyle(col);
}

/**
 * Before a shared formula's master is overwritten, every other cell of the group gets the
 * formula as its own (moved to its position), keeping its value and style.
 */
export function detachSharedGroup(t: Target, row: number, col: number): void {
  const text = t.doc.cellText(row, col);
  const f = text ? parseCellXml(text, t.doc.p).formula : undefined;
  if (f?.type !== "shared" || f.si === undefined || !f.ref) return;
  const master = t.facts.sharedMaster(f.si);
  if (!master || master.row !== row || master.col !== col) return;
  for (let r = master.range.top; r <= master.range.bottom; r++) {
    for (let c = master.range.left; c <= master.range.right; c++) {
      if (r === row && c === col) continue;
      const other = t.doc.cellText(r, c);
      const of = other ? parseCellXml(other, t.doc.p).formula : undefined;
      if (!other || of?.type !== "shared" || of.si !== f.si) continue;
      const moved = shiftFormula(master.formula, r - row, c - col);
      if (moved !== null) t.doc.setCell(r, c, withOwnFormula(other, moved, t.doc.p));
    }
  }
}

/** The formula a cell holds as written in it (a shared formula's dependents read their master's, moved). */
export function formulaOf(t: Target, row: number, col: number, text: string | undefined): string | null {
  if (!text) return null;
  const f = parseCellXml(text, t.doc.p).formula;
  if (!f) return null;
  if (f.type === "shared" && f.text === "" && f.si !== undefined) {
    const master = t.facts.sharedMaster(f.si);
    return master ? shiftFormula(master.formula, row - master.row, col - master.col) : "";
  }
  return f.text;
}

/**
 * Replaces a cell's `<c>` element with one for `value`, style `s`; returns true when a formula
 * was added or removed (the calculation chain must go).
 */
export function putCell(book: XlsxBook, t: Target, row: number, col: number, value: WriteValue, s: number): boolean {
  return replaceCell(book, t, row, col, value, s, t.doc.cellText(row, col));
}

/** putCell for a caller that has just read the cell's text (`before`, undefined when none). */
export function replaceCell(
  book: XlsxBook,
  t: Target,
  row: number,
  col: number,
  value: WriteValue,
  s: number,
  before: string | undefined,
): boolean {
  const hadFormula = before !== undefined && parseCellXml(before, t.doc.p).formula !== undefined;
  if (hadFormula) detachSharedGroup(t, row, col);
  t.doc.setCell(row, col, cellXmlFor(cellAddress(row, col), s, value, book.date1904, t.doc.p));
  return hadFormula || value.t === "formula";
}

/** The style index of a cell now (its own, or the default a new cell would get). */
export function styleOf(t: Target, row: number, col: number): number {
  return styleOfText(t, row, col, t.doc.cellText(row, col));
}

/** styleOf for a caller that has just read the cell's text (undefined when none). */
export function styleOfText(t: Target, row: number, col: number, text: string | undefined): number {
  return text !== undefined ? cellStyleIndex(text) : defaultStyle(t.doc, row, col);
}

/**
 * Writes the cells; all are checked before any is written.
 * @example writeCellsTo(book, [{ sheet: "督办事项登记表", row: 3, col: 2, value: { t: "string", v: "〔2026〕1号" } }])
 */
export function writeCellsTo(book: XlsxBook, writes: readonly CellWrite[]): void {
  const cache = new Map<string, Target>();
  const targets = writes.map((w) => {
    const info = book.sheet(w.sheet);
    if (!info) throw new MissingSheetError(w.sheet);
    const t = targetOf(book, info, cache);
    if (isCoveredCell(t.doc, w.row, w.col)) throw new MergedCellWriteError(w.sheet, cellAddress(w.row, w.col));
    const refused = refusal(t, w.row, w.col);
    if (refused) throw refused;
    if (w.value.t === "string" && w.value.v.length > MAX_CELL_CHARS) {
      throw cellTooLongError(w.sheet, cellAddress(w.row, w.col), w.value.v.length);
    }
    if (w.value.t === "date") dateSerial(w.value.v, book.date1904);
    return { t, w };
  });
  let formulas = false;
  for (const { t, w } of targets) {
    const styles = book.styles();
    const fmt = w.numFmt ?? (w.value.t === "date" ? DATE_NUM_FMT : w.value.t === "number" ? w.value.fmt : undefined);
    let s = styleOf(t, w.row, w.col);
    if (fmt !== undefined && styles.numFmtOf(s) !== fmt) s = styles.derive(s, { numFmt: fmt });
    if (putCell(book, t, w.row, w.col, w.value, s)) formulas = true;
  }
  if (targets.length > 0) book.markValues();
  if (formulas) book.markFormulas();
}

/**
 * Writes a formula (without "=") into one cell, keeping its style; the same refusals as a value.
 * @example writeFormulaTo(book, "工作日历", 2, 9, "I2*100000+A2")
 */
export function writeFormulaTo(book: XlsxBook, sheet: string, row: number, col: number, formula: string): void {
  const info = book.sheet(sheet);
  if (!info) throw new MissingSheetError(sheet);
  const t = targetOf(book, info, new Map());
  if (isCoveredCell(t.doc, row, col)) throw new MergedCellWriteError(sheet, cellAddress(row, col));
  const refused = refusal(t, row, col);
  if (refused) throw refused;
  putCell(book, t, row, col, { t: "formula", f: formula }, styleOf(t, row, col));
  book.markFormulas();
}
