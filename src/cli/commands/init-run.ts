/** What `duban init` does: loaded on its first run (init.ts holds its help and options). */
import { promises as fsp } from "fs";
import * as path from "path";
import { runInit } from "../../app/init";
import { xlsxSetupTarget } from "../../adapters/xlsx/apply-plan";
import { XlsxWorkbook } from "../../adapters/xlsx/xlsx-workbook";
import { flagOption, usageError } from "../args";
import { initOutput } from "./init";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { EXIT_OK, type CliArgs, type CliIO } from "../types";
import { renderSetupText } from "../../app/refresh-report";
import { setupJson } from "./refresh-run";

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Runs `duban init` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const out = initOutput(args);
  const file = path.resolve(io.cwd, out);
  if (await exists(file)) throw usageError(`文件已存在，不会覆盖：${out}`);
  const book = XlsxWorkbook.empty(out);
  const result = await runInit(book, xlsxSetupTarget(book), io.today);
  await saveWorkbook(book, { file, shown: out, inPlace: false, force: flagOption(args, "force") });
  if (flagOption(args, "json")) io.out(toJsonText(setupJson(result)));
  else io.out(["已新建督办事项登记表。", ...renderSetupText(result, out, null)].join("\n"));
  return EXIT_OK;
}
