/** Use case: give numbers (编号) to the items that have none (duban number, the task pane's 编号). */
import { EMPTY, type IsoDate } from "../domain/cell";
import { assignNumbers } from "../domain/numbers";
import { archivedNumberRows, readArchives } from "../domain/archive/sheets";
import type { CellWrite, WorkbookPort } from "./port";
import { AppError } from "./errors";
import { loadRegistry } from "./registry";

export interface NumberingResult {
  /** Rows that received a number, top to bottom. */
  readonly assigned: readonly { row: number; number: string }[];
}

/**
 * Assigns numbers to unnumbered items and writes exactly those cells (one writeCells call,
 * each write carrying the value it replaces). Existing numbers are never changed, and numbers
 * on the archive sheets (`2021年归档`) stay taken.
 * @example await runNumbering(port, "2026-11-25") // { assigned: [{ row: 12, number: "〔2026〕5号" }] }
 */
export async function runNumbering(port: WorkbookPort, today: IsoDate): Promise<NumberingResult> {
  const { items, settings, layout, grids } = await loadRegistry(port, today);
  const col = layout.columns.number;
  if (col === undefined) throw new AppError("no-number-column");
  const assigned = assignNumbers(
    [
      ...items.map((item) => ({ row: item.row, number: item.number, issuedOn: item.issuedOn })),
      ...archivedNumberRows(readArchives(grids)),
    ],
    today,
    settings.numberPrefix,
  );
  if (assigned.length === 0) return { assigned };
  const sheet = grids.find((g) => g.name === layout.sheetName);
  const writes: CellWrite[] = assigned.map(({ row, number }) => ({
    sheet: layout.sheetName,
    row,
    col,
    value: { t: "string", v: number },
    old: sheet?.rows[row - 1]?.[col - 1] ?? EMPTY,
  }));
  await port.writeCells(writes);
  return { assigned };
}
