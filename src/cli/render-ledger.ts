/**
 * What analysis, accountability and archive print: the JSON of the contract (docs/design.md
 * "Command line" plus the fields of issue 13; dates YYYY-MM-DD) and readable Chinese text.
 */
import type { AccountabilityResult, RecordResult } from "../app/accountability";
import type { AnalysisResult } from "../app/analysis";
import type { ArchiveResult } from "../app/archive";
import type { Ineligibility } from "../domain/accountability/eligibility";
import type { Figures } from "../domain/analysis/figures";
import { rateText } from "../domain/analysis/report-layout";
import type { Issue } from "../domain/model";
import type { Paint } from "./colour";
import { renderTable } from "./table";

/** Figures with the contract's keys, in the contract's order; the rate rounded to 4 decimals. */
function figuresJson(f: Figures): object {
  return {
    items: f.items,
    closedOnTime: f.closedOnTime,
    closedLate: f.closedLate,
    terminated: f.terminated,
    overdue: f.overdue,
    inProgress: f.inProgress,
    onTimeRate: f.onTimeRate === null ? null : Math.round(f.onTimeRate * 10000) / 10000,
    urged: f.urged,
    accountability: f.accountability,
    closedAssumedOnTime: f.closedAssumedOnTime,
  };
}

/** The units that may not be rated 优秀 / 先进 in a year, with the 问责记录 rows that say so. */
function ineligibleJson(ineligible: readonly Ineligibility[]): object[] {
  return ineligible.map((u) => ({
    unit: u.unit,
    year: u.year,
    records: u.records.map((r) => ({ row: r.row, date: r.date, number: r.number, measure: r.measure })),
  }));
}

function issuesJson(issues: readonly Issue[]): object[] {
  return issues.map((i) => ({ row: i.row, column: i.column, severity: i.severity, code: i.code, message: i.message }));
}

/**
 * `duban analysis --json`: {"period":{"from","to","semester","label"},"today","total":{…},
 * "sections":[{"section",…}],"overdueItems":[…],"ineligible":[…],"undatedItems","issues"}.
 */
export function analysisJson(result: AnalysisResult): object {
  const { period, figures } = result;
  return {
    period: { from: period.from, to: period.to, semester: period.semester, label: period.label },
    today: result.today,
    total: figuresJson(figures.total),
    sections: figures.sections.map((s) => ({ section: s.section, ...figuresJson(s) })),
    overdueItems: figures.overdue.map((o) => ({
      row: o.row,
      number: o.number,
      section: o.section,
      hostUnit: o.item.hostUnit,
      deadline: o.deadline,
      workingDaysLate: o.workingDaysLate,
    })),
    ineligible: ineligibleJson(result.ineligible),
    undatedItems: figures.undated,
    issues: issuesJson(result.issues),
  };
}

const COLUMNS: readonly [string, keyof Figures][] = [
  ["事项数", "items"],
  ["按期办结", "closedOnTime"],
  ["逾期办结", "closedLate"],
  ["终止", "terminated"],
  ["逾期未办结", "overdue"],
  ["办理中", "inProgress"],
  ["按期办结率", "onTimeRate"],
  ["已催办", "urged"],
  ["已问责", "accountability"],
];

function figureTexts(f: Figures): string[] {
  return COLUMNS.map(([, key]) => (key === "onTimeRate" ? rateText(f.onTimeRate) : String(f[key])));
}

/**
 * The analysis for people: the table by section with a total, then the overdue items and the
 * units without 评优评先 eligibility.
 * @example renderAnalysisText(result, painter(false))[0] // "2021年春季学期（2021-02-01 至 2021-07-31）督办分析，统计日期 2021-08-02"
 */
export function renderAnalysisText(result: AnalysisResult, paint: Paint): string[] {
  const { period, figures } = result;
  const lines = [`${period.label}（${period.from} 至 ${period.to}）督办分析，统计日期 ${result.today}`];
  const rows = [
    ...figures.sections.map((s) => [s.section, ...figureTexts(s)]),
    [{ text: "合计", colour: "bold" as const }, ...figureTexts(figures.total)],
  ];
  lines.push(...renderTable(["督办科室或单位", ...COLUMNS.map(([h]) => h)], rows, paint));
  if (figures.total.closedAssumedOnTime > 0) {
    lines.push(`注：${figures.total.closedAssumedOnTime} 项已办结但未填办结日期，按按期办结计。`);
  }
  if (figures.undated > 0) lines.push(`注：${figures.undated} 项未填任务下达时间，未计入。`);
  if (figures.overdue.length > 0) {
    lines.push("", "逾期未办结事项：");
    lines.push(
      ...renderTable(
        ["行", "编号", "督办科室", "承办单位", "要求完成时间", "逾期工作日"],
        figures.overdue.map((o) => [
          String(o.row),
          o.number ?? "（未编号）",
          o.section,
          o.item.hostUnit,
          o.deadline,
          { text: String(o.workingDaysLate), colour: "red" as const },
        ]),
        paint,
      ),
    );
  }
  if (result.ineligible.length > 0) {
    lines.push("", "取消当年评优评先资格的单位：");
    for (const u of result.ineligible) lines.push(`  ${u.unit}（${u.year}年）`);
  }
  for (const i of result.issues) lines.push(paint(`问责记录第 ${i.row} 行：${i.message}`, "yellow"));
  return lines;
}

/** `duban accountability --json`. */
export function accountabilityJson(result: AccountabilityResult, recorded?: RecordResult): object {
  return {
    today: result.today,
    suggestions: result.suggestions.map((s) => ({
      measure: s.measure,
      row: s.row,
      number: s.number,
      unit: s.unit,
      head: s.head,
      section: s.section,
      deadline: s.deadline,
      workingDaysLate: s.workingDaysLate,
      timesUrged: s.timesUrged,
      reason: s.reason,
      basis: s.basis,
    })),
    records: result.records.map((r) => ({
      row: r.row,
      date: r.date,
      unit: r.unit,
      number: r.number,
      measure: r.measure ?? r.measureText,
      basis: r.basis,
      handler: r.handler,
    })),
    ineligible: ineligibleJson(result.ineligible),
    issues: issuesJson(result.issues),
    ...(recorded
      ? {
          recorded: recorded.recorded.map((r) => ({ ...r })),
          sheet: recorded.sheet,
        }
      : {}),
  };
}

/** The accountability report for people. */
export function renderAccountabilityText(result: AccountabilityResult, paint: Paint): string[] {
  const lines = [`截至 ${result.today} 的问责建议（依据《加强督办工作实施方案》五）`];
  if (result.suggestions.length === 0) lines.push(paint("没有需要问责的事项。", "green"));
  else {
    lines.push(
      ...renderTable(
        ["措施", "编号", "承办单位", "负责人", "逾期工作日", "理由"],
        result.suggestions.map((s) => [
          { text: s.measure, colour: s.measure === "通报批评" ? ("red" as const) : ("yellow" as const) },
          s.number ?? `（第 ${s.row} 行，未编号）`,
          s.unit,
          s.head,
          String(s.workingDaysLate),
          s.reason,
        ]),
        paint,
      ),
    );
    lines.push(
      "以上仅为建议：确认后用 --record 编号 记录；追究责任不会自动建议，须经研究后用 --measure 追究责任 记录。",
    );
  }
  if (result.records.length > 0)
    lines.push("", `已记录的问责措施：${result.records.length} 条（工作表“${result.logSheet}”）`);
  if (result.ineligible.length > 0) {
    lines.push("", "取消当年评优评先资格的单位：");
    for (const u of result.ineligible) {
      lines.push(
        `  ${u.year}年  ${u.unit}（${u.records.map((r) => `${r.measure}${r.number ? ` ${r.number}` : ""}`).join("，")}）`,
      );
    }
  }
  for (const i of result.issues) lines.push(paint(`问责记录第 ${i.row} 行：${i.message}`, "yellow"));
  return lines;
}

/** What recording measures printed. */
export function renderRecordedText(recorded: RecordResult): string[] {
  return recorded.recorded.map((r) =>
    r.row === null
      ? `${r.number} ${r.measure}：今天已记录过，未重复记录`
      : `已在“${recorded.sheet}”第 ${r.row} 行记录：${r.number} ${r.unit} ${r.measure}`,
  );
}

/** `duban archive --json`: {"archived","kept","year","sheet","keptOfYear","logsKept":{"remind","accountability"}}. */
export function archiveJson(result: ArchiveResult): object {
  return {
    archived: result.archived,
    kept: result.kept,
    year: result.year,
    sheet: result.sheet,
    keptOfYear: result.keptOfYear,
    logsKept: result.logsKept,
    warnings: result.warnings,
  };
}

/** The archive report for people. */
export function renderArchiveText(result: ArchiveResult): string[] {
  if (result.archived === 0) {
    return [`${result.year}年没有已办结或已终止的事项需要归档，未做修改。`];
  }
  const lines = [
    `已将 ${result.year} 年已办结、已终止的 ${result.archived} 项移至工作表“${result.sheet}”；登记表保留 ${result.kept} 项（其中 ${result.year} 年未办结 ${result.keptOfYear} 项）。`,
    "归档前后已逐项核对：每个事项都只在一处，内容未变。",
    `催办记录 ${result.logsKept.remind} 条、问责记录 ${result.logsKept.accountability} 条涉及归档事项，原样保留（按编号仍可查到事项）。`,
    "登记表中归档事项原来所在的行已清空但未删除（删除行会打乱其他工作表和公式的引用）；如需删除空行，请在 Excel 中操作。",
  ];
  lines.push(...result.warnings.map((w) => `提示：${w}`));
  return lines;
}
