/** Test helpers for the command line: a fake CliIO, temp folders and registry .xlsx files built with ExcelJS. */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import type { CliIO } from "../../src/cli/types";
import { main } from "../../src/cli/main";

export interface FakeIO extends CliIO {
  readonly stdout: string[];
  readonly stderr: string[];
}

/** A CliIO that records what is printed; today 2026-11-25, cwd a temp folder by default. */
export function fakeIO(options: { cwd?: string; today?: string; isTTY?: boolean } = {}): FakeIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    isTTY: options.isTTY ?? false,
    today: options.today ?? "2026-11-25",
    cwd: options.cwd ?? os.tmpdir(),
  };
}

/** Runs `duban` in-process; returns the exit code and what was printed. */
export async function runCli(argv: string[], options: { cwd?: string; today?: string; isTTY?: boolean } = {}) {
  const io = fakeIO(options);
  const code = await main(argv, io);
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr, io };
}

/** A fresh temp folder under os.tmpdir(). */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "duban-cli-"));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Official headers as printed on attachment 3, some broken over lines. */
export const FORM_HEADERS = [
  "序号",
  "督办事项编号",
  "督办事项内容",
  "来文\n编号",
  "紧急\n程度",
  "密级",
  "任务下\n达时间",
  "要求完\n成时间",
  "督办科室或单位",
  "协办科室或单位",
  "承办单位\n负责人",
  "签收\n日期",
  "督办结果",
  "备\n注",
];

/** One item row by header text (white space removed); Date values become dates. */
export type ItemSpec = Readonly<Record<string, ExcelJS.CellValue>>;

export interface RegistryOptions {
  readonly headers?: readonly string[];
  /** Put a merged title row above the header (default true). */
  readonly title?: boolean;
  /** Blank rows inserted after these 0-based item indexes. */
  readonly blankAfter?: readonly number[];
  readonly sheetName?: string;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An ExcelJS Date for an ISO day (midnight UTC, as ExcelJS reads dates). */
export const d = utc;

/**
 * Adds a registry sheet to a workbook. Returns the sheet row of each item.
 */
export function addRegistrySheet(wb: ExcelJS.Workbook, items: readonly ItemSpec[], options: RegistryOptions = {}) {
  const headers = options.headers ?? FORM_HEADERS;
  const ws = wb.addWorksheet(options.sheetName ?? "督办事项登记表");
  let row = 1;
  if (options.title ?? true) {
    ws.getCell(1, 1).value = "江津区教育委员会督办事项登记表";
    ws.mergeCells(1, 1, 1, headers.length);
    row = 2;
  }
  headers.forEach((h, i) => (ws.getCell(row, i + 1).value = h));
  const itemRows: number[] = [];
  items.forEach((spec, index) => {
    row += 1;
    headers.forEach((h, i) => {
      const v = spec[h.replace(/\s+/g, "")];
      if (v === undefined) return;
      const cell = ws.getCell(row, i + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = "yyyy-mm-dd";
    });
    itemRows.push(row);
    if (options.blankAfter?.includes(index)) row += 1;
  });
  return { sheet: ws, itemRows };
}

/** A clean item (no defects) issued and due on the given days. */
export function item(number: string, issued: string, due: string, extra: ItemSpec = {}): ItemSpec {
  return {
    督办事项编号: number === "" ? undefined : number,
    督办事项内容: `落实区政府关于校园安全隐患排查的部署（${issued}）`,
    任务下达时间: d(issued),
    要求完成时间: d(due),
    督办科室或单位: "督导室",
    ...extra,
  } as ItemSpec;
}

/** Writes a workbook to a file and returns the path. */
export async function writeWorkbook(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

/** Loads a file with ExcelJS. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
