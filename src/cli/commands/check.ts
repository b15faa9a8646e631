/** `duban check FILE [--json] [--today D]`: defects in the registry; exit 1 when any is an error. */
import type { CliCommand } from "../types";
import { SHEET_OPTION, singleFile } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./check-run";

export const checkCommand: CliCommand = {
  name: "check",
  summary: "检查登记表中的数据问题（编号格式、重号、日期、必填项等）",
  usage: [
    "duban check FILE [--json] [--today YYYY-MM-DD] [--sheet 工作表]",
    '  --json    以 JSON 输出：{"rows":N,"issues":[{"sheet","row","column","severity","code","message"}],"layout":{…},"layouts":[…]}',
    "            layout：表头所在行、各列位置、未作为事项的行（合计、表尾、说明）、跨多行的事项",
    "  --sheet   只检查这一个台账工作表（如 2022年）；编号是否重复仍与所有台账比较",
    "  --today   按指定日期检查（默认今天）",
    "退出码：0 没有错误（可有警告），1 发现错误，2 文件无法读取或不是登记表",
  ].join("\n"),
  options: { json: "flag", ...SHEET_OPTION },
  run: lazyRun(() => require("./check-run") as typeof Run, singleFile),
};
