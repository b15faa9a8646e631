import type { CellWrite, SheetGrid } from "../domain/cell";

// The port writes the engine's CellWrite (domain plans produce them too, e.g. the archive).
export type { CellWrite };

/**
 * What a use case needs from a workbook. Implemented on the xlsx package (files: CLI, the
 * standalone page, tests) and on Office.js (the add-in). Each method is one batch: an Office adapter uses a bounded number of
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
