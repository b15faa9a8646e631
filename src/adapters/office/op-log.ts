/**
 * Writing the 操作日志 through Office.js, in the batch of the writes it records: the sheet is
 * created (hidden, with its header) the first time, and each batch inserts its entries at the
 * top (row 2, shifting older entries down), so a client never needs to know where the log
 * ends and two co-authors logging at once do not write into the same rows.
 */
import type { CellValue } from "../../domain/cell";
import { columnLetters } from "../../domain/a1-ref";
import { OPERATION_LOG_HEADERS, OPERATION_LOG_SHEET } from "../../domain/operation-log";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";
import { toOfficeWrite } from "./values";

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
