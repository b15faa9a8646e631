/**
 * Draws a SheetLayout (the engine's model of a printed document) with Office.js, all in one
 * batch: a new sheet (or one in place of the sheet of that name, at its position), values,
 * fonts, alignment, merges, borders, column widths and row heights in points, page setup,
 * the grid lines and the native charts (render-chart.ts). Page setup (ExcelApi 1.9) and
 * indents are feature-tested; without them the sheet is drawn and the person is told what to
 * set by hand.
 */
import type { LineStyle, SheetLayout } from "../../domain/layout/types";
import { columnWidthPt } from "../../domain/layout/metrics";
import { cellEdges, mergeAt } from "../../domain/layout/geometry";
import { cellRef, columnLetters, rangeRef } from "../../domain/a1-ref";
import { supports, FEATURES, type RequirementChecker } from "./requirements";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";
import { needsTextQuote } from "./values";
import { queueChart } from "./render-chart";

const PT_PER_CM = 72 / 2.54;
const OFFICE_WEIGHT: Readonly<Record<Exclude<LineStyle, "none">, "Thin" | "Medium">> = {
  thin: "Thin",
  medium: "Medium",
};
const H_ALIGN = {
  left: "Left",
  center: "Center",
  right: "Right",
  justify: "Justify",
  distributed: "Distributed",
} as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

const OFFICE_EDGE = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" } as const;

/** Where to put the sheet: a new last sheet, or in place of an existing one at its position. */
export interface LayoutPlacement {
  /** Index (0-based) of the sheet being replaced, or null to add a new last sheet. */
  readonly replaceAt: number | null;
  readonly requirements: RequirementChecker;
  /** Messages for the person about what could not be set (missing requirement sets). */
  readonly warnings: string[];
}

/** Counts the queued actions and the data they carry (the estimate of the request's bytes). */
class RequestSize {
  private actions = 0;
  private data = 0;

  /** One action, with its payload (counted as JSON). */
  act(payload: unknown = null): void {
    this.actions += 1;
    if (payload !== null) this.data += jsonBytes(payload);
  }

  /** Several actions without a payload of note. */
  acts(n: number): void {
    this.actions += n;
  }

  /** Bytes estimated elsewhere (a chart's queue counts its own). */
  add(bytes: number): void {
    this.data += bytes;
  }

  get bytes(): number {
    return this.data + this.actions * ACTION_OVERHEAD_BYTES;
  }
}

/**
 * Queues the drawing of a layout; returns the estimated request bytes.
 * @example queueLayout(context, layout, { replaceAt: null, requirements, warnings: [] })
 */
export function queueLayout(context: Excel.RequestContext, layout: SheetLayout, placement: LayoutPlacement): number {
  const size = new RequestSize();
  const ws = queueSheet(context.workbook.worksheets, layout.name, placement.replaceAt, size);
  queueSizes(ws, layout, size);
  queueCells(ws, layout, placement, size);
  queueBorders(ws, layout, size);
  ws.showGridlines = layout.showGridLines;
  size.act();
  if (supports(placement.requirements, "pageLayout")) queuePage(ws.pageLayout, layout.page, size);
  else placement.warnings.push(FEATURES.pageLayout.fallback);
  for (const chart of layout.charts ?? []) size.add(queueChart(ws, chart));
  return size.bytes;
}

/** A new last sheet, or one in place of the sheet of that name, at its position. */
function queueSheet(
  sheets: Excel.WorksheetCollection,
  name: string,
  replaceAt: number | null,
  size: RequestSize,
): Excel.Worksheet {
  if (replaceAt !== null) {
    sheets.getItem(name).delete();
    size.act();
  }
  const ws = sheets.add(name);
  size.act(name);
  if (replaceAt !== null) {
    ws.position = replaceAt;
    size.act();
  }
  return ws;
}

/** Column widths and row heights in points, and the merges. */
function queueSizes(ws: Excel.Worksheet, layout: SheetLayout, size: RequestSize): void {
  layout.columnWidths.forEach((w, i) => {
    const c = columnLetters(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = columnWidthPt(w);
    size.act();
  });
  layout.rowHeights.forEach((h, i) => {
    ws.getRange(`${i + 1}:${i + 1}`).format.rowHeight = h;
    size.act();
  });
  for (const m of layout.merges) {
    ws.getRange(rangeRef(m)).merge(false);
    size.act();
  }
}

/** Values, number formats and the style of each cell (over its merge); indents when the host has them. */
function queueCells(ws: Excel.Worksheet, layout: SheetLayout, placement: LayoutPlacement, size: RequestSize): void {
  const indent = supports(placement.requirements, "indent");
  let indentSkipped = false;
  for (const cell of layout.cells) {
    const style = layout.styles[cell.style];
    const area = ws.getRange(rangeRef(mergeAt(layout, cell.row, cell.col)));
    const target = ws.getRange(cellRef(cell.row, cell.col));
    // A numeric cell (a chart's data) holds its number; it prints through its format.
    target.values = [[cell.number ?? (needsTextQuote(cell.value) ? `'${cell.value}` : cell.value)]];
    size.act(cell.value);
    if (cell.numFmt !== undefined) {
      target.numberFormat = [[cell.numFmt]];
      size.act(cell.numFmt);
    }
    area.format.font.name = style.font.name;
    area.format.font.size = style.font.sizePt;
    area.format.font.bold = style.font.bold;
    area.format.horizontalAlignment = H_ALIGN[style.horizontal];
    area.format.verticalAlignment = V_ALIGN[style.vertical];
    area.format.wrapText = style.wrap;
    size.act(style.font.name);
    size.acts(5);
    if (style.indent > 0) {
      if (indent) {
        area.format.indentLevel = style.indent;
        size.act();
      } else indentSkipped = true;
    }
  }
  if (indentSkipped) placement.warnings.push(FEATURES.indent.fallback);
}

/** The borders of every cell, edge by edge. */
function queueBorders(ws: Excel.Worksheet, layout: SheetLayout, size: RequestSize): void {
  for (const [key, edges] of cellEdges(layout)) {
    const [r, c] = key.split(",").map(Number);
    const range = ws.getRange(cellRef(r, c));
    for (const side of Object.keys(OFFICE_EDGE) as (keyof typeof OFFICE_EDGE)[]) {
      const line = edges[side];
      if (line === undefined || line === "none") continue;
      const border = range.format.borders.getItem(OFFICE_EDGE[side]);
      border.style = "Continuous";
      border.weight = OFFICE_WEIGHT[line];
      size.acts(2);
    }
  }
}

/** A4, orientation, margins, centring, fit to pages and the print area (ExcelApi 1.9). */
function queuePage(pl: Excel.PageLayout, page: SheetLayout["page"], size: RequestSize): void {
  pl.paperSize = "A4";
  pl.orientation = page.orientation === "portrait" ? "Portrait" : "Landscape";
  pl.topMargin = page.marginsCm.top * PT_PER_CM;
  pl.bottomMargin = page.marginsCm.bottom * PT_PER_CM;
  pl.leftMargin = page.marginsCm.left * PT_PER_CM;
  pl.rightMargin = page.marginsCm.right * PT_PER_CM;
  pl.headerMargin = page.marginsCm.header * PT_PER_CM;
  pl.footerMargin = page.marginsCm.footer * PT_PER_CM;
  pl.centerHorizontally = page.horizontalCentered;
  pl.zoom =
    page.fitToHeight > 0
      ? { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.fitToHeight }
      : { horizontalFitToPages: page.fitToWidth };
  if (page.printArea) pl.setPrintArea(rangeRef(page.printArea));
  size.acts(11);
}
