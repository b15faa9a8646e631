import type { CellValue, SheetGrid } from "../domain/cell";

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

/**
 * What a use case needs from a workbook. Implemented on ExcelJS (files, CLI, tests) and on
 * Office.js (the add-in). Each method is one batch: an Office adapter uses a bounded number of
 * `context.sync()` calls per call, whatever the number of rows.
 */
export interface WorkbookPort {
  /** Names of all worksheets, in workbook order. */
  sheetNames(): Promise<string[]>;
  /** Values of the used range of each named sheet (missing names are skipped). */
  readSheets(names: readonly string[]): Promise<SheetGrid[]>;
  /** Write exactly these cells, nothing else. */
  writeCells(writes: readonly CellWrite[]): Promise<void>;
}
