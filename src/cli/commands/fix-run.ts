/** What `duban fix` does: loaded on its first run (fix.ts holds its help and options). */
import { runFix, type FixResult } from "../../app/fix";
import { ledgerOption } from "../args";
import { runLedgerEdit } from "../edit-command";
import type { CliArgs, CliIO } from "../types";

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

/** Runs `duban fix` with parsed arguments; returns the exit code. */
export function run(args: CliArgs, io: CliIO): Promise<number> {
  return runLedgerEdit(args, io, {
    run: (book) => runFix(book, io.today, ledgerOption(args)),
    changed: (result) => result.fixed.length > 0,
    json: fixJson,
    text: fixText,
  });
}
