/** `duban report FILE --number NUM -o OUT [--today D] [--replace] [--by 经办人]`: 督办书面报告 (attachment 2). */
import type { CliCommand } from "../types";
import { DOCUMENT_OPTIONS, documentRun, documentUsage } from "./document";

export const reportCommand: CliCommand = {
  name: "report",
  summary: "按编号生成督办书面报告（附件2样式，A4 打印），写入新工作表",
  usage: documentUsage("report"),
  options: DOCUMENT_OPTIONS,
  run: documentRun("report"),
};
