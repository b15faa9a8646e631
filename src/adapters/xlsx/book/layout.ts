/**
 * Draws a SheetLayout (the engine's model of a printed document) as a worksheet part: values,
 * fonts, alignment, merges, borders, column widths, row heights, page setup (A4, orientation,
 * margins, fit to page, centred), the print area as a defined name, and a view without grid
 * lines. The Office adapter draws the same model with Office.js.
 */
import { cellEdges, mergeAt, type CellEdges } from "../../../domain/layout/geometry";
import type { CellStyle, FontSpec, LineStyle, SheetLayout } from "../../../domain/layout/types";
import type { LayoutMode } from "../../../app/documents";
import { escapeAttr } from "../package/xml";
import { cellText } from "./cell-xml";
import type { XlsxBook } from "./book";
import { rangeRef } from "../../../domain/a1-ref";
import { cellAddress } from "./sheet-elements";
import { addWorksheet, relatedParts, removePartTree } from "./sheet-parts";
import { relsPartOf } from "../package/opc";
import { removeDefinedName, setDefinedName } from "./workbook-part";
import { addCharts } from "./charts";
import { sheetRangeRef } from "../../../domain/a1-ref";
import type { StyleChange } from "./styles";
import type { BorderChange } from "./style-parts";

/** Excel's paper size code for A4. */
export const PAPER_A4 = 9;
/** Font charset GB2312: tells Excel the face is Chinese when it has to substitute it. */
const CHARSET_GB2312 = 134;
/** Font family "Roman" (serif): 宋体, 仿宋 and 小标宋 are serif faces. */
const FAMILY_ROMAN = 1;
const CM_PER_INCH = 2.54;

export interface RenderOptions {
  /** The face to write for a font (default: its official name), e.g. `(f) => f.fallbacks[0]`. */
  readonly fontName?: (font: FontSpec) => string;
}

function fontChange(font: FontSpec, options: RenderOptions): StyleChange["font"] {
  return {
    name: options.fontName ? options.fontName(font) : font.name,
    size: font.sizePt,
    bold: font.bold,
    charset: CHARSET_GB2312,
    family: FAMILY_ROMAN,
  };
}

function borderChange(e: CellEdges | undefined): BorderChange | undefined {
  if (!e) return undefined;
  const out: Record<string, LineStyle> = {};
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const line = e[side];
    if (line !== undefined && line !== "none") out[side] = line;
  }
  return Object.keys(out).length > 0 ? (out as BorderChange) : undefined;
}

function styleChange(style: CellStyle | undefined, edges: CellEdges | undefined, options: RenderOptions): StyleChange {
  const border = borderChange(edges);
  return {
    ...(style
      ? {
          font: fontChange(style.font, options),
          alignment: { horizontal: style.horizontal, vertical: style.vertical, wrap: style.wrap, indent: style.indent },
        }
      : {}),
    ...(border ? { border } : {}),
  };
}

/** The `<c>` elements of the layout, by row then column. */
function layoutCells(book: XlsxBook, layout: SheetLayout, options: RenderOptions): Map<number, Map<number, string>> {
  const looks = new Map<string, CellStyle>();
  const values = new Map<string, string>();
  const numbers = new Map<string, number>();
  const formats = new Map<string, string>();
  for (const cell of layout.cells) {
    // A numeric cell (a chart's data) holds its number; it prints through its format.
    if (cell.number !== undefined && Number.isFinite(cell.number)) numbers.set(`${cell.row},${cell.col}`, cell.number);
    if (cell.numFmt !== undefined) formats.set(`${cell.row},${cell.col}`, cell.numFmt);
    const area = mergeAt(layout, cell.row, cell.col);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) looks.set(`${r},${c}`, layout.styles[cell.style]);
    }
    values.set(`${cell.row},${cell.col}`, cell.value);
  }
  const edges = cellEdges(layout);
  const keys = new Set([...looks.keys(), ...edges.keys(), ...values.keys()]);
  const styles = book.styles();
  const rows = new Map<number, Map<number, string>>();
  for (const key of keys) {
    const [r, c] = key.split(",").map(Number);
    const change = styleChange(looks.get(key), edges.get(key), options);
    const numFmt = formats.get(key);
    const s = styles.derive(0, numFmt !== undefined ? { ...change, numFmt } : change);
    const value = values.get(key);
    const ref = cellAddress(r, c);
    const style = s > 0 ? ` s="${s}"` : "";
    const number = numbers.get(key);
    const text =
      number !== undefined
        ? `<c r="${ref}"${style}><v>${number}</v></c>`
        : value === undefined || value === ""
          ? `<c r="${ref}"${style}/>`
          : `<c r="${ref}"${style} t="inlineStr"><is><t${/^\s|\n|\s$/.test(value) ? ' xml:space="preserve"' : ""}>${cellText(value)}</t></is></c>`;
    if (!rows.has(r)) rows.set(r, new Map());
    rows.get(r)!.set(c, text);
  }
  return rows;
}

function inches(cm: number): number {
  return Math.round((cm / CM_PER_INCH) * 1000) / 1000;
}

/** The worksheet XML of a layout. */
function layoutXml(book: XlsxBook, layout: SheetLayout, options: RenderOptions, drawingRel: string | null): string {
  const cells = layoutCells(book, layout, options);
  const lastRow = Math.max(layout.rowHeights.length, ...cells.keys(), 1);
  const rows: string[] = [];
  for (let r = 1; r <= lastRow; r++) {
    const height = layout.rowHeights[r - 1];
    const inRow = cells.get(r);
    if (height === undefined && !inRow) continue;
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    const content = inRow
      ? [...inRow.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([, t]) => t)
          .join("")
      : "";
    rows.push(`<row r="${r}"${ht}>${content}</row>`);
  }
  const cols = layout.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const merges = layout.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("");
  const m = layout.page.marginsCm;
  const lastCol = Math.max(layout.columnWidths.length, 1);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${rangeRef({ top: 1, left: 1, bottom: lastRow, right: lastCol })}"/>` +
    `<sheetViews><sheetView${layout.showGridLines ? "" : ' showGridLines="0"'} workbookViewId="0"/></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    (merges ? `<mergeCells count="${layout.merges.length}">${merges}</mergeCells>` : "") +
    (layout.page.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : "") +
    `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(m.bottom)}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>` +
    `<pageSetup paperSize="${PAPER_A4}" orientation="${escapeAttr(layout.page.orientation)}" fitToWidth="${layout.page.fitToWidth}" fitToHeight="${layout.page.fitToHeight}"/>` +
    (drawingRel ? `<drawing r:id="${drawingRel}"/>` : "") +
    "</worksheet>"
  );
}

/**
 * Draws a layout as a worksheet named `layout.name`: a new last sheet ("add"; a sheet of that
 * name in any letter case is an error), or in place of the sheet of that name at its position
 * ("replace"; added when there is none). Replacing drops what the old sheet had attached
 * (pictures, comments): noted as a loss, so the command line refuses without --force.
 * @example drawLayout(book, buildNotice(item, settings, cal, "2021-04-16"), "add")
 */
export function drawLayout(book: XlsxBook, layout: SheetLayout, mode: LayoutMode, options: RenderOptions = {}): void {
  const old = book.sheetLike(layout.name);
  if (old && mode === "add") throw new Error(`工作表“${layout.name}”已存在`);
  if (old && !old.worksheet) throw new Error(`工作表“${layout.name}”已存在，且不是普通工作表，无法替换`);
  let part: string;
  if (old) {
    dropAttached(book, old.part, old.name, (layout.charts ?? []).length > 0);
    part = old.part;
  } else {
    part = addWorksheet(book, layout.name).part;
  }
  book.forgetDoc(part);
  book.pkg.setText(part, layoutXml(book, layout, options, addCharts(book, part, layout)));
  book.touch();
  const index = book.sheets().findIndex((s) => s.part === part);
  const area = layout.page.printArea;
  const wb = book.workbookXml();
  book.setWorkbookXml(
    area
      ? setDefinedName(wb, { name: "_xlnm.Print_Area", localSheetId: index, value: sheetRangeRef(layout.name, area) })
      : removeDefinedName(wb, "_xlnm.Print_Area", index),
  );
}

const OWN_CHART_PARTS = /\/(drawings\/drawing|charts\/(chart|style|colors))\d*\.xml$/;

/**
 * Removes what a replaced sheet had attached. Anything but the charts a chart-drawing layout
 * draws again (pictures, comments, a person's own objects) is noted as a loss.
 */
function dropAttached(book: XlsxBook, part: string, name: string, redrawsCharts: boolean): void {
  const attached = relatedParts(book, part);
  if (attached.length === 0) return;
  const removed = attached.flatMap((p) => removePartTree(book, p));
  book.pkg.remove(relsPartOf(part));
  const lost = removed.filter((p) => !(redrawsCharts && OWN_CHART_PARTS.test(p)));
  if (lost.length > 0) book.noteLoss(`替换工作表“${name}”会删除其中的 ${lost.length} 个附属部件（图片、批注、图表等）`);
}
