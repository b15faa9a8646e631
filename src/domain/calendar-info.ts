/**
 * The side of the 工作日历 sheet: a note block (M–N) saying which years have official data,
 * holding 今日累计 and showing the 预警阈值 of 设置, and the words of 督办结果 the 状态 formula
 * tests (P–R: 办结用语, 未办用语, 终止用语), written from the engine's vocabulary so that the
 * workbook's colours and `duban status` read 督办结果 alike.
 */
import type { CellValue } from "./cell";
import { createCalendar } from "./calendar";
import { CALENDAR_SHEET_NAME } from "./calendar-sheet";
import { FORMULA_WORDS } from "./formula-words";
import { todayCountFormula } from "./row-formulas";
import type { CellPlan, ColumnPlan, NamePlan, PlanStyle } from "./setup-plan-types";
import { WORKBOOK_NAMES } from "./workbook-names";

const LABEL = 13;
const VALUE = 14;
/** Columns of the word lists, in the order of VOCABULARY_LISTS. */
const FIRST_WORD_COLUMN = 16;

/** Rows of the note block (M–N). */
export const CALENDAR_INFO_ROWS = {
  officialYears: 2,
  missingYears: 3,
  todayCount: 4,
  warningDays: 5,
  howTo: 6,
} as const;

/** The word lists: header (and name) and words. */
export const VOCABULARY_LISTS: readonly { readonly name: string; readonly words: readonly string[] }[] = [
  { name: WORKBOOK_NAMES.closingWords, words: FORMULA_WORDS.closing },
  { name: WORKBOOK_NAMES.neverClosingMarks, words: FORMULA_WORDS.neverClosing },
  { name: WORKBOOK_NAMES.terminatingWords, words: FORMULA_WORDS.terminating },
];

const HEADER_STYLE: PlanStyle = { bold: true, fill: "FFD9E1F2", border: true, horizontal: "center" };

function cell(row: number, col: number, value: CellPlan["value"], style?: PlanStyle): CellPlan {
  return { row, col, value, mode: "owned", ...(style ? { style } : {}) };
}

const text = (v: string): CellValue => ({ t: "string", v });

/** Years as short ranges: "2004—2026年". */
function yearRanges(years: readonly number[]): string {
  if (years.length === 0) return "无";
  const parts: string[] = [];
  let start = years[0];
  for (let i = 1; i <= years.length; i++) {
    if (i === years.length || years[i] !== years[i - 1] + 1) {
      const end = years[i - 1];
      parts.push(start === end ? `${start}年` : `${start}—${end}年`);
      if (i < years.length) start = years[i];
    }
  }
  return parts.join("、");
}

/**
 * The cells of the note block.
 * @example calendarInfoCells({ first: 2026, last: 2027 }, "TODAY()").find((c) => c.row === 4 && c.col === 14)?.value
 *   // { t: "formula", f: "LOOKUP(TODAY(),日历日期,日历累计)" }
 */
export function calendarInfoCells(years: { readonly first: number; readonly last: number }, today: string): CellPlan[] {
  const official = createCalendar().officialYears;
  const all: number[] = [];
  for (let y = years.first; y <= years.last; y++) all.push(y);
  const withData = all.filter((y) => official.includes(y));
  const withoutData = all.filter((y) => !official.includes(y));
  const I = CALENDAR_INFO_ROWS;
  const missing =
    withoutData.length === 0
      ? "无"
      : `${yearRanges(withoutData)}（暂按周一至周五为工作日；安排公布后请更新，或在本表逐日改为“用户”行）`;
  return [
    cell(1, LABEL, text("项目"), HEADER_STYLE),
    cell(1, VALUE, text("内容"), HEADER_STYLE),
    cell(I.officialYears, LABEL, text("有官方节假日数据的年份")),
    cell(I.officialYears, VALUE, text(`${yearRanges(withData)}（国务院办公厅节假日安排，来自 chinese-days 数据）`)),
    cell(I.missingYears, LABEL, text("没有官方数据的年份")),
    cell(I.missingYears, VALUE, text(missing)),
    cell(I.todayCount, LABEL, text("今日累计（今天及以前的工作日数，状态公式使用）")),
    cell(I.todayCount, VALUE, { t: "formula", f: todayCountFormula(today) }, { numFmt: "0" }),
    cell(I.warningDays, LABEL, text("临期预警工作日（在“设置”表填写）")),
    cell(I.warningDays, VALUE, { t: "formula", f: WORKBOOK_NAMES.warningDays }, { numFmt: "0" }),
    cell(I.howTo, LABEL, text("如何修改")),
    cell(
      I.howTo,
      VALUE,
      text("在该日期所在行修改“是否工作日”（1 工作日，0 休息），并把“来源”改为“用户”；刷新时用户行原样保留。"),
    ),
  ];
}

/**
 * The word lists the 状态 formula reads (generated: a refresh rewrites them).
 * @example vocabularyCells()[0] // { row: 1, col: 16, value: { t: "string", v: "办结用语" }, mode: "owned", … }
 */
export function vocabularyCells(): CellPlan[] {
  return VOCABULARY_LISTS.flatMap((list, i) => [
    cell(1, FIRST_WORD_COLUMN + i, text(list.name), HEADER_STYLE),
    ...list.words.map((w, j) => cell(2 + j, FIRST_WORD_COLUMN + i, text(w))),
  ]);
}

function single(name: string, row: number, col: number, bottom = row): NamePlan {
  return { name, sheet: CALENDAR_SHEET_NAME, range: { top: row, left: col, bottom, right: col } };
}

/** Names, column widths of the side of the sheet. */
export const CALENDAR_INFO: { readonly names: readonly NamePlan[]; readonly columns: readonly ColumnPlan[] } = {
  names: [
    single(WORKBOOK_NAMES.todayCount, CALENDAR_INFO_ROWS.todayCount, VALUE),
    ...VOCABULARY_LISTS.map((list, i) => single(list.name, 2, FIRST_WORD_COLUMN + i, 1 + list.words.length)),
  ],
  columns: [
    { col: LABEL, width: 30 },
    { col: VALUE, width: 70 },
    ...VOCABULARY_LISTS.map((_, i) => ({ col: FIRST_WORD_COLUMN + i, width: 10 })),
  ],
};
