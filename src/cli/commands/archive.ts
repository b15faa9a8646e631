/**
 * `duban archive FILE --year Y [--today D] (-o OUT | --in-place) [--json]`: closed and
 * terminated items issued in Y move to the sheet `Y年归档`; checked item by item before and
 * after writing; a year archived already is refused.
 */
import type { CliCommand } from "../types";
import { outputChoice, SAVE_OPTIONS, singleFile, stringOption, usageError } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./archive-run";

/**
 * The year of `--year`: four digits.
 * @example parseYear("2021") // 2021
 */
export function parseYear(text: string | undefined): number {
  if (text === undefined) throw usageError("命令 archive 需要 --year 指定归档年份，如 --year 2021");
  if (!/^\d{4}$/.test(text.trim())) throw usageError(`--year 须为四位年份，如 2021；收到：${text}`);
  return Number(text.trim());
}

export const archiveCommand: CliCommand = {
  name: "archive",
  summary: "年终归档：把某年已办结、已终止的事项移到“年份归档”工作表（逐项核对，不丢失、不重复）",
  usage: [
    "duban archive FILE --year YYYY (-o OUT | --in-place) [--today YYYY-MM-DD] [--json]",
    "  --year      归档任务下达时间在该年的已办结、已终止事项；未办结的事项留在登记表",
    "  -o, --out   输出文件（不会修改 FILE）；或 --in-place（先备份）",
    '  --json      以 JSON 输出：{"archived":n,"kept":m,…}',
    "  同一年份不能重复归档；登记表中移走事项的行会清空但不删除（删除行可能打乱其他引用）",
    "退出码：0 成功；2 文件无法读取、不是登记表、已归档或用法错误",
  ].join("\n"),
  options: { json: "flag", year: "value", ...SAVE_OPTIONS },
  run: lazyRun(
    () => require("./archive-run") as typeof Run,
    (args) => {
      singleFile(args);
      parseYear(stringOption(args, "year"));
      outputChoice(args);
    },
  ),
};
