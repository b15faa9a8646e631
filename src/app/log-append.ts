/**
 * Appending rows to a log sheet (催办记录, 问责记录): below the last row holding anything, in the
 * columns the sheet's header names; a sheet without a header first gets one; a workbook
 * without the sheet gets a new one (drawn from its layout) with the rows under its header.
 * One writeCells call for the rows (plus one writeLayout for a new sheet).
 */
import { EMPTY, type CellValue, type SheetGrid } from "../domain/cell";
import type { LogColumnDef } from "../domain/log-sheet";
import { uniqueSheetName } from "../domain/sheet-name";
import type { SheetLayout } from "../domain/layout/types";
import type { DocumentPort } from "./documents";
import type { CellWrite } from "./port";

/** Number format of the dates the use cases write. */
export const LOG_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

export interface LogAppend<K extends string> {
  readonly defs: readonly LogColumnDef<K>[];
  /** The name a new log sheet gets (made unique among `existing`). */
  readonly sheetName: string;
  /** Every sheet name of the workbook, including any added earlier in the operation. */
  readonly existing: readonly string[];
  /** The log as read (its sheet, grid and header), or undefined when the workbook has none. */
  readonly log:
    | {
        readonly sheet: string;
        readonly grid: SheetGrid | undefined;
        readonly headerRow: number;
        readonly columns: Readonly<Partial<Record<K, number>>>;
        readonly nextRow: number;
      }
    | undefined;
  /** The empty sheet a new log starts as. */
  readonly layout: (name: string) => SheetLayout;
  readonly rows: readonly Readonly<Record<K, CellValue>>[];
}

/**
 * Writes the rows into the log; returns the sheet and the first row written.
 * @example await appendLogRows(port, { defs: REMIND_LOG_HEADERS, sheetName: "催办记录", existing, log, layout: remindLogLayout, rows })
 *   // { sheet: "催办记录", firstRow: 7 }
 */
export async function appendLogRows<K extends string>(
  port: DocumentPort,
  append: LogAppend<K>,
): Promise<{ sheet: string; firstRow: number }> {
  const defaults = Object.fromEntries(append.defs.map((h, i) => [h.key, i + 1])) as Partial<Record<K, number>>;
  const writes: CellWrite[] = [];
  let sheet: string;
  let row: number;
  let columns: Partial<Record<K, number>>;
  if (append.log === undefined) {
    sheet = uniqueSheetName(append.sheetName, append.existing);
    await port.writeLayout(append.layout(sheet), "add");
    row = 2;
    columns = defaults;
  } else {
    sheet = append.log.sheet;
    row = append.log.nextRow;
    columns = append.log.columns;
    if (append.log.headerRow === 0) {
      // A log sheet without a header: write one, then the rows under it.
      columns = defaults;
      append.defs.forEach((h, i) =>
        writes.push({ sheet, row, col: i + 1, value: { t: "string", v: h.header }, old: EMPTY }),
      );
      row += 1;
    }
  }
  const firstRow = row;
  const grid = append.log?.grid;
  for (const cells of append.rows) {
    for (const h of append.defs) {
      const col = columns[h.key];
      const value = cells[h.key];
      if (col === undefined || value.t === "empty") continue;
      writes.push({
        sheet,
        row,
        col,
        value,
        old: grid?.rows[row - 1]?.[col - 1] ?? EMPTY,
        ...(value.t === "date" ? { numFmt: LOG_DATE_FORMAT } : {}),
      });
    }
    row += 1;
  }
  if (writes.length > 0) await port.writeCells(writes);
  return { sheet, firstRow };
}
