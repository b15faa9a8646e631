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

/**
 * The last write of each cell, in sheet, column and row order.
 * @example lastWritePerCell([{ sheet: "S", row: 2, col: 1, value: a }, { sheet: "S", row: 2, col: 1, value: b }]) // [b]
 */
export function lastWritePerCell(writes: readonly CellWrite[]): CellWrite[] {
  const byCell = new Map<string, CellWrite>();
  for (const w of writes) byCell.set(`${w.sheet}\u0000${w.col}\u0000${w.row}`, w);
  return [...byCell.values()].sort(
    (a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.col - b.col || a.row - b.row,
  );
}

/**
 * Groups writes into vertical runs: one run per stretch of consecutive rows of one column in
 * which every write sets a number format or none does. A cell written twice keeps its last value.
 * @example groupRuns([{ sheet: "S", row: 3, col: 2, value: v }, { sheet: "S", row: 4, col: 2, value: w }]).length // 1
 */
export function groupRuns(writes: readonly CellWrite[]): WriteRun[] {
  const runs: WriteRun[] = [];
  interface Open {
    sheet: string;
    row: number;
    col: number;
    values: (string | number | boolean)[];
    fmts: string[] | null;
    writes: CellWrite[];
  }
  let open: Open | null = null;
  const close = () => {
    if (!open) return;
    const address = runAddress(open);
    const payload = open.fmts ? [address, open.values, open.fmts] : [address, open.values];
    runs.push({
      sheet: open.sheet,
      row: open.row,
      col: open.col,
      values: open.values,
      ...(open.fmts ? { numberFormats: open.fmts } : {}),
      bytes: jsonBytes(payload) + ACTION_OVERHEAD_BYTES * (open.fmts ? 2 : 1),
      writes: open.writes,
    });
    open = null;
  };
  for (const w of lastWritePerCell(writes)) {
    const out = toOfficeWrite(w.value, w.numFmt);
    const hasFmt = out.numberFormat !== undefined;
    const continues =
      open !== null &&
      open.sheet === w.sheet &&
      open.col === w.col &&
      open.row + open.values.length === w.row &&
      open.values.length < MAX_RUN_CELLS &&
      (open.fmts !== null) === hasFmt;
    let current: Open;
    if (continues && open !== null) current = open;
    else {
      close();
      current = { sheet: w.sheet, row: w.row, col: w.col, values: [], fmts: hasFmt ? [] : null, writes: [] };
      open = current;
    }
    current.values.push(out.value);
    current.writes.push(w);
    if (current.fmts !== null && out.numberFormat !== undefined) current.fmts.push(out.numberFormat);
  }
  close();
  return runs;
}
