/** Running `duban` document commands in-process on files in a temporary folder. */
import { promises as fsp } from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/types";
import { registryWorkbook } from "../domain/documents/fixtures";

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A temporary folder holding 登记表.xlsx (the fixtures' registry). */
export async function makeWorkspace(wb: ExcelJS.Workbook = registryWorkbook()): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "duban-docs-"));
  await wb.xlsx.writeFile(path.join(dir, "登记表.xlsx"));
  return dir;
}

/** Runs `duban …argv` with cwd = dir and today = `today`. */
export async function duban(dir: string, argv: readonly string[], today = "2021-04-16"): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, today, cwd: dir };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Loads an .xlsx with ExcelJS. */
export async function loadBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
