/**
 * `duban refresh FILE (-o OUT | --in-place) [--today D] [--json]`: sets up (or brings up to
 * date) what keeps the workbook live without the add-in — extension columns, 状态 formula,
 * validation lists, 工作日历, 设置, 督办看板, colours, print setup — and reports what changed.
 */
import { runRefresh, type RefreshResult } from "../../app/refresh";
import type { SetupChange, SetupChangeKind } from "../../app/setup-port";
import { xlsxSetupTarget } from "../../adapters/xlsx/apply-plan";
import { flagOption, singleFile } from "../args";
import { openWorkbook, resolveOutput, saveWorkbook } from "../files";
import { toJsonText } from "../render";
import { EXIT_OK, type CliCommand } from "../types";

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
export function renderSetupText(result: RefreshResult, written: string | null, backup: string | null): string[] {
  const lines: string[] = [];
  if (result.unchanged) {
    lines.push("工作簿已是最新设置，没有需要修改的内容。");
    if (written) lines.push(`已写入 ${written}（内容与原文件相同）`);
  } else {
    if (written) lines.push(`已写入 ${written}${backup ? `（原文件已备份为 ${backup}）` : ""}`);
    if (result.addedColumns.length > 0) lines.push(`登记表新增列：${result.addedColumns.join("、")}`);
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

/**
 * `--json` of refresh and init.
 * @example setupJson(result) // { changes: [{ sheet, kind, count }], conflicts: [], notes: [], addedColumns: [...], calendarYears: {...} }
 */
export function setupJson(result: RefreshResult): object {
  return {
    changes: result.outcome.changes.map((c) => ({ sheet: c.sheet, kind: c.kind, count: c.count })),
    conflicts: result.outcome.conflicts.map((c) => ({ sheet: c.sheet, row: c.row, col: c.col, found: c.found })),
    notes: result.notes.map((n) => ({
      sheet: n.sheet,
      row: n.row ?? null,
      column: n.column ?? null,
      code: n.code,
      message: n.message,
    })),
    addedColumns: result.addedColumns,
    calendarYears: result.calendarYears,
    plainRangeReason: result.plainRangeReason,
  };
}

export const refreshCommand: CliCommand = {
  name: "refresh",
  summary: "设置或更新登记表的状态公式、颜色、下拉列表、工作日历、设置表和督办看板（不改动已填写的内容）",
  usage: [
    "duban refresh FILE -o OUT [--json] [--today YYYY-MM-DD]",
    "duban refresh FILE --in-place [--json] [--today YYYY-MM-DD]",
    "  -o, --out   输出文件（不会修改 FILE；不能与 FILE 相同）",
    "  --in-place  直接修改 FILE，修改前先在旁边保存备份；没有改动时不写文件",
    '  --json      以 JSON 输出：{"changes":[{"sheet","kind","count"}],"conflicts":[…],"notes":[…]}',
    "  --today     工作日历覆盖的年份按此日期计算（默认今天）；状态公式始终用 TODAY()",
  ].join("\n"),
  options: { json: "flag", out: "value", "in-place": "flag" },
  async run(args, io) {
    const file = singleFile(args);
    const target = await resolveOutput(args, file, io);
    const book = await openWorkbook(file, io);
    const result = await runRefresh(book, xlsxSetupTarget(book.workbook), io.today);
    const write = !target.inPlace || !result.unchanged;
    const { backup } = write ? await saveWorkbook(book, target) : { backup: null };
    if (flagOption(args, "json")) io.out(toJsonText(setupJson(result)));
    else io.out(renderSetupText(result, write ? target.shown : null, backup).join("\n"));
    return EXIT_OK;
  },
};
