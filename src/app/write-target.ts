/**
 * The cell a use case writes for an item, after the sheet's merges: refused with a coded
 * AppError naming the cell when the layout cannot take the write (never an adapter's crash).
 */
import { EMPTY, type CellValue, type CellWrite, type SheetGrid } from "../domain/cell";
import { columnLetters } from "../domain/a1-ref";
import { rangeRef } from "../domain/a1-ref";
import { writeTarget } from "../domain/merged-cells";
import { REGISTRY_DATE_FORMAT } from "../domain/registry-plan";
import { AppError } from "./errors";

/** What to write into an item's cell, before the merges are looked at. */
export interface ItemCellWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** Header of the column (no white space), for the message. */
  readonly column: string;
  /** The item's rows (an item over several rows). */
  readonly first?: number;
  readonly last?: number;
}

/**
 * The cell to write and the value it holds now; throws AppError("covered-cell") when a merge
 * covers the cell and the value cannot go to its top-left cell.
 * @example placeItemWrite(grid, { sheet: "督办台账", row: 6, col: 2, column: "督办事项编号", first: 5, last: 6 })
 *   // { row: 5, col: 2, old: { t: "empty" } }
 */
export function placeItemWrite(
  grid: SheetGrid | undefined,
  w: ItemCellWrite,
): { row: number; col: number; old: CellValue } {
  const target = writeTarget(grid?.merges, w.row, w.col, w.first ?? w.row, w.last ?? w.row);
  if (!target.ok) {
    const m = target.merge;
    throw new AppError("covered-cell", {
      sheet: w.sheet,
      address: `${columnLetters(w.col)}${w.row}`,
      row: w.row,
      column: w.column,
      merge: rangeRef(m),
      topLeft: `${columnLetters(m.left)}${m.top}`,
    });
  }
  return { row: target.row, col: target.col, old: grid?.rows[target.row - 1]?.[target.col - 1] ?? EMPTY };
}

/**
 * A write of a value a person could have typed into a ledger or calendar cell: a date (written
 * as a serial number) carries the registry's date format.
 * @example ledgerWrite("督办事项登记表", 5, 10, { t: "date", v: "2026-03-05" }, EMPTY).numFmt // REGISTRY_DATE_FORMAT
 */
export function ledgerWrite(sheet: string, row: number, col: number, value: CellValue, old: CellValue): CellWrite {
  return { sheet, row, col, value, old, ...(value.t === "date" ? { numFmt: REGISTRY_DATE_FORMAT } : {}) };
}
