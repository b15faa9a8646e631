/**
 * Turning a list of cell writes into as few Office.js range writes as possible without ever
 * touching a cell that is not in the list: writes to consecutive rows of one column become one
 * vertical run (one `values` assignment), so numbering 10,000 rows is a handful of actions, and
 * a column is never rewritten whole (co-authors may be typing in it).
 */
import type { CellWrite } from "../../app/port";
import { columnLetters } from "../../domain/a1-ref";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";
import { toOfficeWrite } from "./values";

/**
 * Most cells in one run: a run and its log rows are one unit when batches are packed, so units
 * must stay far below the 4 MB budget (2,000 cells with their log rows are about 0.4 MB).
 */
export const MAX_RUN_CELLS = 2000;

/** Consecutive cells of one column written with one assignment of `values` (and formats). */
export interface WriteRun {
  readonly sheet: string;
  /** 1-based first row. */
  readonly row: number;
  /** 1-based column. */
  readonly col: number;
  /** One value per row, top to bottom. */
  readonly values: readonly (string | number | boolean)[];
  /** One format per row when the run sets formats, else undefined. */
  readonly numberFormats?: readonly string[];
  /** Estimated request bytes of the run. */
  readonly bytes: number;
  /** The writes the run carries, top to bottom. */
  readonly writes: readonly CellWrite[];
}

/**
 * The A1 address of a run (without the sheet).
 * @example runAddress({ row: 3, col: 2, values: [1, 2] }) // "B3:B4"
 */
export function runAddress(run: Pick<WriteRun, "row" | "col" | "values">): string {
  const c = columnLetters(run.col);
  const last = run.row + run.values.length - 1;
  return last === run.row ? `${c}${run.row}` : `${c}${run.row}:${c}${last}`;
}

/** Where a cell is: what runs are made of. */
interface At {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * Orders cells by sheet, column and row (the order runs are read in).
 * @example [b3, a2].sort(byColumn) // [a2, b3]
 */
export function byColumn(a: At, b: At): number {
  return (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.col - b.col || a.row - b.row;
}

/**
 * Splits cells (ordered by byColumn) into vertical runs: consecutive rows of one column, at most
 * MAX_RUN_CELLS, each cell `alike` the run's first.
 * @example verticalRuns([B3, B4, B6], () => true).map((r) => r.length) // [2, 1]
 */
export function verticalRuns<T extends At>(cells: readonly T[], alike: (first: T, next: T) => boolean): T[][] {
  const runs: T[][] = [];
  let open: T[] | null = null;
  for (const cell of cells) {
    const first: T | undefined = open?.[0];
    const continues =
      open !== null &&
      first !== undefined &&
      first.sheet === cell.sheet &&
      first.col === cell.col &&
      first.row + open.length === cell.row &&
      open.length < MAX_RUN_CELLS &&
      alike(first, cell);
    if (continues) open!.push(cell);
    else runs.push((open = [cell]));
  }
  return runs;
}

/**
 * The last write of each cell, in sheet, column and row order.
 * @example lastWritePerCell([{ sheet: "S", row: 2, col: 1, value: a }, { sheet: "S", row: 2, col: 1, value: b }]) // [b]
 */
export function lastWritePerCell(writes: readonly CellWrite[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) byCell.set(`${w.sheet}\u0000${w.col}\u0000${w.row}`, w);
  return [...byCell.values()].sort(byColumn);
}

/**
 * Groups writes into vertical runs: one run per stretch of consecutive rows of one column in
 * which every write sets a number format or none does. A cell written twice keeps its last value.
 * @example groupRuns([{ sheet: "S", row: 3, col: 2, value: v }, { sheet: "S", row: 4, col: 2, value: w }]).length // 1
 */
export function groupRuns(writes: readonly CellWrite[]): WriteRun[] {
  const cells = lastWritePerCell(writes).map((w) => ({ ...toOfficeWrite(w.value, w.numFmt), write: w, ...at(w) }));
  const withFormat = (c: (typeof cells)[number]) => c.numberFormat !== undefined;
  return verticalRuns(cells, (first, next) => withFormat(first) === withFormat(next)).map((run) => {
    const values = run.map((c) => c.value);
    const fmts = withFormat(run[0]) ? run.map((c) => c.numberFormat!) : null;
    const address = runAddress({ row: run[0].row, col: run[0].col, values });
    const payload = fmts ? [address, values, fmts] : [address, values];
    return {
      ...at(run[0]),
      values,
      ...(fmts ? { numberFormats: fmts } : {}),
      bytes: jsonBytes(payload) + ACTION_OVERHEAD_BYTES * (fmts ? 2 : 1),
      writes: run.map((c) => c.write),
    };
  });
}

function at(cell: At): At {
  return { sheet: cell.sheet, row: cell.row, col: cell.col };
}

/**
 * Queues a run's values (and number formats) with one assignment each.
 * @example queueRun(sheet, run) // sheet.getRange("B3:B9").values = [[…], …]
 */
export function queueRun(sheet: Excel.Worksheet, run: WriteRun): void {
  const range = sheet.getRange(runAddress(run));
  if (run.numberFormats) range.numberFormat = run.numberFormats.map((f) => [f]);
  range.values = run.values.map((v) => [v]);
}
