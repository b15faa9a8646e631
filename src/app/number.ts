/** Use case: give numbers (编号) to the items that have none (duban number, the task pane's 编号). */
import type { IsoDate } from "../domain/cell";
import { HEADER_OF } from "../domain/header-names";
import { assignNumbers } from "../domain/numbers";
import { archivedNumberRows, readArchives } from "../domain/archive/sheets";
import type { CellWrite, WorkbookPort } from "./port";
import { AppError } from "./errors";
import { loadRegistry, type LedgerOptions, type LoadedRegistry } from "./registry";
import { placeItemWrite } from "./write-target";

/** A number given to an item: its sheet, its (first) row, the number. */
export interface AssignedNumber {
  readonly sheet: string;
  readonly row: number;
  readonly number: string;
}

export interface NumberingResult {
  /** Items that received a number, sheet by sheet, top to bottom. */
  readonly assigned: readonly AssignedNumber[];
}

/** The numbers to give and the cells to write them into. */
export interface NumberingPlan extends NumberingResult {
  /** One write per number, into the item's 编号 cell (the top-left cell of a merged one). */
  readonly writes: readonly CellWrite[];
}

/**
 * The numbering of a loaded registry: unnumbered items of the ledgers in `loaded` get the next
 * numbers of their year, counted over every ledger sheet of the workbook (loaded.allItems) and
 * the archive sheets (`2021年归档`) — so numbers are unique per year across sheets.
 * Items on a sheet without a 编号 column are left out; AppError("no-number-column") when no
 * ledger has one. A write the layout cannot take throws AppError("covered-cell").
 * @example planNumbering(loaded, "2026-11-25").assigned // [{ sheet: "2026年", row: 12, number: "〔2026〕5号" }]
 */
export function planNumbering(loaded: LoadedRegistry, today: IsoDate): NumberingPlan {
  const columnOf = new Map(loaded.ledgers.map((l) => [l.layout.sheetName, l.layout.columns.number]));
  if (![...columnOf.values()].some((c) => c !== undefined)) throw new AppError("no-number-column");
  const all = loaded.allItems;
  const wanted = new Set(loaded.items);
  // assignNumbers orders by row: give every item a running index instead (sheet by sheet).
  const indexed = all.map((item, index) => ({ item, index }));
  // Numbers on the archive sheets (`2021年归档`) stay taken (rows below 0: never numbered).
  const archived = archivedNumberRows(readArchives(loaded.grids)).map((r, k) => ({ ...r, row: -1 - k }));
  const numbers = assignNumbers(
    [
      ...indexed
        .filter(({ item }) => item.number.trim() !== "" || (wanted.has(item) && columnOf.get(item.sheet) !== undefined))
        .map(({ item, index }) => ({ row: index, number: item.number, issuedOn: item.issuedOn })),
      ...archived,
    ],
    today,
    loaded.settings.numberPrefix,
  );
  const assigned: AssignedNumber[] = [];
  const writes: CellWrite[] = [];
  for (const { row: index, number } of numbers) {
    const item = all[index];
    const col = columnOf.get(item.sheet)!;
    const grid = loaded.grids.find((g) => g.name === item.sheet);
    const at = placeItemWrite(grid, {
      sheet: item.sheet,
      row: item.row,
      col,
      column: HEADER_OF.number,
      first: item.row,
      last: item.lastRow ?? item.row,
    });
    assigned.push({ sheet: item.sheet, row: item.row, number });
    writes.push({ sheet: item.sheet, row: at.row, col: at.col, value: { t: "string", v: number }, old: at.old });
  }
  return { assigned, writes };
}

/**
 * Assigns numbers to unnumbered items and writes exactly those cells (one writeCells call,
 * each write carrying the value it replaces). Existing numbers are never changed.
 * @example await runNumbering(port, "2026-11-25") // { assigned: [{ sheet: "督办事项登记表", row: 12, number: "〔2026〕5号" }] }
 */
export async function runNumbering(
  port: WorkbookPort,
  today: IsoDate,
  options: LedgerOptions = {},
): Promise<NumberingResult> {
  const loaded = await loadRegistry(port, today, options);
  const plan = planNumbering(loaded, today);
  if (plan.writes.length > 0) await port.writeCells(plan.writes);
  return { assigned: plan.assigned };
}
