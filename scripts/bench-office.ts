/**
 * The Office figures of `npm run bench`: the add-in's operations run by the Office adapter on
 * the counting fake of the tests (test/adapters/office/fake-excel.ts) over the bench's registry,
 * counting `context.sync` calls and the largest request and response of each operation.
 * bench.js loads this file through scripts/ts-register.js (TypeScript transpiled on require).
 */
import { FakeExcel, type SyncRecord } from "../test/adapters/office/fake-excel";
import { OfficeWorkbook } from "../src/adapters/office/office-workbook";
import { fixedRequirements } from "../src/adapters/office/requirements";
import { runCheck } from "../src/app/check";
import { runNumbering } from "../src/app/number";
import { runRefresh } from "../src/app/refresh";
import { generateDocument } from "../src/app/documents";
import { runUndo } from "../src/app/undo";

/** What one operation cost in Excel. */
export interface OfficeOperationFigures {
  readonly syncs: number;
  /** Syncs that failed (an oversize attempt that was then split). */
  readonly failedSyncs: number;
  /** The largest request and response of the syncs that went through (a failed one never arrived). */
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
}

/** The operations measured, in the order they run on one workbook. */
export const OFFICE_OPERATIONS = ["check", "number", "refresh", "notice", "undo"] as const;
export type OfficeOperation = (typeof OFFICE_OPERATIONS)[number];

/** Cells of the registry: numbers, text, booleans; dates as serials with `dateFormat` set. */
export interface OfficeBenchInput {
  readonly sheet: string;
  readonly rows: readonly (readonly unknown[])[];
  /** 0-based [row, column] of the cells holding dates. */
  readonly dateCells: readonly (readonly [number, number])[];
  readonly today: string;
  /** An item number present in the registry, for the notice. */
  readonly noticeNumber: string;
}

function figures(syncs: readonly SyncRecord[]): OfficeOperationFigures {
  const ok = syncs.filter((s) => !s.failed);
  return {
    syncs: syncs.length,
    failedSyncs: syncs.length - ok.length,
    largestRequestBytes: Math.max(0, ...ok.map((s) => s.requestBytes)),
    largestResponseBytes: Math.max(0, ...ok.map((s) => s.responseBytes)),
  };
}

/**
 * Runs check, number, refresh, a notice and the undo of the notice, one after the other on
 * one fake workbook, and returns each one's figures.
 */
export async function officeFigures(input: OfficeBenchInput): Promise<Record<OfficeOperation, OfficeOperationFigures>> {
  const fake = new FakeExcel({ [input.sheet]: input.rows });
  const sheet = fake.sheet(input.sheet);
  for (const [r, c] of input.dateCells) {
    const cell = sheet.get(r + 1, c + 1);
    if (cell) cell.numberFormat = "yyyy-mm-dd";
  }
  const office = new OfficeWorkbook(fake.run, {
    requirements: fixedRequirements({ ExcelApi: "1.9" }),
    now: () => new Date(`${input.today}T09:00:00`),
  });
  const today = input.today;
  const operations: Record<OfficeOperation, () => Promise<unknown>> = {
    check: () => office.operation("check", (s) => runCheck(s, today)),
    number: () => office.operation("number", (s) => runNumbering(s, today)),
    refresh: () => office.operation("refresh", (s) => runRefresh(s, s, today)),
    notice: () =>
      office.operation("notice", (s) => generateDocument(s, "notice", { number: input.noticeNumber, today })),
    undo: () => office.operation("undo", (s) => runUndo(s)),
  };
  const out = {} as Record<OfficeOperation, OfficeOperationFigures>;
  for (const name of OFFICE_OPERATIONS) {
    const start = fake.syncCount;
    await operations[name]();
    out[name] = figures(fake.syncs.slice(start));
  }
  return out;
}
