/**
 * Builds a SheetLayout row by row, the way a form is drawn: each row lists its cells left to
 * right with how many columns (and rows) each spans; the builder works out the merges, gives
 * every row the height its wrapped text needs, and frames tables and boxes with borders.
 */
import { columnWidthPt, rowHeightFor, wrappedLines } from "./metrics";
import { A4_MARGINS_CM, A4_PRINTABLE_HEIGHT_PT, OFFICIAL_STYLES } from "./styles";
import type { CellRange } from "../a1-ref";
import type { BorderRegion, LayoutCell, LineStyle, SheetLayout, StyleName } from "./types";

/** One cell of a form row. */
export interface FormCell {
  readonly text: string;
  readonly style: StyleName;
  /** Columns it spans (default 1). */
  readonly span?: number;
  /** Rows it spans (default 1); the rows below skip the columns it covers. */
  readonly rowSpan?: number;
  readonly field?: string;
  /** A number the cell holds (`text` is how it prints), e.g. for a chart's data. */
  readonly number?: number;
  readonly numFmt?: string;
}

export interface RowOptions {
  /** The least height of the row in points (default 24). */
  readonly minHeight?: number;
}

interface PlacedCell {
  readonly cell: LayoutCell;
  readonly range: CellRange;
}

/** Least height of a form row, in points. */
export const DEFAULT_ROW_HEIGHT_PT = 24;

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT_PT = 409;

/** Points per indent level taken from a cell's width (Excel indents 9 px a level). */
const INDENT_PT = 7;

/**
 * Height a form fills when asked to (see BuildOptions.fill): the printable height of A4
 * inside the margins, less room for a spreadsheet's rounding of row heights.
 */
export const FILL_HEIGHT_PT = Math.floor(A4_PRINTABLE_HEIGHT_PT) - 36;

export interface BuildOptions {
  /**
   * Rows that grow, sharing the room equally, until the form is FILL_HEIGHT_PT high — a
   * paper form fills its page. A form already that high is left as it is.
   */
  readonly fill?: readonly number[];
}

export class FormBuilder {
  private readonly placed: PlacedCell[] = [];
  private readonly heights: number[] = [];
  private readonly borders: BorderRegion[] = [];
  /** "row,col" of cells covered by a rowSpan from a row above. */
  private readonly covered = new Set<string>();

  constructor(private readonly columnWidths: readonly number[]) {
    if (columnWidths.length === 0) throw new Error("A form needs at least one column.");
  }

  /** Number of columns of the form. */
  get width(): number {
    return this.columnWidths.length;
  }

  /** The row the next call to `row` will add (1-based). */
  get nextRow(): number {
    return this.heights.length + 1;
  }

  /** The last row added so far (0 before any). */
  get lastRow(): number {
    return this.heights.length;
  }

  /**
   * Adds a row. Its cells must fill exactly the columns not covered from above. A row whose
   * text needs more than Excel's tallest row (409 pt) becomes several rows, each of its cells
   * merged down across them.
   * @returns the 1-based number of the (first) row added.
   */
  row(cells: readonly FormCell[], options: RowOptions = {}): number {
    const r = this.nextRow;
    const planned: { spec: FormCell; left: number; right: number; rowSpan: number }[] = [];
    let c = 1;
    let height = options.minHeight ?? DEFAULT_ROW_HEIGHT_PT;
    for (const spec of cells) {
      while (this.covered.has(`${r},${c}`)) c++;
      const right = c + (spec.span ?? 1) - 1;
      if (right > this.width) throw new Error(`Row ${r} has more columns than the form's ${this.width}.`);
      const rowSpan = spec.rowSpan ?? 1;
      if (rowSpan === 1) height = Math.max(height, this.neededHeight(spec.text, spec.style, c, right));
      planned.push({ spec, left: c, right, rowSpan });
      c = right + 1;
    }
    while (this.covered.has(`${r},${c}`)) c++;
    if (c !== this.width + 1) throw new Error(`Row ${r} fills ${c - 1} of the form's ${this.width} columns.`);

    const split = height > MAX_ROW_HEIGHT_PT && planned.every((p) => p.rowSpan === 1);
    const rowsUsed = split ? Math.ceil(height / MAX_ROW_HEIGHT_PT) : 1;
    for (const p of planned) {
      const range: CellRange = { top: r, left: p.left, bottom: r + Math.max(p.rowSpan, rowsUsed) - 1, right: p.right };
      for (let rr = r + 1; rr <= range.bottom; rr++) {
        for (let cc = range.left; cc <= range.right; cc++) this.covered.add(`${rr},${cc}`);
      }
      const cell: LayoutCell = { row: r, col: p.left, value: p.spec.text, style: p.spec.style, ...fieldOf(p.spec) };
      this.placed.push({ cell, range });
    }
    const each = Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(height / rowsUsed));
    for (let i = 0; i < rowsUsed; i++) this.heights.push(each);
    return r;
  }

  /** Adds an empty spacer row of exactly `heightPt` across the form. */
  space(heightPt: number): number {
    const r = this.row([{ text: "", style: "body", span: this.width }]);
    this.heights[r - 1] = heightPt;
    return r;
  }

  /** Frames rows `from`–`to` (default: the last row) as a table: outline and lines between every cell. */
  table(from: number, to: number = this.lastRow, line: LineStyle = "thin"): void {
    this.borders.push({ range: { top: from, left: 1, bottom: to, right: this.width }, outline: line, inner: line });
  }

  /** Frames rows `from`–`to` (default: the last row) as one box: outline only. */
  box(from: number, to: number = this.lastRow, line: LineStyle = "thin"): void {
    this.borders.push({ range: { top: from, left: 1, bottom: to, right: this.width }, outline: line, inner: "none" });
  }

  /** The finished layout; rows under a tall multi-row cell grow so its text fits. */
  build(name: string, title: string, options: BuildOptions = {}): SheetLayout {
    const heights = [...this.heights];
    for (const { cell, range } of this.placed) {
      if (range.bottom === range.top) continue;
      const needed = this.neededHeight(cell.value, cell.style, range.left, range.right);
      let have = 0;
      for (let r = range.top; r <= range.bottom; r++) have += heights[r - 1];
      // Spread what is missing over the rows of the cell, none above Excel's limit.
      const rows = range.bottom - range.top + 1;
      const extra = Math.ceil(Math.max(0, needed - have) / rows);
      for (let r = range.top; r <= range.bottom; r++)
        heights[r - 1] = Math.min(MAX_ROW_HEIGHT_PT, heights[r - 1] + extra);
    }
    const fill = (options.fill ?? []).filter((r) => r >= 1 && r <= heights.length);
    const total = heights.reduce((a, b) => a + b, 0);
    if (fill.length > 0 && total < FILL_HEIGHT_PT) {
      const share = Math.floor((FILL_HEIGHT_PT - total) / fill.length);
      for (const r of fill) heights[r - 1] = Math.min(MAX_ROW_HEIGHT_PT, heights[r - 1] + share);
    }
    const merges = this.placed
      .map((p) => p.range)
      .filter((m) => m.bottom > m.top || m.right > m.left)
      .sort((a, b) => a.top - b.top || a.left - b.left);
    const lastRow = heights.length;
    return {
      name,
      title,
      columnWidths: [...this.columnWidths],
      rowHeights: heights,
      styles: OFFICIAL_STYLES,
      cells: this.placed.map((p) => p.cell).filter((cell) => cell.value !== "" || cell.field !== undefined),
      merges,
      borders: [...this.borders],
      page: {
        paper: "A4",
        orientation: "portrait",
        marginsCm: A4_MARGINS_CM,
        printArea: { top: 1, left: 1, bottom: Math.max(1, lastRow), right: this.width },
        fitToWidth: 1,
        fitToHeight: 1,
        horizontalCentered: true,
      },
      showGridLines: false,
    };
  }

  /**
   * Lines a text in a style takes in columns left–right (for choosing between layouts).
   * @example new FormBuilder([10]).lines("督办事项通知单", "label", 1, 1) // 2
   */
  lines(text: string, styleName: StyleName, left: number, right: number): number {
    const style = OFFICIAL_STYLES[styleName];
    if (!style.wrap) return 1;
    return wrappedLines(text, style.font.sizePt, this.spanWidthPt(left, right) - style.indent * INDENT_PT);
  }

  private spanWidthPt(left: number, right: number): number {
    let widthPt = 0;
    for (let c = left; c <= right; c++) widthPt += columnWidthPt(this.columnWidths[c - 1]);
    return widthPt;
  }

  private neededHeight(text: string, styleName: StyleName, left: number, right: number): number {
    const widthPt = this.spanWidthPt(left, right);
    const style = OFFICIAL_STYLES[styleName];
    if (!style.wrap) return rowHeightFor("", style.font.sizePt, widthPt, 0);
    return rowHeightFor(text, style.font.sizePt, widthPt - style.indent * INDENT_PT, 0);
  }
}

function fieldOf(spec: FormCell): { field?: string; number?: number; numFmt?: string } {
  return {
    ...(spec.field === undefined ? {} : { field: spec.field }),
    ...(spec.number === undefined ? {} : { number: spec.number }),
    ...(spec.numFmt === undefined ? {} : { numFmt: spec.numFmt }),
  };
}
