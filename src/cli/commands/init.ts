/** `duban init -o OUT [--today D] [--json]`: a new registry workbook, ready to type into. */
import type { CliArgs, CliCommand } from "../types";
import { stringOption, usageError } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./init-run";

/**
 * The new workbook's name (`-o OUT`); usage errors for a FILE argument or a missing `-o`.
 * @example initOutput({ command: "init", positional: [], options: { out: "新登记表.xlsx" } }) // "新登记表.xlsx"
 */
export function initOutput(args: CliArgs): string {
  if (args.positional.length > 0) throw usageError(`命令 init 不读取文件，请去掉参数：${args.positional.join(" ")}`);
  const out = stringOption(args, "out");
  if (out === undefined) throw usageError("命令 init 需要用 -o 指定新工作簿的文件名");
  return out;
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
  run: lazyRun(() => require("./init-run") as typeof Run, initOutput),
};
