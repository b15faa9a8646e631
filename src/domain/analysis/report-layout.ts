/**
 * 督办分析报告 — the semester analysis the policy asks every section for (四（四）), as one
 * printable A4 page in the documents' style: the title with the period; 一、the table by
 * section (items, closed on time, closed late, terminated, overdue, in progress, on-time rate,
 * urged, accountability) with a total; 二、a native clustered bar chart of on-time / late /
 * overdue by section, drawn from the table's own cells; 三、the overdue items with how many
 * working days late they are; 四、the units that lost 评优评先 eligibility; 五、ruled space for
 * the written analysis; the lines for who made and checked it.
 *
 * The page is a grid of 24 narrow columns so each part can size its own cells by spans. The
 * overdue list is cut to what fits on the page (the rest is counted), and a classified item's
 * content is never printed.
 */
import type { IsoDate } from "../cell";
import { formatChineseDate } from "../dates";
import { isClassified } from "../checks";
import type { Settings } from "../model";
import { FormBuilder, type FormCell } from "../layout/form-builder";
import type { CellRange } from "../a1-ref";
import type { ChartSpec, SheetLayout } from "../layout/types";
import { sanitizeSheetName } from "../sheet-name";
import type { Ineligibility } from "../accountability/eligibility";
import type { Figures, LedgerFigures, OverdueItem } from "./figures";
import type { Period } from "./period";
import { rateText } from "./rate";

export { rateText };

/** The document's name, on its title and in its sheet name. */
export const ANALYSIS_TITLE = "督办分析报告";

/** 24 columns of 2.9 Excel units (18.75 pt each): 450 pt, the width of A4 between the margins. */
const GRID = Array.from({ length: 24 }, () => 2.9);
const FULL = GRID.length;

/** Columns of the table by section: header, span, and the figure it shows. */
const TABLE: readonly { readonly label: string; readonly span: number; readonly key: keyof Figures | "section" }[] = [
  { label: "督办科室或单位", span: 4, key: "section" },
  { label: "事项数", span: 2, key: "items" },
  { label: "按期办结", span: 2, key: "closedOnTime" },
  { label: "逾期办结", span: 2, key: "closedLate" },
  { label: "终止", span: 2, key: "terminated" },
  { label: "逾期未办结", span: 3, key: "overdue" },
  { label: "办理中", span: 2, key: "inProgress" },
  { label: "按期办结率", span: 3, key: "onTimeRate" },
  { label: "已催办", span: 2, key: "urged" },
  { label: "已问责", span: 2, key: "accountability" },
];

/** The chart's series: which column of the table, and the traffic-light colour. */
const SERIES: readonly { readonly key: keyof Figures; readonly colour: string }[] = [
  { key: "closedOnTime", colour: "2E7D32" },
  { key: "closedLate", colour: "F9A825" },
  { key: "overdue", colour: "C62828" },
];

/** Columns of the overdue list: header and span. */
const OVERDUE_COLUMNS: readonly { readonly label: string; readonly span: number }[] = [
  { label: "督办事项编号", span: 4 },
  { label: "督办事项", span: 6 },
  { label: "督办科室", span: 3 },
  { label: "承办单位", span: 4 },
  { label: "要求完成时间", span: 5 },
  { label: "逾期工作日", span: 2 },
];

/**
 * Most characters of 督办事项内容 printed in the overdue list: one line of its cell, with room
 * to spare — LibreOffice draws narrow columns a little narrower than Excel.
 */
const CONTENT_CHARS = 8;
/** Rows of ruled space for the written analysis. */
const RULED_LINES = 4;
/** The least and most rows of the overdue list: fewer when there are many sections. */
const OVERDUE_ROWS = { min: 3, max: 8, budget: 12 } as const;
/** Height of the chart, in points. */
const CHART_HEIGHT_PT = 160;
/**
 * Height of the chart of more than COLUMN_SECTIONS sections: their names no longer fit level
 * under the columns and are turned on their side, taking height the plot would lose.
 */
const TALL_CHART_HEIGHT_PT = 220;
const COLUMN_SECTIONS = 6;

/**
 * The chart's height for a number of sections.
 * @example chartHeight(4) // 160
 * @example chartHeight(13) // 220
 */
export function chartHeight(sections: number): number {
  return sections > COLUMN_SECTIONS ? TALL_CHART_HEIGHT_PT : CHART_HEIGHT_PT;
}

const TABLE_ROW_PT = 20;
const HEADING_ROW_PT = 24;

export interface AnalysisReportInput {
  readonly period: Period;
  readonly today: IsoDate;
  readonly figures: LedgerFigures;
  /** Units that lost 评优评先 eligibility in the years the period touches. */
  readonly ineligible: readonly Ineligibility[];
  readonly settings: Pick<Settings, "orgName">;
}

/**
 * The sheet name of a period's report: 督办分析报告 + the semester (`2021年春季学期`) or the
 * dates (`20210301-20210630`).
 * @example analysisSheetName(semesterPeriod(2021, "spring")) // "督办分析报告2021年春季学期"
 */
export function analysisSheetName(period: Period): string {
  const compact = (d: IsoDate) => d.replace(/-/g, "");
  const when = period.semester !== null ? period.label : `${compact(period.from)}-${compact(period.to)}`;
  return sanitizeSheetName(`${ANALYSIS_TITLE}${when}`);
}

/**
 * Text cut to a number of characters, ending with "…" when cut.
 * @example clip("落实全区校园安全大排查", 6) // "落实全区校…"
 */
export function clip(text: string, chars: number): string {
  const all = [...text.replace(/\s+/g, " ").trim()];
  return all.length <= chars ? all.join("") : `${all.slice(0, chars - 1).join("")}…`;
}

function figureCell(f: Figures, key: keyof Figures, span: number): FormCell {
  if (key === "onTimeRate") {
    const rate = f.onTimeRate;
    return rate === null
      ? { text: "—", style: "small", span }
      : { text: rateText(rate), style: "small", span, number: rate, numFmt: "0.0%" };
  }
  const n = f[key] as number;
  return { text: String(n), style: "small", span, number: n };
}

/** 一、the table by section and the total; returns its section rows and header row. */
function sectionTable(f: FormBuilder, figures: LedgerFigures): { header: number; first: number; last: number } {
  const header = f.row(
    TABLE.map((c) => ({ text: c.label, style: "small", span: c.span, field: `header-${c.key}` })),
    { minHeight: TABLE_ROW_PT },
  );
  let first = 0;
  let last = 0;
  for (const s of figures.sections) {
    const r = f.row(
      TABLE.map((c) =>
        c.key === "section"
          ? { text: s.section, style: "small", span: c.span, field: "section" }
          : figureCell(s, c.key, c.span),
      ),
      { minHeight: TABLE_ROW_PT },
    );
    if (first === 0) first = r;
    last = r;
  }
  f.row(
    TABLE.map((c) =>
      c.key === "section"
        ? { text: "合计", style: "small", span: c.span, field: "total" }
        : figureCell(figures.total, c.key, c.span),
    ),
    { minHeight: TABLE_ROW_PT },
  );
  f.table(header, f.lastRow, "thin");
  return { header, first, last };
}

/** The first column of each table column (1-based). */
function tableColumns(): Map<string, number> {
  const at = new Map<string, number>();
  let col = 1;
  for (const c of TABLE) {
    at.set(c.key, col);
    col += c.span;
  }
  return at;
}

/** 二、the chart: anchored over rows the builder reserves, its data the table's cells. */
function chartOf(rows: { header: number; first: number; last: number }, anchor: CellRange): ChartSpec {
  const cols = tableColumns();
  const label = (key: string) => TABLE.find((c) => c.key === key)?.label ?? key;
  return {
    kind: "clusteredBar",
    direction: "column",
    title: "按期办结、逾期办结、逾期未办结事项数（按督办科室）",
    categories: { top: rows.first, left: 1, bottom: rows.last, right: 1 },
    series: SERIES.map((s) => {
      const col = cols.get(s.key) ?? 1;
      return {
        name: label(s.key),
        nameCell: { row: rows.header, col },
        values: { top: rows.first, left: col, bottom: rows.last, right: col },
        colour: s.colour,
      };
    }),
    anchor,
    legend: "bottom",
  };
}

function overdueRow(o: OverdueItem): FormCell[] {
  const content = isClassified(o.item) ? "（涉密事项，内容从略）" : clip(o.item.content, CONTENT_CHARS);
  const texts = [
    o.number ?? `（未编号，第${o.row}行）`,
    content,
    o.section,
    o.item.hostUnit.trim(),
    formatChineseDate(o.deadline),
    String(o.workingDaysLate),
  ];
  return OVERDUE_COLUMNS.map((c, i) => ({
    text: texts[i],
    style: i === 1 ? "smallLeft" : "small",
    span: c.span,
    field: `overdue-${i}`,
    ...(i === 5 ? { number: o.workingDaysLate } : {}),
  }));
}

/** 三、the overdue items, latest first, as many as fit; the rest counted. */
function overdueList(f: FormBuilder, figures: LedgerFigures): void {
  const list = figures.overdue;
  if (list.length === 0) {
    f.row([{ text: "本期下达的事项中没有逾期未办结的事项。", style: "smallLeft", span: FULL, field: "overdue-none" }], {
      minHeight: TABLE_ROW_PT,
    });
    return;
  }
  const room = OVERDUE_ROWS.budget - figures.sections.length;
  const shown = Math.min(list.length, Math.max(OVERDUE_ROWS.min, Math.min(OVERDUE_ROWS.max, room)));
  const top = f.row(
    OVERDUE_COLUMNS.map((c) => ({ text: c.label, style: "small", span: c.span })),
    { minHeight: TABLE_ROW_PT },
  );
  for (const o of list.slice(0, shown)) f.row(overdueRow(o), { minHeight: TABLE_ROW_PT });
  f.table(top, f.lastRow, "thin");
  if (list.length > shown) {
    f.row(
      [
        {
          text: `另有${list.length - shown}项逾期未办结事项未列出，详见登记表中标红的事项。`,
          style: "smallLeft",
          span: FULL,
          field: "overdue-more",
        },
      ],
      { minHeight: TABLE_ROW_PT },
    );
  }
}

/**
 * 四、the units that lost eligibility, in one paragraph.
 * @example ineligibleText([{ unit: "江津中学", year: 2021, records: [{ measure: "通报批评", number: "〔2021〕3号", … }] }])
 *   // "江津中学（2021年，通报批评：〔2021〕3号）。"
 */
export function ineligibleText(units: readonly Ineligibility[]): string {
  if (units.length === 0) return "无。";
  const parts = units.map((u) => {
    const why = u.records.map((r) => `${r.measure}${r.number === "" ? "" : `：${r.number}`}`).join("；");
    return `${u.unit}（${u.year}年，${why}）`;
  });
  return `${parts.join("、")}。`;
}

/** The note under the table: how the rate is counted, and what was assumed or left out. */
function tableNote(figures: LedgerFigures): string {
  const parts = ["按期办结率＝按期办结÷（事项数－终止）；逾期未办结、办理中的事项计入分母。"];
  const assumed = figures.total.closedAssumedOnTime;
  if (assumed > 0) parts.push(`其中${assumed}项已办结但未填办结日期，按按期办结计，补填办结日期后可得准确数据。`);
  if (figures.undated > 0) parts.push(`登记表中另有${figures.undated}项未填任务下达时间，未计入。`);
  return `注：${parts.join("")}`;
}

/**
 * The 督办分析报告 of a period as a one-page A4 layout with its chart.
 * @example buildAnalysisReport({ period, today: "2021-08-02", figures, ineligible: [], settings }).title
 *   // "2021年春季学期督办分析报告"
 */
export function buildAnalysisReport(input: AnalysisReportInput, options: { sheetName?: string } = {}): SheetLayout {
  const { period, figures } = input;
  const title = period.semester !== null ? `${period.label}${ANALYSIS_TITLE}` : ANALYSIS_TITLE;
  const f = new FormBuilder(GRID);
  f.space(8);
  f.row([{ text: title, style: "title", span: FULL, field: "title" }], { minHeight: 36 });
  const org = input.settings.orgName.trim();
  const scope =
    `${org === "" ? "" : `${org}\u3000`}${formatChineseDate(period.from)}至${formatChineseDate(period.to)}下达的督办事项` +
    `\u3000统计日期：${formatChineseDate(input.today)}`;
  f.row([{ text: scope, style: "small", span: FULL, field: "scope" }], { minHeight: TABLE_ROW_PT });

  f.row([{ text: "一、督办事项办理情况", style: "heading", span: FULL, field: "heading-1" }], {
    minHeight: HEADING_ROW_PT,
  });
  const rows = sectionTable(f, figures);
  f.row([{ text: tableNote(figures), style: "smallLeft", span: FULL, field: "table-note" }], {
    minHeight: TABLE_ROW_PT,
  });

  f.row([{ text: "二、按期办结、逾期办结和逾期未办结情况", style: "heading", span: FULL, field: "heading-2" }], {
    minHeight: HEADING_ROW_PT,
  });
  let chart: ChartSpec | undefined;
  if (figures.sections.length === 0) {
    f.row([{ text: "本期没有下达督办事项，无图。", style: "smallLeft", span: FULL, field: "chart-none" }], {
      minHeight: TABLE_ROW_PT,
    });
  } else {
    const at = f.space(chartHeight(figures.sections.length));
    chart = chartOf(rows, { top: at, left: 2, bottom: at, right: FULL - 1 });
  }

  f.row([{ text: "三、逾期未办结事项", style: "heading", span: FULL, field: "heading-3" }], {
    minHeight: HEADING_ROW_PT,
  });
  overdueList(f, figures);

  f.row([{ text: "四、取消当年评优评先资格的单位", style: "heading", span: FULL, field: "heading-4" }], {
    minHeight: HEADING_ROW_PT,
  });
  f.row(
    [
      {
        text: `${ineligibleText(input.ineligible)}（依据《加强督办工作实施方案》五（二）：受到通报批评及以上处理的单位，取消单位及主要负责人当年评优评先资格。）`,
        style: "smallLeft",
        span: FULL,
        field: "ineligible",
      },
    ],
    { minHeight: TABLE_ROW_PT },
  );

  f.row([{ text: "五、分析与建议", style: "heading", span: FULL, field: "heading-5" }], { minHeight: HEADING_ROW_PT });
  const ruledTop = f.row([{ text: "", style: "body", span: FULL, field: "analysis" }], { minHeight: 24 });
  for (let i = 1; i < RULED_LINES; i++) f.row([{ text: "", style: "body", span: FULL }], { minHeight: 24 });
  f.table(ruledTop, f.lastRow, "thin");

  f.row(
    [
      { text: "填报人：", style: "note", span: 8, field: "maker" },
      { text: "审核人：", style: "note", span: 8, field: "checker" },
      { text: formatChineseDate(input.today), style: "right", span: 8, field: "date" },
    ],
    { minHeight: 26 },
  );
  const layout = f.build(options.sheetName ?? analysisSheetName(period), title);
  return chart === undefined ? layout : { ...layout, charts: [chart] };
}
