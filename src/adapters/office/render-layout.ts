/**
 * Draws a SheetLayout (the engine's model of a printed document) with Office.js, all in one
 * batch: a new sheet (or one in place of the sheet of that name, at its position), values,
 * fonts, alignment, merges, borders, column widths and row heights in points, page setup,
 * the grid lines and the native charts (render-chart.ts). Page setup (ExcelApi 1.9) and
 * indents are feature-tested; without them the sheet is drawn and the person is told what to
 * set by hand.
 */
import type { CellRange, LineStyle, SheetLayout } from "../../domain/layout/types";
import { columnWidthPt } from "../../domain/layout/metrics";
import { cellEdges, mergeAt } from "../../domain/layout/geometry";
import { columnLetters } from "../../domain/a1-ref";
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

/**
 * A1 address of a range.
 * @example areaAddress({ top: 1, left: 1, bottom: 16, right: 4 }) // "A1:D16"
 */
export function areaAddress(range: CellRange): string {
  const a = `${columnLetters(range.left)}${range.top}`;
  const b = `${columnLetters(range.right)}${range.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** Where to put the sheet: a new last sheet, or in place of an existing one at its position. */
export interface LayoutPlacement {
  /** Index (0-based) of the sheet being replaced, or null to add a new last sheet. */
  readonly replaceAt: number | null;
  readonly requirements: RequirementChecker;
  /** Messages for the person about what could not be set (missing requirement sets). */
  readonly warnings: string[];
}

/**
 * Queues the drawing of a layout; returns the estimated request bytes.
 * @example queueLayout(context, layout, { replaceAt: null, requirements, warnings: [] })
 */
export function queueLayout(context: Excel.RequestContext, layout: SheetLayout, placement: LayoutPlacement): number {
  let actions = 0;
  let data = 0;
  const act = (payload: unknown = null) => {
    actions += 1;
    if (payload !== null) data += jsonBytes(payload);
  };
  const sheets = context.workbook.worksheets;
  if (placement.replaceAt !== null) {
    sheets.getItem(layout.name).delete();
    act();
  }
  const ws = sheets.add(layout.name);
  act(layout.name);
  if (placement.replaceAt !== null) {
    ws.position = placement.replaceAt;
    act();
  }

  layout.columnWidths.forEach((w, i) => {
    const c = columnLetters(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = columnWidthPt(w);
    act();
  });
  layout.rowHeights.forEach((h, i) => {
    ws.getRange(`${i + 1}:${i + 1}`).format.rowHeight = h;
    act();
  });
  for (const m of layout.merges) {
    ws.getRange(areaAddress(m)).merge(false);
    act();
  }

  const indent = supports(placement.requirements, "indent");
  let indentSkipped = false;
  for (const cell of layout.cells) {
    const style = layout.styles[cell.style];
    const area = ws.getRange(areaAddress(mergeAt(layout, cell.row, cell.col)));
    const target = ws.getRange(areaAddress({ top: cell.row, left: cell.col, bottom: cell.row, right: cell.col }));
    // A numeric cell (a chart's data) holds its number; it prints through its format.
    target.values = [[cell.number ?? (needsTextQuote(cell.value) ? `'${cell.value}` : cell.value)]];
    act(cell.value);
    if (cell.numFmt !== undefined) {
      target.numberFormat = [[cell.numFmt]];
      act(cell.numFmt);
    }
    area.format.font.name = style.font.name;
    area.format.font.size = style.font.sizePt;
    area.format.font.bold = style.font.bold;
    area.format.horizontalAlignment = H_ALIGN[style.horizontal];
    area.format.verticalAlignment = V_ALIGN[style.vertical];
    area.format.wrapText = style.wrap;
    actions += 6;
    data += jsonBytes(style.font.name);
    if (style.indent > 0) {
      if (indent) {
        area.format.indentLevel = style.indent;
        act();
      } else indentSkipped = true;
    }
  }
  if (indentSkipped) placement.warnings.push(FEATURES.indent.fallback);

  for (const [key, edges] of cellEdges(layout)) {
    const [r, c] = key.split(",").map(Number);
    const range = ws.getRange(areaAddress({ top: r, left: c, bottom: r, right: c }));
    for (const side of Object.keys(OFFICE_EDGE) as (keyof typeof OFFICE_EDGE)[]) {
      const line = edges[side];
      if (line === undefined || line === "none") continue;
      const border = range.format.borders.getItem(OFFICE_EDGE[side]);
      border.style = "Continuous";
      border.weight = OFFICE_WEIGHT[line];
      actions += 2;
    }
  }

  ws.showGridlines = layout.showGridLines;
  act();
  if (supports(placement.requirements, "pageLayout")) {
    const page = layout.page;
    const pl = ws.pageLayout;
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
    if (page.printArea) pl.setPrintArea(areaAddress(page.printArea));
    actions += 11;
  } else placement.warnings.push(FEATURES.pageLayout.fallback);
  for (const chart of layout.charts ?? []) data += queueChart(ws, chart);
  return data + actions * ACTION_OVERHEAD_BYTES;
}
