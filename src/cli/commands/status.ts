/** `duban status FILE [--today D] [--json]`: the status (红黄绿灯) of every item. */
import type { CliCommand } from "../types";
import { SHEET_OPTION, singleFile } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./status-run";

export const statusCommand: CliCommand = {
  name: "status",
  summary: "列出每个事项的办理状态（逾期、临期、办理中、已办结、已终止）",
  usage: [
    "duban status FILE [--today YYYY-MM-DD] [--json] [--sheet 工作表]",
    '  --json    以 JSON 输出：{"items":[{"sheet","row","number","status","deadline","workingDaysLeft"}]}',
    "  --sheet   只列出这一个台账工作表的事项",
    "  --today   按指定日期计算状态（默认今天）",
    "退出码：0 成功，2 文件无法读取或不是登记表",
  ].join("\n"),
  options: { json: "flag", ...SHEET_OPTION },
  run: lazyRun(() => require("./status-run") as typeof Run, singleFile),
};
