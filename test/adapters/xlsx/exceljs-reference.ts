/**
 * The reader the adapter had before the package reader: ExcelJS's model turned into a grid with
 * the same rules (cell-value.ts's toCellValue). Kept as a reference the new reader must match.
 */
import * as ExcelJS from "exceljs";
import { EMPTY, type CellValue, type CellRange, type SheetGrid } from "../../../src/domain/cell";
import { toCellValue } from "../../../src/adapters/xlsx/cell-value";

/** ExcelJS keeps a sheet's merges keyed by their top-left address; not in its typings. */
interface MergeRecord {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function sheetMerges(sheet: ExcelJS.Worksheet): CellRange[] {
  const records = Object.values(
    (sheet as unknown as { _merges: Record<string, MergeRecord | undefined> })._merges ?? {},
  );
  return records
    .filter((m): m is MergeRecord => m !== undefined)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The grid of one worksheet as the ExcelJS-based adapter read it. */
export function referenceGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const sparse: CellValue[][] = [];
  let lastRow = 0;
  let lastCol = 0;
  sheet.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell((cell, colNumber) => {
      const value = toCellValue(cell);
      if (value.t === "empty") return;
      cells[colNumber - 1] = value;
      if (colNumber > lastCol) lastCol = colNumber;
    });
    if (cells.length > 0) {
      sparse[rowNumber - 1] = cells;
      lastRow = rowNumber;
    }
  });
  const rows: CellValue[][] = [];
  for (let r = 0; r < lastRow; r++) {
    const source = sparse[r];
    const row = new Array<CellValue>(lastCol);
    for (let c = 0; c < lastCol; c++) row[c] = source?.[c] ?? EMPTY;
    rows.push(row);
  }
  return { name: sheet.name, rows, merges: sheetMerges(sheet) };
}

/** Every worksheet of a package as ExcelJS reads it. */
export async function referenceGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets.map(referenceGrid);
}
