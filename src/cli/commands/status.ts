/** `duban status FILE [--today D] [--json]`: the status (红黄绿灯) of every item. */
import type { CliCommand } from "../types";
import { singleFile } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./status-run";

export const statusCommand: CliCommand = {
  name: "status",
  summary: "列出每个事项的办理状态（逾期、临期、办理中、已办结、已终止）",
  usage: [
    "duban status FILE [--today YYYY-MM-DD] [--json]",
    '  --json    以 JSON 输出：{"items":[{"row","number","status","deadline","workingDaysLeft"}]}',
    "  --today   按指定日期计算状态（默认今天）",
    "退出码：0 成功，2 文件无法读取或不是登记表",
  ].join("\n"),
  options: { json: "flag" },
  run: lazyRun(() => require("./status-run") as typeof Run, singleFile),
};
