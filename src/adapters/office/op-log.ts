/**
 * Writing the 操作日志 through Office.js, in the batch of the writes it records: the sheet is
 * created (hidden, with its header) the first time, and each batch inserts its entries at the
 * top (row 2, shifting older entries down), so a client never needs to know where the log
 * ends and two co-authors logging at once do not write into the same rows.
 */
import { EMPTY, type CellValue, type CellWrite } from "../../domain/cell";
import { columnLetters } from "../../domain/a1-ref";
import { logRowCells, OPERATION_LOG_HEADERS, OPERATION_LOG_SHEET, type LogBase } from "../../domain/operation-log";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";
import { toOfficeWrite } from "./values";
import { groupRuns, queueRun, type WriteRun } from "./write-plan";

const LAST_COLUMN = columnLetters(OPERATION_LOG_HEADERS.length);

/** Estimated request bytes of creating the log sheet (queueCreateLog). */
export const CREATE_LOG_BYTES = 2000;

/** Office values of log rows (all text, quoted where Excel would read them otherwise). */
export function officeLogRows(rows: readonly (readonly CellValue[])[]): (string | number | boolean)[][] {
  return rows.map((cells) => cells.map((c) => toOfficeWrite(c).value));
}

/** Estimated request bytes of inserting and writing these log rows. */
export function logRowsBytes(rows: readonly (readonly unknown[])[]): number {
  return jsonBytes(rows) + 2 * ACTION_OVERHEAD_BYTES;
}

/**
 * Queues the creation of the log sheet: hidden, header in row 1.
 * @example queueCreateLog(context) // then context.sync()
 */
export function queueCreateLog(context: Excel.RequestContext): void {
  const sheet = context.workbook.worksheets.add(OPERATION_LOG_SHEET);
  sheet.getRange(`A1:${LAST_COLUMN}1`).values = [[...OPERATION_LOG_HEADERS]];
  sheet.visibility = "Hidden";
}

/**
 * Queues log rows at the top of the log (newest first): insert that many rows at row 2, shifting
 * the older entries down, and write the rows there.
 * @example queueLogRows(context, officeLogRows([logRowCells(entry)]))
 */
export function queueLogRows(
  context: Excel.RequestContext,
  rows: readonly (readonly (string | number | boolean)[])[],
): void {
  if (rows.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(OPERATION_LOG_SHEET);
  const address = `A2:${LAST_COLUMN}${rows.length + 1}`;
  sheet.getRange(address).insert("Down");
  sheet.getRange(address).values = rows.map((r) => [...r]);
}

/** A write run and the log rows that record it: one unit when write batches are packed. */
export interface LoggedRun {
  readonly run: WriteRun;
  readonly log: (string | number | boolean)[][];
  readonly bytes: number;
}

/**
 * Cell writes as vertical runs (write-plan.ts), each with the log rows of its cells.
 * @example loggedRuns(writes, { id, time, operation: "编号" })[0].log.length // one row per cell of the run
 */
export function loggedRuns(writes: readonly CellWrite[], base: LogBase): LoggedRun[] {
  return groupRuns(writes).map((run) => {
    const log = officeLogRows(
      run.writes.map((w) =>
        logRowCells({ ...base, sheet: w.sheet, row: w.row, col: w.col, old: w.old ?? EMPTY, new: w.value }),
      ),
    );
    return { run, log, bytes: run.bytes + logRowsBytes(log) };
  });
}

/**
 * Queues runs with their log rows before them (the caller frames them with events off).
 * @example queueLoggedRuns(context, loggedRuns(writes, base))
 */
export function queueLoggedRuns(context: Excel.RequestContext, units: readonly LoggedRun[]): void {
  queueLogRows(
    context,
    units.flatMap((u) => u.log),
  );
  for (const { run } of units) queueRun(context.workbook.worksheets.getItem(run.sheet), run);
}
