/**
 * `duban fix FILE (-o OUT | --in-place) [--json] [--sheet NAME] [--today D]`: applies the fixes
 * `duban check` offers (number forms, dates typed as text, list synonyms, stray spaces).
 */
import type { CliCommand } from "../types";
import { LEDGER_EDIT_OPTIONS, saveUsage, writingFileArgs } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./fix-run";

export const fixCommand: CliCommand = {
  name: "fix",
  summary: "按检查给出的建议自动修正（编号格式、文字日期、习惯说法、多余空格），写入新文件",
  usage: [
    "duban fix FILE -o OUT [--json] [--sheet 工作表] [--today YYYY-MM-DD]",
    "duban fix FILE --in-place [--json] [--sheet 工作表] [--today YYYY-MM-DD]",
    ...saveUsage("直接修改 FILE，修改前先在旁边保存备份；没有可修正的内容时不写文件"),
    '  --json      以 JSON 输出：{"fixed":[{"sheet","row","column","from","to"}]}',
    "  --sheet     只修正这一个台账工作表",
    "涉密事项的内容不会被自动删除：请按 duban check 的提示处理。",
  ].join("\n"),
  options: LEDGER_EDIT_OPTIONS,
  run: lazyRun(() => require("./fix-run") as typeof Run, writingFileArgs),
};
