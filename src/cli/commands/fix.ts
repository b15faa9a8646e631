/**
 * `duban fix FILE (-o OUT | --in-place) [--json] [--sheet NAME] [--today D]`: applies the fixes
 * `duban check` offers (number forms, dates typed as text, list synonyms, stray spaces).
 */
import { runFix, type FixResult } from "../../app/fix";
import { flagOption, ledgerOption, SHEET_OPTION, singleFile } from "../args";
import { openWorkbook, resolveOutput } from "../files";
import { saveWorkbook } from "../save";
import { toJsonText } from "../render";
import { EXIT_OK, type CliCommand } from "../types";

/** `duban fix --json`: {"fixed":[{"sheet","row","column","from","to"}]}. */
export function fixJson(result: FixResult): object {
  return {
    fixed: result.fixed.map((f) => ({ sheet: f.sheet, row: f.row, column: f.column, from: f.from, to: f.to })),
  };
}

/** The fix report for people. */
function fixText(result: FixResult, written: string | null, backup: string | null): string[] {
  const lines: string[] = [];
  if (result.fixed.length === 0) lines.push("没有可以自动修正的内容（duban check 未给出修正建议）。");
  else {
    const several = new Set(result.fixed.map((f) => f.sheet)).size > 1;
    lines.push(`已修正 ${result.fixed.length} 处：`);
    for (const f of result.fixed) {
      lines.push(`  ${several ? `${f.sheet} ` : ""}第 ${f.row} 行 ${f.column}：“${f.from}” → “${f.to}”`);
    }
  }
  if (backup) lines.push(`原文件已备份到：${backup}`);
  if (written) lines.push(`已写入：${written}`);
  return lines;
}

export const fixCommand: CliCommand = {
  name: "fix",
  summary: "按检查给出的建议自动修正（编号格式、文字日期、习惯说法、多余空格），写入新文件",
  usage: [
    "duban fix FILE -o OUT [--json] [--sheet 工作表] [--today YYYY-MM-DD]",
    "duban fix FILE --in-place [--json] [--sheet 工作表] [--today YYYY-MM-DD]",
    "  -o, --out   输出文件（不会修改 FILE；不能与 FILE 相同）",
    "  --force     即使工作簿中有内容无法完整保留也写入（默认拒绝并说明原因）",
    "  --in-place  直接修改 FILE，修改前先在旁边保存备份；没有可修正的内容时不写文件",
    '  --json      以 JSON 输出：{"fixed":[{"sheet","row","column","from","to"}]}',
    "  --sheet     只修正这一个台账工作表",
    "涉密事项的内容不会被自动删除：请按 duban check 的提示处理。",
  ].join("\n"),
  options: { json: "flag", out: "value", "in-place": "flag", force: "flag", ...SHEET_OPTION },
  async run(args, io) {
    const file = singleFile(args);
    const target = await resolveOutput(args, file, io);
    const book = await openWorkbook(file, io);
    const result = await runFix(book, io.today, ledgerOption(args));
    const write = !target.inPlace || result.fixed.length > 0;
    const { backup } = write ? await saveWorkbook(book, target) : { backup: null };
    if (flagOption(args, "json")) io.out(toJsonText(fixJson(result)));
    else io.out(fixText(result, write ? target.shown : null, backup).join("\n"));
    return EXIT_OK;
  },
};
