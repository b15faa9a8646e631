/**
 * `duban refresh FILE (-o OUT | --in-place) [--today D] [--json]`: sets up (or brings up to
 * date) what keeps the workbook live without the add-in — extension columns, 状态 formula,
 * validation lists, 工作日历, 设置, 督办看板, colours, print setup — and reports what changed.
 */
import type { CliCommand } from "../types";
import { LEDGER_EDIT_OPTIONS, saveUsage, writingFileArgs } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./refresh-run";

export const refreshCommand: CliCommand = {
  name: "refresh",
  summary: "设置或更新登记表的状态公式、颜色、下拉列表、工作日历、设置表和督办看板（不改动已填写的内容）",
  usage: [
    "duban refresh FILE -o OUT [--json] [--today YYYY-MM-DD] [--sheet 工作表]",
    "duban refresh FILE --in-place [--json] [--today YYYY-MM-DD] [--sheet 工作表]",
    ...saveUsage("直接修改 FILE，修改前先在旁边保存备份；没有改动时不写文件"),
    '  --json      以 JSON 输出：{"changes":[{"sheet","kind","count"}],"conflicts":[…],"notes":[…]}',
    "  --today     工作日历覆盖的年份按此日期计算（默认今天）；状态公式始终用 TODAY()",
    "  --sheet     只设置这一个台账工作表（默认设置所有台账工作表；督办看板统计所有已设置的台账）",
  ].join("\n"),
  options: LEDGER_EDIT_OPTIONS,
  run: lazyRun(() => require("./refresh-run") as typeof Run, writingFileArgs),
};
