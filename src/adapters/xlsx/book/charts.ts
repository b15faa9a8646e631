/**
 * The native charts of a layout as package parts: a drawing part anchoring them over the sheet's
 * cells, one chart part each (src/adapters/xlsx/chart-part.ts writes their XML), their
 * relationships (sheet → drawing → charts) and content types. The sheet's `<drawing r:id>`
 * element names the relationship this returns.
 */
import type { SheetLayout } from "../../../domain/layout/types";
import {
  CHART_CONTENT_TYPE,
  CHART_REL_TYPE,
  chartPartXml,
  DRAWING_CONTENT_TYPE,
  DRAWING_REL_TYPE,
  drawingPartXml,
} from "../chart-part";
import {
  addRelationship,
  CONTENT_TYPES_PART,
  EMPTY_RELS,
  relativeTarget,
  relsPartOf,
  setOverride,
} from "../package/opc";
import type { XlsxBook } from "./book";

function firstFree(book: XlsxBook, pattern: (n: number) => string): number {
  let n = 1;
  while (book.pkg.has(pattern(n))) n++;
  return n;
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/**
 * Adds the layout's charts for the sheet part `sheetPart`; returns the id of the sheet's
 * relationship to the drawing, or null when the layout has no chart.
 * @example addCharts(book, "xl/worksheets/sheet4.xml", analysisLayout) // "rId1"
 */
export function addCharts(book: XlsxBook, sheetPart: string, layout: SheetLayout): string | null {
  const charts = layout.charts ?? [];
  if (charts.length === 0) return null;
  const base = folderOf(book.workbookPart);
  const drawing = `${base}drawings/drawing${firstFree(book, (n) => `${base}drawings/drawing${n}.xml`)}.xml`;
  let drawingRels = EMPTY_RELS;
  const ids: string[] = [];
  let types = book.pkg.text(CONTENT_TYPES_PART);
  for (const chart of charts) {
    const part = `${base}charts/chart${firstFree(book, (n) => `${base}charts/chart${n}.xml`)}.xml`;
    book.pkg.setText(part, chartPartXml(layout, chart));
    const added = addRelationship(drawingRels, CHART_REL_TYPE, relativeTarget(drawing, part));
    drawingRels = added.xml;
    ids.push(added.id);
    types = setOverride(types, part, CHART_CONTENT_TYPE);
  }
  book.pkg.setText(drawing, drawingPartXml(charts, ids));
  book.pkg.setText(relsPartOf(drawing), drawingRels);
  types = setOverride(types, drawing, DRAWING_CONTENT_TYPE);
  book.pkg.setText(CONTENT_TYPES_PART, types);
  const sheetRels = relsPartOf(sheetPart);
  const added = addRelationship(
    book.pkg.has(sheetRels) ? book.pkg.text(sheetRels) : EMPTY_RELS,
    DRAWING_REL_TYPE,
    relativeTarget(sheetPart, drawing),
  );
  book.pkg.setText(sheetRels, added.xml);
  return added.id;
}
