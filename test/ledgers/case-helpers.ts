/**
 * What the registry cases runner needs: loading a case (its build script and case.json),
 * expected files (written with UPDATE_CASES=1, then reviewed and committed), and the same
 * workbook in the fake Excel for the Office adapter — values as Excel holds them (dates as
 * serial numbers, formulas as their results) and the merged ranges.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { columnLetters } from "../../src/domain/a1-ref";
import type { CellValue } from "../../src/domain/cell";
import { isoToSerial } from "../../src/domain/dates";
import { FakeExcel } from "../adapters/office/fake-excel";

export const CASES_DIR = path.join(__dirname, "cases");

/** What case.json says about a case. */
export interface CaseSpec {
  readonly today: string;
  /** The number each document command asks for. */
  readonly documents: { readonly notice: string; readonly report: string; readonly remind: string };
  /** A ledger sheet to try `--sheet` on. */
  readonly sheet?: string;
  /** Contents of classified items, which no generated sheet may hold. */
  readonly classified?: readonly string[];
  /** A number typed the wrong way that a row holds: a document for it is refused, never suggested to itself. */
  readonly badNumber?: string;
}

/** Every case folder (one holding a build.ts), sorted. */
export function caseNames(): string[] {
  return fs
    .readdirSync(CASES_DIR)
    .filter((d) => fs.existsSync(path.join(CASES_DIR, d, "build.ts")))
    .sort();
}

export function loadSpec(name: string): CaseSpec {
  return JSON.parse(fs.readFileSync(path.join(CASES_DIR, name, "case.json"), "utf8")) as CaseSpec;
}

/** The case's workbook, built by its script. */
export function buildCase(name: string): ExcelJS.Workbook {
  const mod = require(path.join(CASES_DIR, name, "build")) as { build: () => ExcelJS.Workbook };
  return mod.build();
}

/**
 * Compares output with the case's expected file; with UPDATE_CASES=1 writes the file instead
 * (to be reviewed before it is committed).
 */
export function expectMatches(name: string, file: string, actual: unknown): void {
  const full = path.join(CASES_DIR, name, file);
  if (process.env.UPDATE_CASES === "1") {
    fs.writeFileSync(full, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  if (!fs.existsSync(full))
    throw new Error(`${name}/${file} is missing: run UPDATE_CASES=1 npx jest test/ledgers and review it`);
  expect(actual).toEqual(JSON.parse(fs.readFileSync(full, "utf8")));
}

/** A cell as Office.js returns it in `values`. */
function raw(cell: CellValue): string | number | boolean {
  switch (cell.t) {
    case "empty":
      return "";
    case "date":
      return isoToSerial(cell.v);
    case "error":
      return cell.v;
    default:
      return cell.v;
  }
}

/**
 * The workbook in the fake Excel: every sheet's values (as Office.js returns them) and merges.
 * @example const fake = await fakeExcelOf(buildCase("merged-items"))
 */
export async function fakeExcelOf(wb: ExcelJS.Workbook): Promise<FakeExcel> {
  const book = await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const grids = await book.readSheets(await book.sheetNames());
  const fake = new FakeExcel();
  for (const grid of grids) {
    const sheet = fake.addSheet(
      grid.name,
      grid.rows.map((r) => r.map(raw)),
    );
    for (const m of grid.merges ?? []) {
      sheet.merges.push(`${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`);
    }
  }
  return fake;
}
