/** `duban init -o OUT [--today D] [--json]`: a new registry workbook, ready to type into. */
import { promises as fsp } from "fs";
import * as path from "path";
import { runInit } from "../../app/init";
import { xlsxSetupTarget } from "../../adapters/xlsx/apply-plan";
import { XlsxWorkbook } from "../../adapters/xlsx/xlsx-workbook";
import { flagOption, stringOption, usageError } from "../args";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { EXIT_OK, type CliCommand } from "../types";
import { renderSetupText } from "../../app/refresh-report";
import { setupJson } from "./refresh";

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.stat(file);
    return true;
  } catch {
    return false;
  }
}

export const initCommand: CliCommand = {
  name: "init",
  summary: "新建空白的督办事项登记表工作簿（含设置、工作日历、督办看板、状态公式和颜色）",
  usage: [
    "duban init -o OUT [--json] [--today YYYY-MM-DD]",
    "  -o, --out  新工作簿的文件名（已存在的文件不会被覆盖）",
    "  --force    即使有内容无法完整保留也写入",
    "  --json     以 JSON 输出所做的设置",
    "  --today    工作日历覆盖的年份按此日期计算（默认今天：今年和明年）",
  ].join("\n"),
  options: { json: "flag", out: "value", force: "flag" },
  async run(args, io) {
    if (args.positional.length > 0) throw usageError(`命令 init 不读取文件，请去掉参数：${args.positional.join(" ")}`);
    const out = stringOption(args, "out");
    if (out === undefined) throw usageError("命令 init 需要用 -o 指定新工作簿的文件名");
    const file = path.resolve(io.cwd, out);
    if (await exists(file)) throw usageError(`文件已存在，不会覆盖：${out}`);
    const book = XlsxWorkbook.empty(out);
    const result = await runInit(book, xlsxSetupTarget(book), io.today);
    await saveWorkbook(book, { file, shown: out, inPlace: false, force: flagOption(args, "force") });
    if (flagOption(args, "json")) io.out(toJsonText(setupJson(result)));
    else io.out(["已新建督办事项登记表。", ...renderSetupText(result, out, null)].join("\n"));
    return EXIT_OK;
  },
};
