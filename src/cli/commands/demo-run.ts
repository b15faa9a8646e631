/** What `duban demo` does: loaded on its first run (demo.ts holds its help and options). */
import { promises as fsp } from "fs";
import * as path from "path";
import { runCheck } from "../../app/check";
import { runNumbering } from "../../app/number";
import { runStatus } from "../../app/status";
import { XlsxWorkbook } from "../../adapters/xlsx/xlsx-workbook";
import { writeFileAtomic } from "../../adapters/xlsx/atomic-write";
import { stringOption } from "../args";
import { painter } from "../colour";
import { renderCheckText, renderNumberingText, renderStatusText } from "../render";
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliArgs, type CliIO } from "../types";
import { buildSampleData, DEMO_TODAY } from "../demo/sample-data";
import { DEMO_DEFAULT_DIR, DEMO_NUMBERED_FILE, DEMO_SAMPLE_FILE } from "./demo";
import { buildSampleWorkbook } from "../demo/sample";

async function ensureDir(dir: string, shown: string): Promise<void> {
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch {
    throw new CliError(`无法创建输出文件夹：${shown}`, EXIT_UNREADABLE);
  }
}

/** The sample registry, built with ExcelJS (a fixture: the adapter never reads through it). */
async function writeSample(file: string): Promise<void> {
  try {
    await writeFileAtomic(file, new Uint8Array(await buildSampleWorkbook(buildSampleData()).xlsx.writeBuffer()));
  } catch {
    throw new CliError(`无法写入 ${file}`, EXIT_UNREADABLE);
  }
}

async function saveTo(book: XlsxWorkbook, file: string): Promise<void> {
  try {
    await book.save(file);
  } catch {
    throw new CliError(`无法写入 ${file}`, EXIT_UNREADABLE);
  }
}

/** Runs `duban demo` with parsed arguments; returns the exit code. */
export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const today = stringOption(args, "today") ?? DEMO_TODAY;
  const shownDir = stringOption(args, "out") ?? DEMO_DEFAULT_DIR;
  const dir = path.resolve(io.cwd, shownDir);
  await ensureDir(dir, shownDir);
  const paint = painter(io.isTTY);
  const samplePath = path.join(dir, DEMO_SAMPLE_FILE);
  const numberedPath = path.join(dir, DEMO_NUMBERED_FILE);

  await writeSample(samplePath);
  io.out(paint(`示例登记表已写入：${samplePath}`, "bold"));
  io.out("");

  const book = await XlsxWorkbook.load(samplePath);
  io.out(paint(`$ duban check ${DEMO_SAMPLE_FILE} --today ${today}`, "grey"));
  io.out(renderCheckText(await runCheck(book, today), DEMO_SAMPLE_FILE, paint).join("\n"));
  io.out("");
  io.out(paint(`$ duban status ${DEMO_SAMPLE_FILE} --today ${today}`, "grey"));
  io.out(renderStatusText(await runStatus(book, today), DEMO_SAMPLE_FILE, today, paint).join("\n"));
  io.out("");
  io.out(paint(`$ duban number ${DEMO_SAMPLE_FILE} -o ${DEMO_NUMBERED_FILE} --today ${today}`, "grey"));
  const numbering = await runNumbering(book, today);
  await saveTo(book, numberedPath);
  io.out(renderNumberingText(numbering, numberedPath, null).join("\n"));
  io.out("");
  io.out(`示例文件在 ${dir}：`);
  io.out(`  ${DEMO_SAMPLE_FILE}        示例登记表（含若干故意留下的错误，供 check 发现）`);
  io.out(`  ${DEMO_NUMBERED_FILE}  为未编号事项编号后的副本`);
  return EXIT_OK;
}
