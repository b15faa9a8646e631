/**
 * Planned cells by their FillMode (the shared rule of domain/cell-write-rule decides), their
 * looks, and the clearing of a generated sheet's region the plan no longer lists.
 */
import { decideCell, isEmptyStored, type StoredCell } from "../../../../domain/cell-write-rule";
import type { CellPlan, PlanStyle, SheetPlan } from "../../../../domain/setup-plan-types";
import type { SetupChangeLog } from "../../../../app/setup-port";
import { EMPTY } from "../../../../domain/cell";
import { withAttributes } from "../../package/xml";
import type { XlsxBook } from "../book";
import { cellXmlFor, parseCellXml } from "../cell-xml";
import { DATE_NUM_FMT } from "../number-formats";
import { cellValue } from "../sheet-read";
import { cellAddress } from "../sheet-elements";
import type { StyleChange } from "../styles";
import { formulaOf, isCoveredCell, refusal, replaceCell, styleOf, styleOfText, type Target } from "../write-cells";

/**
 * What a cell stores, in the neutral form the cell-write rule decides on.
 * @example storedOf(book, t, 3, 23) // { value: { t: "string", v: "逾期" }, formula: "IF(…)" }
 */
export function storedOf(book: XlsxBook, t: Target, row: number, col: number): StoredCell {
  return storedOfText(book, t, row, col, t.doc.cellText(row, col));
}

/** storedOf for a caller that has just read the cell's text (undefined when none). */
function storedOfText(book: XlsxBook, t: Target, row: number, col: number, text: string | undefined): StoredCell {
  if (text === undefined) return { value: EMPTY, formula: null };
  const cell = parseCellXml(text, t.doc.p);
  return {
    value: cellValue(cell.t, cell.s, cell.inner, t.doc.p, book.readContext(t.info.name)),
    formula: formulaOf(t, row, col, text),
  };
}

/** Style changes of the plan's looks, made once per look (a plan shares one look among many cells). */
const styleChanges = new WeakMap<PlanStyle, StyleChange>();

/** A plan's look as a style change (the same object for the same look). */
export function planStyleChange(style: PlanStyle): StyleChange {
  let change = styleChanges.get(style);
  if (!change) styleChanges.set(style, (change = makeStyleChange(style)));
  return change;
}

function makeStyleChange(style: PlanStyle): StyleChange {
  const font =
    style.bold !== undefined || style.fontSize !== undefined || style.fontColor !== undefined
      ? {
          ...(style.bold !== undefined ? { bold: style.bold } : {}),
          ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
          ...(style.fontColor !== undefined ? { color: style.fontColor } : {}),
        }
      : undefined;
  const alignment =
    style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined
      ? { horizontal: style.horizontal, vertical: style.vertical, wrap: style.wrap }
      : undefined;
  return {
    ...(font ? { font } : {}),
    ...(style.fill !== undefined ? { fill: style.fill } : {}),
    ...(alignment ? { alignment } : {}),
    ...(style.border ? { border: { top: "thin", left: "thin", bottom: "thin", right: "thin" } } : {}),
    ...(style.numFmt !== undefined ? { numFmt: style.numFmt } : {}),
  };
}

/** Style changes of a number format alone, made once per format. */
const numFmtChanges = new Map<string, StyleChange>();

function numFmtChange(numFmt: string): StyleChange {
  let change = numFmtChanges.get(numFmt);
  if (!change) numFmtChanges.set(numFmt, (change = { numFmt }));
  return change;
}

/** Sets a cell's style index, keeping what it holds (an empty styled cell when it has none). */
export function restyleCell(t: Target, row: number, col: number, s: number): void {
  restyleCellText(t, row, col, s, t.doc.cellText(row, col));
}

/** restyleCell for a caller that has just read the cell's text (undefined when none). */
export function restyleCellText(t: Target, row: number, col: number, s: number, text: string | undefined): void {
  if (text === undefined) {
    t.doc.setCell(row, col, s > 0 ? `<${t.doc.p}c r="${cellAddress(row, col)}" s="${s}"/>` : null);
    return;
  }
  const gt = text.indexOf(">") + 1;
  const open = text.slice(0, gt);
  t.doc.setCell(row, col, withAttributes(open, { s: s > 0 ? String(s) : null }) + text.slice(gt));
}

/** The style a planned cell ends with, from its base and the plan's look; null when unchanged. */
function plannedStyle(book: XlsxBook, t: Target, plan: CellPlan, current: number): number | null {
  if (!plan.style && !plan.styleFrom) return null;
  const styles = book.styles();
  const base = plan.styleFrom ? styleOf(t, plan.styleFrom.row, plan.styleFrom.col) : current;
  const next = plan.style ? styles.derive(base, planStyleChange(plan.style)) : base;
  const same = plan.styleFrom ? styles.xfXml(next) === styles.xfXml(current) : next === current;
  return same ? null : next;
}

/** Writes one planned cell by its FillMode; returns true when it wrote or restyled. */
export function applyCell(book: XlsxBook, t: Target, plan: CellPlan, log: SetupChangeLog): boolean {
  const conflict = (found: string) =>
    log.conflicts.push({
      sheet: t.info.name,
      row: plan.row,
      col: plan.col,
      address: cellAddress(plan.row, plan.col),
      found,
    });
  if (isCoveredCell(t.doc, plan.row, plan.col)) {
    // Covered by a merged range: nothing can be written there; say so unless the sheet is ours.
    if (plan.mode !== "owned") conflict("（合并单元格）");
    return false;
  }
  if (refusal(t, plan.row, plan.col)) {
    conflict(t.facts.arrayAt(plan.row, plan.col) ? "（数组公式）" : "（表格标题行）");
    return false;
  }
  // The cell's text, read once for what it stores, its style and its replacement.
  const text = t.doc.cellText(plan.row, plan.col);
  const decision = decideCell(plan, storedOfText(book, t, plan.row, plan.col, text));
  if (decision.conflict !== undefined) conflict(decision.conflict);
  const styles = book.styles();
  let s = styleOfText(t, plan.row, plan.col, text);
  if (decision.write) {
    const value = plan.value;
    const fmt = value.t === "date" ? DATE_NUM_FMT : value.t === "number" ? value.fmt : undefined;
    if (fmt !== undefined && !plan.style?.numFmt && styles.numFmtOf(s) !== fmt) s = styles.derive(s, numFmtChange(fmt));
  }
  const restyle = decision.write || plan.mode === "owned" ? plannedStyle(book, t, plan, s) : null;
  if (restyle !== null) s = restyle;
  if (decision.write) {
    if (replaceCell(book, t, plan.row, plan.col, plan.value, s, text)) book.markFormulas();
    book.markValues();
  } else if (restyle !== null) {
    restyleCell(t, plan.row, plan.col, s);
  }
  return decision.write || restyle !== null;
}

/** Clears cells of a generated sheet's region that the plan no longer lists. */
export function clearOwned(book: XlsxBook, t: Target, plan: SheetPlan, log: SetupChangeLog): void {
  const owned = plan.owned;
  if (!owned) return;
  // One number per cell (columns stop at 16,384): no key string per cell.
  const key = (r: number, c: number) => r * 16385 + c;
  const planned = new Set(plan.cells.map((c) => key(c.row, c.col)));
  let cleared = 0;
  for (const r of t.doc.rowNumbers(owned.fromRow)) {
    for (const c of t.doc.columnsOf(r)) {
      if (c < owned.left || c > owned.right || planned.has(key(r, c))) continue;
      if (isCoveredCell(t.doc, r, c) || isEmptyStored(storedOf(book, t, r, c))) continue;
      const text = t.doc.cellText(r, c) as string;
      const cell = parseCellXml(text, t.doc.p);
      t.doc.setCell(r, c, cellXmlFor(cellAddress(r, c), cell.s, EMPTY, book.date1904, t.doc.p));
      if (cell.formula) book.markFormulas();
      cleared += 1;
    }
  }
  if (cleared > 0) book.markValues();
  log.add(t.info.name, "cells-cleared", cleared);
}
