/** `duban number FILE (-o OUT | --in-place) [--json] [--today D]`: numbers for unnumbered items. */
import type { CliCommand } from "../types";
import { LEDGER_EDIT_OPTIONS, saveUsage, writingFileArgs } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./number-run";

export const numberCommand: CliCommand = {
  name: "number",
  summary: "为未编号的事项编号（〔年份〕N号），写入新文件",
  usage: [
    "duban number FILE -o OUT [--json] [--today YYYY-MM-DD] [--sheet 工作表]",
    "duban number FILE --in-place [--json] [--today YYYY-MM-DD] [--sheet 工作表]",
    ...saveUsage("直接修改 FILE，修改前先在旁边保存备份（如 登记表.backup-1.xlsx）"),
    '  --json      以 JSON 输出：{"assigned":[{"sheet","row","number"}]}',
    "  --sheet     只为这一个台账工作表编号（编号仍与所有台账连续、不重复）",
    "  --today     任务下达时间为空的事项按此日期的年份编号（默认今天）",
  ].join("\n"),
  options: LEDGER_EDIT_OPTIONS,
  run: lazyRun(() => require("./number-run") as typeof Run, writingFileArgs),
};
