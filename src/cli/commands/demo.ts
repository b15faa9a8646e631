/**
 * `duban demo [--out DIR] [--today D]`: writes a realistic sample registry, shows what check
 * and status say about it, and writes a numbered copy — a tour of the tool in one command.
 */
import type { CliCommand } from "../types";
import { lazyRun } from "../lazy";
import { DEMO_TODAY } from "../demo/demo-today";
import type * as Run from "./demo-run";

export const DEMO_DEFAULT_DIR = "demo-output";
export const DEMO_SAMPLE_FILE = "登记表.xlsx";
export const DEMO_NUMBERED_FILE = "登记表-已编号.xlsx";

export const demoCommand: CliCommand = {
  name: "demo",
  summary: "生成一份示例登记表，演示检查、状态和编号",
  usage: [
    "duban demo [--out DIR] [--today YYYY-MM-DD]",
    `  -o, --out  示例文件写入的文件夹（默认 ./${DEMO_DEFAULT_DIR}）`,
    `  --today    按指定日期演示（默认 ${DEMO_TODAY}，便于每次结果相同）`,
  ].join("\n"),
  options: { out: "value" },
  run: lazyRun(() => require("./demo-run") as typeof Run),
};
