/** `duban status FILE [--today D] [--json]`: the status (红黄绿灯) of every item. */
import { runStatus } from "../../app/status";
import { flagOption, ledgerOption, SHEET_OPTION, singleFile } from "../args";
import { painter } from "../colour";
import { openWorkbook } from "../files";
import { renderStatusText, statusJson, toJsonText } from "../render";
import { EXIT_OK, type CliCommand } from "../types";

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
  async run(args, io) {
    const file = singleFile(args);
    const book = await openWorkbook(file, io);
    const result = await runStatus(book, io.today, ledgerOption(args));
    if (flagOption(args, "json")) io.out(toJsonText(statusJson(result)));
    else io.out(renderStatusText(result, file, io.today, painter(io.isTTY)).join("\n"));
    return EXIT_OK;
  },
};
