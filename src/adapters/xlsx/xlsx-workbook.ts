/**
 * The WorkbookPort on ExcelJS: an .xlsx file in memory, for the command line and tests.
 * It reads used ranges into plain grids and writes exactly the cells it is given, leaving
 * every other part of the workbook (styles, merges, formulas, widths, notes, other sheets)
 * as ExcelJS loaded it.
 */
import { promises as fsp } from "fs";
import * as ExcelJS from "exceljs";
import { EMPTY, type CellValue, type GridRange, type SheetGrid } from "../../domain/cell";
import type { CellWrite, WorkbookPort } from "../../app/port";
import { fromCellValue, toCellValue } from "./cell-value";
import { classifyNonXlsx, fromFsError, XlsxLoadError } from "./load-errors";
import { writeFileAtomic } from "./atomic-write";

/**
 * The grid of one worksheet: rows 1…last row holding a value, each padded with empty cells
 * to the last column holding a value anywhere in the sheet. Work is linear in the cells stored.
 * @example readGrid(sheet) // { name: "登记表", rows: [[{ t: "string", v: "序号" }, …], …] }
 */
export function readGrid(sheet: ExcelJS.Worksheet): SheetGrid {
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

/** ExcelJS keeps a sheet's merges keyed by their top-left address; not in its typings. */
interface MergeRecord {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The merged ranges of a worksheet, top to bottom, then left to right.
 * @example sheetMerges(sheetWithTitleMergedOverA1toN1) // [{ top: 1, left: 1, bottom: 1, right: 14 }]
 */
export function sheetMerges(sheet: ExcelJS.Worksheet): GridRange[] {
  const records = Object.values(
    (sheet as unknown as { _merges: Record<string, MergeRecord | undefined> })._merges ?? {},
  );
  return records
    .filter((m): m is MergeRecord => m !== undefined)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The ExcelJS cell at a 1-based position (plain ExcelJS, not an Office.js proxy: nothing to load). */
function cellAt(sheet: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return sheet.getCell(row, col);
}

/** A write aimed at a cell covered by a merged range (only its top-left cell holds a value). */
export class MergedCellWriteError extends Error {
  constructor(
    readonly sheet: string,
    readonly address: string,
  ) {
    super(`不能写入合并区域中被覆盖的单元格：${sheet}!${address}`);
    this.name = "MergedCellWriteError";
  }
}

/** A write aimed at a sheet the workbook does not have. */
export class MissingSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`工作簿中没有名为“${sheet}”的工作表`);
    this.name = "MissingSheetError";
  }
}

/** WorkbookPort over an ExcelJS workbook held in memory. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly wb: ExcelJS.Workbook) {}

  /**
   * Opens an .xlsx file. Anything that is not a readable .xlsx — a missing file, a folder,
   * a .xls or .csv, a password-protected or corrupt file — throws an XlsxLoadError.
   * `shown` names the file in error messages (default: `file`).
   * @example const book = await XlsxWorkbook.load("登记表.xlsx")
   */
  static async load(file: string, shown: string = file): Promise<XlsxWorkbook> {
    let bytes: Buffer;
    try {
      const stat = await fsp.stat(file);
      if (stat.isDirectory()) throw new XlsxLoadError("is-directory", shown);
      bytes = await fsp.readFile(file);
    } catch (error) {
      throw error instanceof XlsxLoadError ? error : fromFsError(shown, error);
    }
    return XlsxWorkbook.fromBuffer(bytes, shown, file);
  }

  /**
   * Opens an .xlsx held in memory; `name` is used in error messages and `fileName` (default
   * `name`) tells a .csv or .xls by its extension when the content is ambiguous.
   * @example const book = await XlsxWorkbook.fromBuffer(await fs.readFile("登记表.xlsx"))
   */
  static async fromBuffer(bytes: Buffer, name = "工作簿", fileName: string = name): Promise<XlsxWorkbook> {
    const notXlsx = classifyNonXlsx(fileName, bytes, name);
    if (notXlsx) throw notXlsx;
    const wb = new ExcelJS.Workbook();
    try {
      // ExcelJS's typings want its own Buffer alias; a Node Buffer is what it reads.
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (error) {
      throw new XlsxLoadError("corrupt", name, error instanceof Error ? error.message : String(error));
    }
    if (wb.worksheets.length === 0) throw new XlsxLoadError("not-xlsx", name);
    return new XlsxWorkbook(wb);
  }

  /** Wraps a workbook built in code (e.g. a new registry or the demo sample). */
  static fromExcelJs(wb: ExcelJS.Workbook): XlsxWorkbook {
    return new XlsxWorkbook(wb);
  }

  /** The ExcelJS workbook, for adapters that render whole sheets (documents, reports). */
  get workbook(): ExcelJS.Workbook {
    return this.wb;
  }

  async sheetNames(): Promise<string[]> {
    return this.wb.worksheets.map((ws) => ws.name);
  }

  async readSheets(names: readonly string[]): Promise<SheetGrid[]> {
    const grids: SheetGrid[] = [];
    for (const name of names) {
      const sheet = this.wb.getWorksheet(name);
      if (sheet) grids.push(readGrid(sheet));
    }
    return grids;
  }

  async writeCells(writes: readonly CellWrite[]): Promise<void> {
    const date1904 = Boolean(this.wb.properties.date1904);
    // Validate everything first so that a bad write leaves the workbook untouched.
    const targets = writes.map((write) => {
      const sheet = this.wb.getWorksheet(write.sheet);
      if (!sheet) throw new MissingSheetError(write.sheet);
      const cell = cellAt(sheet, write.row, write.col);
      if (cell.type === ExcelJS.ValueType.Merge) throw new MergedCellWriteError(write.sheet, cell.address);
      return { cell, excel: fromCellValue(write.value, { date1904 }), numFmt: write.numFmt };
    });
    for (const { cell, excel, numFmt } of targets) {
      cell.value = excel.value;
      const fmt = numFmt ?? excel.numFmt;
      // Cells loaded with the same style id share one style object: replace, never mutate it.
      if (fmt !== undefined && cell.numFmt !== fmt) cell.style = { ...cell.style, numFmt: fmt };
    }
  }

  /** The workbook as .xlsx bytes (no Node Buffer: the standalone page calls this in a browser). */
  async toBytes(): Promise<Uint8Array> {
    this.wb.eachSheet((sheet) => {
      const area = sheet.pageSetup.printArea;
      if (area) sheet.pageSetup.printArea = absolutePrintArea(area);
    });
    return new Uint8Array(await this.wb.xlsx.writeBuffer());
  }

  /** The workbook as .xlsx bytes in a Node Buffer. */
  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.toBytes());
  }

  /**
   * Saves to `file` through a temp file and a rename, so a crash leaves the old file or the
   * new one, never half of one.
   */
  async save(file: string): Promise<void> {
    await writeFileAtomic(file, await this.toBuffer());
  }
}

/**
 * The print area in the form ExcelJS needs to write "$A$1:$N$9". ExcelJS puts a "$" before every
 * column itself, so it reads a saved area back as "A1:N9" and writes that as "$A1:$N9" (which
 * LibreOffice ignores); rows must carry their own "$" and columns must not.
 * @example absolutePrintArea("A1:N9") // "A$1:N$9"
 */
export function absolutePrintArea(area: string): string {
  return area.replace(/\$?([A-Z]{1,3})\$?(\d+)/g, "$1$$$2");
}
