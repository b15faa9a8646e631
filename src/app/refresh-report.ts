/**
 * The refresh (or init) report in Chinese, for the CLI and the task pane alike.
 */
import type { RefreshResult } from "./refresh";
import type { SetupChange, SetupChangeKind } from "./setup-port";

const KIND_LABEL: Readonly<Record<SetupChangeKind, (n: number) => string>> = {
  "sheet-created": () => "新建工作表",
  cells: (n) => `写入 ${n} 个单元格`,
  "cells-cleared": (n) => `清除 ${n} 个过时的生成单元格`,
  "number-formats": (n) => `日期格式 ${n} 个单元格`,
  validations: (n) => `数据验证 ${n} 个单元格`,
  "conditional-formats": (n) => `条件格式 ${n} 条规则`,
  names: (n) => `定义名称 ${n} 个`,
  freeze: () => "冻结表头",
  print: () => "打印设置",
  columns: (n) => `列宽/行高 ${n} 处`,
  merges: (n) => `合并单元格 ${n} 处`,
};

/** The changes grouped by sheet, one line each (workbook-level changes last). */
function changeLines(changes: readonly SetupChange[]): string[] {
  const bySheet = new Map<string, SetupChange[]>();
  for (const c of changes) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  const lines: string[] = [];
  for (const [sheet, list] of bySheet) {
    const label = sheet === "" ? "工作簿" : `“${sheet}”`;
    lines.push(`  ${label}：${list.map((c) => KIND_LABEL[c.kind](c.count)).join("，")}`);
  }
  return lines;
}

/**
 * The refresh (or init) report for people.
 * @example renderSetupText(result, "刷新后.xlsx", null)[0] // "已写入 刷新后.xlsx"
 */
export function renderSetupText(
  result: RefreshResult,
  written: string | null = null,
  backup: string | null = null,
): string[] {
  const lines: string[] = [];
  if (result.unchanged) {
    lines.push("工作簿已是最新设置，没有需要修改的内容。");
    if (written) lines.push(`已写入 ${written}（内容与原文件相同）`);
  } else {
    if (written) lines.push(`已写入 ${written}${backup ? `（原文件已备份为 ${backup}）` : ""}`);
    const several = result.ledgers.length > 1;
    for (const l of result.ledgers) {
      if (l.addedColumns.length === 0) continue;
      lines.push(`${several ? `“${l.sheet}”` : "登记表"}新增列：${l.addedColumns.join("、")}`);
    }
    if (several)
      lines.push(`已设置 ${result.ledgers.length} 个台账工作表：${result.ledgers.map((l) => l.sheet).join("、")}`);
    lines.push("改动：", ...changeLines(result.outcome.changes));
    lines.push(result.plainRangeReason);
  }
  const { first, last } = result.calendarYears;
  lines.push(`工作日历：${first}—${last} 年`);
  if (result.outcome.conflicts.length > 0) {
    lines.push(`未覆盖的单元格（已有内容，保留原样）${result.outcome.conflicts.length} 个：`);
    for (const c of result.outcome.conflicts.slice(0, 20)) {
      lines.push(`  ${c.sheet}!${c.address}：已有“${c.found.length > 30 ? `${c.found.slice(0, 30)}…` : c.found}”`);
    }
    if (result.outcome.conflicts.length > 20) lines.push(`  ……另有 ${result.outcome.conflicts.length - 20} 个`);
  }
  if (result.notes.length > 0) {
    lines.push("请注意：", ...result.notes.map((n) => `  ${n.message}`));
  }
  if (!result.created) lines.push("未改动任何已填写的内容。");
  return lines;
}
