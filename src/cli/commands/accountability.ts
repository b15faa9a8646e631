/**
 * `duban accountability FILE [--today D] [--json]`: the measures policy 五 calls for today
 * (suggestions only), the measures recorded and the units without 评优评先 eligibility.
 * `--record NUM[,NUM…] [--measure M] [--basis TEXT] [--by NAME] (-o OUT | --in-place)`: records
 * what a person confirmed in the 问责记录 sheet.
 */
import type { CliCommand } from "../types";
import { SAVE_OPTIONS, singleFile } from "../args";
import { lazyRun } from "../lazy";
import type * as Run from "./accountability-run";

export const accountabilityCommand: CliCommand = {
  name: "accountability",
  summary: "按《实施方案》五列出问责建议（约谈、通报批评）和取消评优评先的单位；确认后用 --record 记录",
  usage: [
    "duban accountability FILE [--today YYYY-MM-DD] [--json]",
    "duban accountability FILE --record 编号[,编号…] [--measure 约谈|通报批评|追究责任] [--basis 依据] [--by 经办人] (-o OUT | --in-place)",
    "  --record    记录经确认的问责措施（写入“问责记录”工作表）；不带 --measure 时记录该事项当前的建议",
    "  --measure   指明措施；追究责任从不自动建议，只能由人研究决定后记录",
    "  --basis     依据（默认为建议的理由或《实施方案》五（一）的条文）",
    "  --by        经办人",
    "  -o, --out   输出文件（不会修改 FILE）；或 --in-place（先备份）",
    '  --json      以 JSON 输出：{"suggestions":[…],"records":[…],"ineligible":[…],"issues":[…]}',
    "退出码：0 成功；2 文件无法读取、不是登记表、编号不存在或用法错误",
  ].join("\n"),
  options: {
    json: "flag",
    record: "value",
    measure: "value",
    basis: "value",
    by: "value",
    ...SAVE_OPTIONS,
  },
  run: lazyRun(() => require("./accountability-run") as typeof Run, singleFile),
};
