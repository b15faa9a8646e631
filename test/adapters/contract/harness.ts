/**
 * What the contract suite needs from an adapter: open a workbook from raw rows, run a use case
 * as one operation on a port that logs its writes and draws layouts, simulate a co-author, and
 * look at the result. One harness per adapter: Office (the fake Excel) and xlsx (ExcelJS).
 */
import * as ExcelJS from "exceljs";
import type { SheetGrid } from "../../../src/domain/cell";
import type { SheetLayout } from "../../../src/domain/layout/types";
import type { CellWrite } from "../../../src/app/port";
import type { DocumentPort, LayoutMode } from "../../../src/app/documents";
import {
  logRowCells,
  OPERATION_LOG_HEADERS,
  OPERATION_LOG_SHEET,
  type LoggedWorkbookPort,
  type OperationMeta,
} from "../../../src/app/ports/operation-log";
import type { NumberingPort } from "../../../src/adapters/office/numbering";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { fromCellValue } from "../../../src/adapters/xlsx/cell-value";
import { renderLayout } from "../../../src/adapters/xlsx/render-layout";
import { FakeExcel } from "../office/fake-excel";
import { registryXlsx, REGISTRY } from "./fixture";

export type ContractPort = DocumentPort & LoggedWorkbookPort & NumberingPort;

export interface Subject {
  /** Runs a use case as one operation of the add-in. */
  run<T>(label: string, fn: (port: ContractPort) => Promise<T>): Promise<T>;
  /** A co-author's edit landing after the add-in read and before its next write. */
  coauthorBeforeNextWrite(sheet: string, row: number, col: number, text: string): void;
  /** A co-author's (or the person's) edit now. */
  edit(sheet: string, row: number, col: number, text: string): void;
  /** A sheet as the port reads it. */
  grid(sheet: string): Promise<SheetGrid>;
  sheetNames(): Promise<string[]>;
  /** True when the sheet is hidden. */
  hidden(sheet: string): boolean;
}

export interface Harness {
  readonly name: string;
  open(registry: readonly (readonly unknown[])[]): Promise<Subject>;
}

let clock = 0;
const now = () => new Date(2026, 10, 25, 9, 0, clock++);
let ids = 0;
const newId = () => `op${++ids}`;

// ───────────────────────────── Office (fake Excel) ─────────────────────────────

export const officeHarness: Harness = {
  name: "Office.js adapter (fake Excel)",
  async open(registry) {
    const fake = new FakeExcel({ [REGISTRY]: registry });
    const office = new OfficeWorkbook(fake.run, {
      now,
      newId,
      requirements: fixedRequirements({ ExcelApi: "1.9" }),
    });
    const put = (sheet: string, row: number, col: number, text: string) =>
      fake.coauthorEdit(sheet, `${colName(col)}${row}`, [[text]]);
    return {
      run: (label, fn) => office.operation(label, fn),
      coauthorBeforeNextWrite: (sheet, row, col, text) => fake.beforeNextWrite(() => put(sheet, row, col, text)),
      edit: put,
      grid: async (sheet) => (await office.readSheets([sheet]))[0] ?? { name: sheet, rows: [] },
      sheetNames: () => office.sheetNames(),
      hidden: (sheet) => fake.sheet(sheet).visibility === "Hidden",
    };
  },
};

function colName(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ───────────────────────────── xlsx (ExcelJS) ─────────────────────────────

/**
 * The xlsx adapter with the 操作日志 the add-in keeps, written the same way (hidden sheet,
 * newest entries inserted at row 2, log rows before the cells), for the contract suite only:
 * the CLI writes new files and has no undo.
 */
class LoggedXlsx implements ContractPort {
  constructor(
    private readonly book: XlsxWorkbook,
    private readonly meta: OperationMeta,
    private readonly pending: (() => void)[],
  ) {}

  sheetNames(): Promise<string[]> {
    return this.book.sheetNames();
  }

  readSheets(names: readonly string[]): Promise<SheetGrid[]> {
    return this.book.readSheets(names);
  }

  writeCells(writes: readonly CellWrite[]): Promise<void> {
    return this.writeLogged(writes, this.meta);
  }

  async writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void> {
    if (writes.length === 0) return;
    for (const fn of this.pending.splice(0)) fn();
    const wb = this.book.workbook;
    let log = wb.getWorksheet(OPERATION_LOG_SHEET);
    if (!log) {
      log = wb.addWorksheet(OPERATION_LOG_SHEET, { state: "hidden" });
      log.getRow(1).values = [...OPERATION_LOG_HEADERS];
    }
    const id = newId();
    const time = "2026-11-25 09:00:00";
    const [grid] = await this.book.readSheets([...new Set(writes.map((w) => w.sheet))].slice(0, 1));
    const rows = writes.map((w) =>
      logRowCells({
        id,
        time,
        operation: meta.operation,
        undoes: meta.undoes,
        sheet: w.sheet,
        row: w.row,
        col: w.col,
        old: w.old ?? grid?.rows[w.row - 1]?.[w.col - 1] ?? { t: "empty" },
        new: w.value,
      }).map((c) => fromCellValue(c).value),
    );
    log.spliceRows(2, 0, ...rows);
    await this.book.writeCells(writes);
  }

  async writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
    renderLayout(this.book.workbook, layout, mode);
  }
}

export const xlsxHarness: Harness = {
  name: "xlsx adapter (ExcelJS)",
  async open(registry) {
    const book: XlsxWorkbook = await registryXlsx(registry);
    const pending: (() => void)[] = [];
    const put = (sheet: string, row: number, col: number, text: string) => {
      book.workbook.getWorksheet(sheet)!.getCell(row, col).value = text as ExcelJS.CellValue;
    };
    return {
      run: (label, fn) => fn(new LoggedXlsx(book, { operation: label }, pending)),
      coauthorBeforeNextWrite: (sheet, row, col, text) => pending.push(() => put(sheet, row, col, text)),
      edit: put,
      grid: async (sheet) => (await book.readSheets([sheet]))[0] ?? { name: sheet, rows: [] },
      sheetNames: () => book.sheetNames(),
      hidden: (sheet) => book.workbook.getWorksheet(sheet)?.state === "hidden",
    };
  },
};
