/**
 * `duban demo [--out DIR] [--today D]`: writes a realistic sample registry, shows what check
 * and status say about it, and writes a numbered copy — a tour of the tool in one command.
 */
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
import { CliError, EXIT_OK, EXIT_UNREADABLE, type CliCommand } from "../types";
import { buildSampleData, DEMO_TODAY } from "../demo/sample-data";
import { buildSampleWorkbook } from "../demo/sample";

export const DEMO_DEFAULT_DIR = "demo-output";
export const DEMO_SAMPLE_FILE = "登记表.xlsx";
export const DEMO_NUMBERED_FILE = "登记表-已编号.xlsx";

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

export const demoCommand: CliCommand = {
  name: "demo",
  summary: "生成一份示例登记表，演示检查、状态和编号",
  usage: [
    "duban demo [--out DIR] [--today YYYY-MM-DD]",
    `  -o, --out  示例文件写入的文件夹（默认 ./${DEMO_DEFAULT_DIR}）`,
    `  --today    按指定日期演示（默认 ${DEMO_TODAY}，便于每次结果相同）`,
  ].join("\n"),
  options: { out: "value" },
  async run(args, io) {
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
  },
};
