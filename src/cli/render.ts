/**
 * What check, status and number print: the JSON of the contract (exact keys, nothing more)
 * and readable Chinese tables for people.
 */
import type { CheckResult } from "../app/check";
import type { NumberingResult } from "../app/number";
import type { StatusResult } from "../app/status";
import type { Severity, Status } from "../domain/model";
import type { Colour, Paint } from "./colour";
import { renderTable } from "./table";
import { truncateWidth } from "./text-width";
import { layoutJson, readingLines } from "./render-layout";

/**
 * `duban check --json`: {"rows":N,"issues":[{"sheet","row","column","severity","code","message"[,"fix"]}],
 * "layout":{…},"layouts":[…]} — `layout` tells how the first ledger sheet was read (header
 * rows, columns, skipped rows, items over several rows), `layouts` every ledger sheet, the
 * first included. `fix` is present when the issue offers a corrected value (`duban fix`).
 */
export function checkJson(result: CheckResult): object {
  const layouts = result.ledgers.map(layoutJson);
  return {
    rows: result.rows,
    issues: result.issues.map((i) => ({
      sheet: i.sheet ?? result.sheetName,
      row: i.row,
      column: i.column,
      severity: i.severity,
      code: i.code,
      message: i.message,
      ...(i.fix !== undefined ? { fix: i.fix } : {}),
    })),
    layout: layouts[0],
    layouts,
  };
}

/** `duban status --json`: {"items":[{"sheet","row","number","status","deadline","workingDaysLeft"}]}. */
export function statusJson(result: StatusResult): object {
  return {
    items: result.items.map((i) => ({
      sheet: i.sheet,
      row: i.row,
      number: i.number,
      status: i.status,
      deadline: i.deadline,
      workingDaysLeft: i.workingDaysLeft,
    })),
  };
}

/** `duban number --json`: {"assigned":[{"sheet","row","number"}]}. */
export function numberingJson(result: NumberingResult): object {
  return { assigned: result.assigned.map((a) => ({ sheet: a.sheet, row: a.row, number: a.number })) };
}

/** JSON text as printed: indented for people, parseable by machines. */
export function toJsonText(value: object): string {
  return JSON.stringify(value, null, 2);
}

const SEVERITY_LABEL: Readonly<Record<Severity, { text: string; colour: Colour }>> = {
  error: { text: "错误", colour: "red" },
  warning: { text: "警告", colour: "yellow" },
};

/**
 * The check report for people: a table of issues (row, column, severity, message with the
 * suggested fix) and a summary line such as "共 52 项：错误 3 条，警告 5 条".
 * @example renderCheckText(result, "登记表.xlsx", painter(false))
 */
export function renderCheckText(result: CheckResult, file: string, paint: Paint): string[] {
  const errors = result.issues.filter((i) => i.severity === "error").length;
  const warnings = result.issues.length - errors;
  const several = result.ledgers.length > 1;
  const lines = [`检查 ${file}（${sheetsText(result.ledgers.map((l) => l.layout.sheetName))}）`];
  for (const reading of result.ledgers) lines.push(...readingLines(reading, several).map((l) => paint(l, "grey")));
  if (result.issues.length === 0) {
    lines.push(paint("未发现问题。", "green"));
  } else {
    const rows = result.issues.map((i) => [
      ...(several ? [i.sheet ?? ""] : []),
      String(i.row),
      i.column,
      SEVERITY_LABEL[i.severity],
      i.fix ? `${i.message}（建议：${i.fix}）` : i.message,
    ]);
    lines.push(...renderTable([...(several ? ["工作表"] : []), "行", "列", "级别", "问题"], rows, paint));
  }
  const summary = `共 ${result.rows} 项：错误 ${errors} 条，警告 ${warnings} 条`;
  lines.push(paint(summary, errors > 0 ? "red" : warnings > 0 ? "yellow" : "green"));
  return lines;
}

const STATUS_COLOUR: Readonly<Record<Status, Colour | undefined>> = {
  逾期: "red",
  临期: "yellow",
  办理中: undefined,
  已办结: "green",
  已终止: "grey",
};

/** Statuses in the order of the summary line. */
const STATUS_ORDER: readonly Status[] = ["逾期", "临期", "办理中", "已办结", "已终止"];

/** Widest 督办事项内容 shown in the status table, in terminal columns. */
const CONTENT_WIDTH = 40;

function daysLeftText(left: number | null, status: Status): string {
  if (left === null || status === "已办结" || status === "已终止") return "—";
  if (status === "逾期") return `超 ${-left}`;
  return String(left);
}

/**
 * The status report for people: one line per item (row, number, status, deadline, working
 * days left, section, content) and a summary such as "共 52 项：逾期 5 项，临期 3 项，…".
 * @example renderStatusText(result, "登记表.xlsx", "2026-11-25", painter(true))
 */
export function renderStatusText(result: StatusResult, file: string, today: string, paint: Paint): string[] {
  const several = result.sheetNames.length > 1;
  const lines = [`${file}（${sheetsText(result.sheetNames)}）截至 ${today} 的办理状态`];
  const rows = result.items.map((i) => [
    ...(several ? [i.sheet] : []),
    String(i.row),
    oneLine(i.number ?? "（未编号）"),
    { text: i.status, colour: STATUS_COLOUR[i.status] },
    i.deadline ?? "—",
    daysLeftText(i.workingDaysLeft, i.status),
    oneLine(i.section),
    truncateWidth(oneLine(i.content), CONTENT_WIDTH),
  ]);
  const header = ["行", "编号", "状态", "期限", "剩余工作日", "督办科室", "督办事项内容"];
  lines.push(...renderTable([...(several ? ["工作表"] : []), ...header], rows, paint));
  const counts = STATUS_ORDER.map((s) => ({ s, n: result.items.filter((i) => i.status === s).length }));
  const parts = counts.filter((c) => c.n > 0).map((c) => paint(`${c.s} ${c.n} 项`, STATUS_COLOUR[c.s]));
  lines.push(`共 ${result.items.length} 项${parts.length > 0 ? `：${parts.join("，")}` : ""}`);
  return lines;
}

/** “工作表“X”” or “台账工作表：X、Y”. */
function sheetsText(names: readonly string[]): string {
  return names.length === 1 ? `工作表“${names[0]}”` : `台账工作表：${names.join("、")}`;
}

/** A text on one line: line breaks and runs of white space become one space (a table row stays one line). */
function oneLine(text: string): string {
  return text.replace(/[\s\u3000]+/g, " ").trim();
}

/**
 * The numbering report for people: each row that received a number, then where it was written.
 * @example renderNumberingText(result, "编号后.xlsx", null)
 */
export function renderNumberingText(result: NumberingResult, written: string | null, backup: string | null): string[] {
  const lines: string[] = [];
  if (result.assigned.length === 0) {
    lines.push("没有需要编号的事项（所有事项都已有编号）。");
  } else {
    lines.push(`已为 ${result.assigned.length} 项编号：`);
    const several = new Set(result.assigned.map((a) => a.sheet)).size > 1;
    for (const a of result.assigned) lines.push(`  ${several ? `${a.sheet} ` : ""}第 ${a.row} 行  ${a.number}`);
  }
  if (backup) lines.push(`原文件已备份到：${backup}`);
  if (written) lines.push(`已写入：${written}`);
  return lines;
}
