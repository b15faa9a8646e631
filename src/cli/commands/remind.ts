/**
 * `duban remind FILE --number NUM -o OUT [--today D] [--replace] [--by 经办人] [--method 方式]`:
 * 督办事项催办提示单, recorded in the 催办记录 sheet.
 */
import type { CliCommand } from "../types";
import { DOCUMENT_OPTIONS, documentRun, documentUsage } from "./document";

export const remindCommand: CliCommand = {
  name: "remind",
  summary: "按编号生成催办提示单（逾期工作日、催办次数、回复期限），并记入“催办记录”工作表",
  usage: documentUsage("remind", ["  --method    催办方式：电话、督办函或催办提示单（默认催办提示单），记入催办记录"]),
  options: { ...DOCUMENT_OPTIONS, method: "value" },
  run: documentRun("remind"),
};
