/**
 * The layout model of a printed document: everything an adapter needs to draw one worksheet
 * — cell values, named styles, merges, borders, column widths, row heights and page setup —
 * as plain data. The engine produces it (see src/domain/documents); the xlsx adapter writes
 * it as sheet parts and the Office adapter draws it with Office.js, so both print the same form.
 *
 * Units: column widths in Excel character units (the width of "0" in the default font), row
 * heights and font sizes in points, margins in centimetres. Rows and columns are 1-based.
 */
import type { CellRange } from "../cell";

/** A font by name, with the faces to use, in order, where the named one is not installed. */
export interface FontSpec {
  /** The face official documents name, e.g. "仿宋_GB2312". */
  readonly name: string;
  /** Substitutes in order of preference, e.g. ["仿宋", "FangSong", "STFangsong"]. */
  readonly fallbacks: readonly string[];
  readonly sizePt: number;
  readonly bold: boolean;
}

export type HorizontalAlign = "left" | "center" | "right" | "justify" | "distributed";
export type VerticalAlign = "top" | "middle" | "bottom";

/** How a cell's text is drawn. */
export interface CellStyle {
  readonly font: FontSpec;
  readonly horizontal: HorizontalAlign;
  readonly vertical: VerticalAlign;
  /** Wrap text inside the cell (or merged area). */
  readonly wrap: boolean;
  /** Indent levels from the aligned edge (one level is about one character), 0 for none. */
  readonly indent: number;
}

/** The names of the styles every document layout carries. */
export type StyleName =
  /** Document title: 方正小标宋简体, large, centred. */
  | "title"
  /** Form labels in the table: centred. */
  | "label"
  /** Filled-in values in the table: centred. */
  | "value"
  /** Filled-in values that may run long (content, remarks): left-aligned. */
  | "valueLeft"
  /** Body paragraphs inside a box: left-aligned, top, wrapped. */
  | "body"
  /** Right-aligned lines: seal, signature, date. */
  | "right"
  /** Small notes under the table. */
  | "note"
  /** Headings of a report's parts (一、二、…): 黑体, left-aligned. */
  | "heading"
  /** Cells of a dense report table (五号): centred, wrapped. */
  | "small"
  /** Long text in a dense report table (五号): left-aligned, wrapped. */
  | "smallLeft";

export type LineStyle = "none" | "thin" | "medium";

/**
 * Borders of a rectangle: `outline` on its outer edges, `inner` between its cells. Regions
 * combine: where several regions give an edge, the heavier line wins (none < thin < medium),
 * so their order does not matter.
 */
export interface BorderRegion {
  readonly range: CellRange;
  readonly outline: LineStyle;
  readonly inner: LineStyle;
}

/** One cell with a value. Cells of a merged area other than its top-left one are not listed. */
export interface LayoutCell {
  readonly row: number;
  readonly col: number;
  /** Text as printed (dates already written as 2021年4月30日). */
  readonly value: string;
  readonly style: StyleName;
  /** Which piece of the document this cell holds, for tests and for adapters that fill forms. */
  readonly field?: string;
  /**
   * When set, the cell holds this number (`value` is how it prints) — a chart's data must be
   * numbers, not text. Renderers write the number, with `numFmt` when given.
   */
  readonly number?: number;
  /** Excel number format of a numeric cell, e.g. "0.0%". */
  readonly numFmt?: string;
}

export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly header: number;
  readonly footer: number;
}

/** How the sheet prints: always A4 portrait in these documents, one page wide. */
export interface PageSetupSpec {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Centimetres. */
  readonly marginsCm: PageMargins;
  /** The range that prints; null to print whatever the sheet holds (a log that grows). */
  readonly printArea: CellRange | null;
  /** Pages wide (1) and high (1 = shrink to one page, 0 = as many as needed). */
  readonly fitToWidth: number;
  readonly fitToHeight: number;
  readonly horizontalCentered: boolean;
}

/** One data series of a chart: its name and a column of numeric cells on the same sheet. */
export interface ChartSeriesSpec {
  /** The series name (also the text of `nameCell`). */
  readonly name: string;
  /** The cell holding the name, so Excel links the legend to the sheet. */
  readonly nameCell: { readonly row: number; readonly col: number };
  /** The values: one column, as many rows as there are categories. */
  readonly values: CellRange;
  /** Fill colour, "RRGGBB". */
  readonly colour: string;
}

/**
 * A native Excel chart drawn over cells of the sheet, its data on the same sheet (renderers
 * write it as a chart part — Excel draws it, it is not a picture). Additive: a renderer that
 * cannot draw charts leaves the data table as it is.
 */
export interface ChartSpec {
  /** A clustered bar chart: one group of bars per category, one bar per series. */
  readonly kind: "clusteredBar";
  /** "bar": horizontal bars (categories down the side); "column": vertical bars. */
  readonly direction: "bar" | "column";
  readonly title: string;
  /** The category labels: one column, one row per category. */
  readonly categories: CellRange;
  readonly series: readonly ChartSeriesSpec[];
  /** The cells the chart covers: from the top-left corner of (top, left) to the bottom-right corner of (bottom, right). */
  readonly anchor: CellRange;
  readonly legend: "bottom" | "right" | "top" | "none";
}

/** One printable worksheet. */
export interface SheetLayout {
  /** Worksheet name, already valid for Excel and unique in the target workbook. */
  readonly name: string;
  /** The document title (also the text of the "title" cell). */
  readonly title: string;
  /** Excel character units; index 0 is column A. */
  readonly columnWidths: readonly number[];
  /** Points; index 0 is row 1. Every row of the layout has an explicit height. */
  readonly rowHeights: readonly number[];
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly cells: readonly LayoutCell[];
  readonly merges: readonly CellRange[];
  readonly borders: readonly BorderRegion[];
  readonly page: PageSetupSpec;
  /** Show the screen grid lines (off for forms, so the sheet looks like the printout). */
  readonly showGridLines: boolean;
  /** Native charts drawn over the sheet (none when absent). */
  readonly charts?: readonly ChartSpec[];
}
