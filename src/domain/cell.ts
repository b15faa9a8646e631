/**
 * Plain cell values as the engine sees them. Adapters (the xlsx package, Office.js) convert whatever
 * the workbook stores — rich text, formulas, hyperlinks, dates — into one of these shapes:
 * rich text is concatenated, a formula gives its cached result, a hyperlink its text,
 * a JS Date its UTC calendar date.
 */
export type IsoDate = string; // "YYYY-MM-DD", always a real calendar date

export type CellValue =
  | { readonly t: "empty" }
  | { readonly t: "number"; readonly v: number; readonly fmt?: string }
  | { readonly t: "string"; readonly v: string }
  | { readonly t: "bool"; readonly v: boolean }
  | { readonly t: "date"; readonly v: IsoDate }
  | { readonly t: "error"; readonly v: string };

export const EMPTY: CellValue = { t: "empty" };

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A row or a cell to show a person: `col` selects one cell, else columns 1…`toCol` (or the whole row). */
export interface CellTarget {
  readonly sheet: string;
  readonly row: number;
  readonly col?: number | null;
  /** Select columns 1…toCol of the row (an item's whole record). */
  readonly toCol?: number;
}

/**
 * The rectangle with two given cells at opposite corners, in either order.
 * @example rangeBetween({ row: 3, col: 5 }, { row: 1, col: 2 }) // { top: 1, left: 2, bottom: 3, right: 5 }
 */
export function rangeBetween(
  a: { readonly row: number; readonly col: number },
  b: { readonly row: number; readonly col: number },
): CellRange {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * The smallest rectangle holding both.
 * @example rangeUnion({ top: 1, left: 1, bottom: 3, right: 2 }, { top: 5, left: 2, bottom: 5, right: 4 }) // { top: 1, left: 1, bottom: 5, right: 4 }
 */
export function rangeUnion(a: CellRange, b: CellRange): CellRange {
  return rangeBetween(
    { row: Math.min(a.top, b.top), col: Math.min(a.left, b.left) },
    { row: Math.max(a.bottom, b.bottom), col: Math.max(a.right, b.right) },
  );
}

/** One value to write. Dates are written as serial numbers with an explicit number format. */
export interface CellWrite {
  readonly sheet: string;
  /** 1-based. */
  readonly row: number;
  /** 1-based. */
  readonly col: number;
  readonly value: CellValue;
  /** Number format to set, e.g. 'yyyy"年"m"月"d"日"' for dates. */
  readonly numFmt?: string;
  /** The value the add-in read before writing; an adapter records it in the 操作日志. */
  readonly old?: CellValue;
}

/** A rectangular-ish grid of one sheet: rows[r][c] is sheet row r+1, column c+1. */
export interface SheetGrid {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /**
   * The sheet's merged ranges, when the adapter knows them (1-based, inclusive). Only a merge's
   * top-left cell holds a value; the cells it covers read as empty. Undefined means unknown
   * (Office.js before ExcelApi 1.13), not "none".
   */
  readonly merges?: readonly CellRange[];
  /**
   * When set, `merges` lists the merges of rows 1…mergesUpTo only and the merges below are
   * unknown (Office could read the merged areas of the sheet's top rows only: a sheet with more
   * than 512 of them).
   */
  readonly mergesUpTo?: number;
}

/** Text of a cell for display and for text fields (numbers printed plainly). */
export function cellText(cell: CellValue | undefined): string {
  if (!cell) return "";
  switch (cell.t) {
    case "empty":
      return "";
    case "string":
      return cell.v.trim();
    case "number":
      return String(cell.v);
    case "bool":
      return cell.v ? "TRUE" : "FALSE";
    case "date":
      return cell.v;
    case "error":
      return cell.v;
  }
}

/** True when a cell holds nothing a person typed (empty or only white space). */
export function isBlank(cell: CellValue | undefined): boolean {
  return !cell || cell.t === "empty" || (cell.t === "string" && cell.v.trim() === "");
}
