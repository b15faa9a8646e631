/** `duban notice FILE --number NUM -o OUT [--today D] [--replace] [--by 经办人]`: 督办事项通知单 (attachment 1). */
import type { CliCommand } from "../types";
import { DOCUMENT_OPTIONS, documentRun, documentUsage } from "./document";

export const noticeCommand: CliCommand = {
  name: "notice",
  summary: "按编号生成督办事项通知单（附件1样式，A4 打印），写入新工作表",
  usage: documentUsage("notice"),
  options: DOCUMENT_OPTIONS,
  run: documentRun("notice"),
};
