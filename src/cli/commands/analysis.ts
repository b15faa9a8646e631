/**
 * `duban analysis FILE (--semester 2021-spring | --from D --to D) [--today D] [--json]
 * [-o OUT | --in-place] [--replace]`: the 督办分析报告 figures of a period by section; with an
 * output, the report drawn as a new sheet.
 */
import type { CliCommand } from "../types";
import { SAVE_OPTIONS, singleFile } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./analysis-run";

export const analysisCommand: CliCommand = {
  name: "analysis",
  summary: "按学期或日期段统计督办事项办理情况（按督办科室），可生成督办分析报告工作表",
  usage: [
    "duban analysis FILE --semester 2021-spring [--today YYYY-MM-DD] [--json] [-o OUT | --in-place] [--replace]",
    "duban analysis FILE --from YYYY-MM-DD --to YYYY-MM-DD [--today YYYY-MM-DD] [--json] [-o OUT | --in-place]",
    "  --semester  学期：年份-spring（春季学期，2月1日至7月31日）或 年份-autumn（秋季学期，8月1日至次年1月31日）",
    "  --from/--to 统计任务下达时间在这两天之间（含）的事项",
    "  --today     按此日期判断逾期（默认今天）",
    '  --json      以 JSON 输出：{"period","total","sections":[{"section",…}],…}',
    "  -o, --out   另存为 OUT 并在其中生成“督办分析报告”工作表（不会修改 FILE）；或 --in-place（先备份）",
    "  --replace   替换同名的督办分析报告工作表（默认另建“(2)”）",
    "退出码：0 成功；2 文件无法读取、不是登记表或用法错误",
  ].join("\n"),
  options: {
    json: "flag",
    semester: "value",
    from: "value",
    to: "value",
    ...SAVE_OPTIONS,
    replace: "flag",
  },
  run: lazyRun(() => require("./analysis-run") as typeof Run, singleFile),
};
