/**
 * Draws a SheetLayout (the engine's model of a printed document) into an ExcelJS workbook:
 * values, fonts, alignment, merges, borders, column widths, row heights, page setup (A4,
 * orientation, margins, print area, fit to page) and the sheet view. The Office adapter draws
 * the same model with Office.js.
 */
import * as ExcelJS from "exceljs";
import type { CellRange, CellStyle, FontSpec, LineStyle, SheetLayout } from "../../domain/layout/types";
import { cellEdges, mergeAt, type CellEdges } from "../../domain/layout/geometry";
import { columnLetters } from "../../domain/a1-ref";
import type { DocumentPort, LayoutMode, LayoutPort } from "../../app/documents";
import type { XlsxWorkbook } from "./xlsx-workbook";

/** Excel's paper size code for A4. */
export const PAPER_A4 = 9;
/** Font charset GB2312: tells Excel the face is Chinese when it has to substitute it. */
const CHARSET_GB2312 = 134;
/** Font family "Roman" (serif): 宋体, 仿宋 and 小标宋 are serif faces. */
const FAMILY_ROMAN = 1;

const CM_PER_INCH = 2.54;

export interface RenderOptions {
  /**
   * The face to write for a font (default: its official name). A renderer for machines
   * without the official fonts may pick a fallback, e.g. `(f) => f.fallbacks[0]`.
   */
  readonly fontName?: (font: FontSpec) => string;
}

/**
 * A1-style address of a range.
 * @example rangeAddress({ top: 1, left: 1, bottom: 16, right: 4 }) // "A1:D16"
 */
export function rangeAddress(range: CellRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}

function excelFont(font: FontSpec, options: RenderOptions): Partial<ExcelJS.Font> {
  return {
    name: options.fontName ? options.fontName(font) : font.name,
    size: font.sizePt,
    bold: font.bold,
    charset: CHARSET_GB2312,
    family: FAMILY_ROMAN,
  };
}

function excelAlignment(style: CellStyle): Partial<ExcelJS.Alignment> {
  return {
    horizontal: style.horizontal,
    vertical: style.vertical,
    wrapText: style.wrap,
    ...(style.indent > 0 ? { indent: style.indent } : {}),
  };
}

function excelBorder(e: CellEdges): Partial<ExcelJS.Borders> {
  const side = (line: LineStyle | undefined): Partial<ExcelJS.Border> | undefined =>
    line === undefined || line === "none" ? undefined : { style: line };
  const border: Partial<ExcelJS.Borders> = {};
  const top = side(e.top);
  const bottom = side(e.bottom);
  const left = side(e.left);
  const right = side(e.right);
  if (top) border.top = top;
  if (bottom) border.bottom = bottom;
  if (left) border.left = left;
  if (right) border.right = right;
  return border;
}

/** Fills one new worksheet from a layout. */
function drawLayout(ws: ExcelJS.Worksheet, layout: SheetLayout, options: RenderOptions): void {
  layout.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  layout.rowHeights.forEach((h, i) => {
    ws.getRow(i + 1).height = h;
  });
  // Merge first: ExcelJS gives every cell of a merge its top-left cell's style object, so the
  // styles below must come after, each cell getting a style object of its own.
  for (const m of layout.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  // Every cell of a merged area is styled like its value cell, so the area prints as one.
  for (const cell of layout.cells) {
    const style = layout.styles[cell.style];
    const font = excelFont(style.font, options);
    const alignment = excelAlignment(style);
    const area = mergeAt(layout, cell.row, cell.col);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) styles.set(`${r},${c}`, { font, alignment });
    }
    // A numeric cell (a chart's data) holds its number; it prints through its format.
    ws.getCell(cell.row, cell.col).value = cell.number ?? cell.value;
    if (cell.numFmt !== undefined) styles.set(`${cell.row},${cell.col}`, { font, alignment, numFmt: cell.numFmt });
  }
  for (const [key, e] of cellEdges(layout)) {
    const border = excelBorder(e);
    if (Object.keys(border).length > 0) styles.set(key, { ...styles.get(key), border });
  }
  for (const [key, style] of styles) {
    const [r, c] = key.split(",").map(Number);
    ws.getCell(r, c).style = { ...style };
  }

  const margins = layout.page.marginsCm;
  const inches = (cm: number): number => Math.round((cm / CM_PER_INCH) * 1000) / 1000;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_A4 as ExcelJS.PaperSize,
    orientation: layout.page.orientation,
    margins: {
      top: inches(margins.top),
      bottom: inches(margins.bottom),
      left: inches(margins.left),
      right: inches(margins.right),
      header: inches(margins.header),
      footer: inches(margins.footer),
    },
    fitToPage: true,
    fitToWidth: layout.page.fitToWidth,
    fitToHeight: layout.page.fitToHeight,
    horizontalCentered: layout.page.horizontalCentered,
    ...(layout.page.printArea ? { printArea: rangeAddress(layout.page.printArea) } : {}),
  };
  ws.views = [{ state: "normal", showGridLines: layout.showGridLines }];
}

/**
 * Draws a layout into a workbook as a worksheet named `layout.name`: a new last sheet
 * ("add"; a sheet of that name already there is an error), or in place of the sheet of that
 * name at the same position ("replace"; added when there is none).
 * @example renderLayout(book.workbook, buildNotice(item, settings, cal, "2021-04-16"), "add")
 */
export function renderLayout(
  wb: ExcelJS.Workbook,
  layout: SheetLayout,
  mode: LayoutMode = "add",
  options: RenderOptions = {},
): ExcelJS.Worksheet {
  const lower = layout.name.toLowerCase();
  const old = wb.worksheets.find((w) => w.name.toLowerCase() === lower);
  if (old && mode === "add") throw new Error(`工作表“${layout.name}”已存在`);
  const position = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(layout.name);
  if (position !== undefined) (ws as unknown as { orderNo: number }).orderNo = position;
  drawLayout(ws, layout, options);
  return ws;
}

/**
 * The LayoutPort of an ExcelJS workbook.
 * @example await xlsxLayoutPort(book.workbook).writeLayout(layout, "add")
 */
export function xlsxLayoutPort(wb: ExcelJS.Workbook, options: RenderOptions = {}): LayoutPort {
  return {
    async writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
      renderLayout(wb, layout, mode, options);
    },
  };
}

/**
 * The DocumentPort of an opened .xlsx: its cells through the XlsxWorkbook, whole sheets drawn
 * into its ExcelJS workbook.
 * @example await generateDocument(xlsxDocumentPort(book), "notice", { number: "〔2021〕3号", today })
 */
export function xlsxDocumentPort(book: XlsxWorkbook, options: RenderOptions = {}): DocumentPort {
  const layouts = xlsxLayoutPort(book.workbook, options);
  return {
    sheetNames: () => book.sheetNames(),
    readSheets: (names) => book.readSheets(names),
    writeCells: (writes) => book.writeCells(writes),
    writeLayout: (layout, mode) => layouts.writeLayout(layout, mode),
  };
}
