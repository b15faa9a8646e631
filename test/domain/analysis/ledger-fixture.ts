/**
 * A ledger kept over a year, for the analysis, accountability and archive tests: several
 * sections (one typed with a trailing full-width space, one left blank), items of 2020, 2021
 * and 2022, every outcome, 调休 around the deadlines, urgings and measures. Each row carries,
 * written by hand, what the policy makes of it on TODAY — the tests compute the expected
 * figures from these labels, never from the code under test.
 */
import * as ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../../../src/domain/cell";
import { ALL_HEADERS, date, grid, registrySheet, type RowSpec } from "../grid-helpers";

/** Monday 2 August 2021: the spring semester has just ended. */
export const TODAY = "2021-08-02";

export type Expected = "closedOnTime" | "closedLate" | "terminated" | "overdue" | "inProgress";

export interface LedgerRow {
  readonly spec: RowSpec;
  /** The outcome on TODAY, by hand. */
  readonly expected: Expected;
  /** The section it counts under, by hand. */
  readonly section: string;
  /** The semester it belongs to, by hand (null: no 任务下达时间). */
  readonly semester: "2020-autumn" | "2021-spring" | "2021-autumn" | "2022-spring" | null;
  /** Closed without a date or a word saying when, after its deadline (counted on time, marked). */
  readonly assumed?: boolean;
  /** Working days late on TODAY (overdue rows). */
  readonly late?: number;
  /** Urged on or before TODAY (see URGINGS). */
  readonly urged?: boolean;
  /** A measure recorded (see MEASURES). */
  readonly measured?: boolean;
}

const row = (n: number, section: string, issued: string | null, due: string | null, extra: RowSpec = {}): RowSpec => ({
  序号: n,
  督办事项编号: `〔${issued?.slice(0, 4) ?? "2021"}〕${n}号`,
  督办事项内容: `督办事项${n}：落实区教委关于校园安全隐患排查整治的部署`,
  任务下达时间: issued === null ? undefined : date(issued),
  要求完成时间: due === null ? undefined : date(due),
  督办科室或单位: section,
  承办单位: `承办单位${n}`,
  承办单位负责人: `负责人${n}`,
  ...extra,
});

export const LEDGER: readonly LedgerRow[] = [
  // 2020 autumn (January 2021 belongs to it)
  {
    spec: row(1, "办公室", "2021-01-31", "2021-02-28", { 办结日期: date("2021-02-26") }),
    expected: "closedOnTime",
    section: "办公室",
    semester: "2020-autumn",
  },
  // 2021 spring — 办公室
  {
    spec: row(2, "办公室", "2021-02-01", "2021-03-31", { 办结日期: date("2021-03-30") }),
    expected: "closedOnTime",
    section: "办公室",
    semester: "2021-spring",
  },
  {
    spec: row(3, "办公室", "2021-03-05", "2021-04-30", { 办结日期: date("2021-05-06") }),
    expected: "closedLate",
    section: "办公室",
    semester: "2021-spring",
  },
  {
    spec: row(4, "办公室", "2021-04-01", "2021-04-30", { 延期至: date("2021-06-30"), 办结日期: date("2021-06-15") }),
    expected: "closedOnTime",
    section: "办公室",
    semester: "2021-spring",
  },
  // Due Friday 30 July: overdue by one working day (Monday 2 August).
  {
    spec: row(5, "办公室", "2021-05-10", "2021-07-30"),
    expected: "overdue",
    section: "办公室",
    semester: "2021-spring",
    late: 1,
    urged: true,
  },
  {
    spec: row(6, "办公室", "2021-07-31", "2021-09-30"),
    expected: "inProgress",
    section: "办公室",
    semester: "2021-spring",
  },
  {
    spec: row(7, "办公室\u3000", "2021-02-02", "2021-02-10", { 办结日期: date("2021-02-20") }),
    expected: "closedLate",
    section: "办公室",
    semester: "2021-spring",
  },
  // 2021 spring — 督导室
  {
    spec: row(8, "督导室", "2021-02-20", "2021-03-20", { 督办结果: "终止" }),
    expected: "terminated",
    section: "督导室",
    semester: "2021-spring",
  },
  {
    spec: row(9, "督导室", "2021-03-01", "2021-03-31", { 督办结果: "逾期办结" }),
    expected: "closedLate",
    section: "督导室",
    semester: "2021-spring",
  },
  {
    spec: row(10, "督导室", "2021-03-02", "2021-06-30", { 督办结果: "按期办结" }),
    expected: "closedOnTime",
    section: "督导室",
    semester: "2021-spring",
  },
  {
    spec: row(11, "督导室", "2021-06-01", "2021-09-30", { 督办结果: "已办结" }),
    expected: "closedOnTime",
    section: "督导室",
    semester: "2021-spring",
  },
  {
    spec: row(12, "督导室", "2021-03-10", "2021-04-10", { 督办结果: "办结" }),
    expected: "closedOnTime",
    section: "督导室",
    semester: "2021-spring",
    assumed: true,
  },
  // Due today: 临期, in progress.
  {
    spec: row(13, "督导室", "2021-04-01", "2021-08-02"),
    expected: "inProgress",
    section: "督导室",
    semester: "2021-spring",
  },
  // Due Saturday 31 July: overdue, one working day late.
  {
    spec: row(14, "督导室", "2021-04-02", "2021-07-31"),
    expected: "overdue",
    section: "督导室",
    semester: "2021-spring",
    late: 1,
    urged: true,
  },
  {
    spec: row(15, "督导室", "2021-05-20", "2021-06-30", { 延期至: date("2021-08-31") }),
    expected: "inProgress",
    section: "督导室",
    semester: "2021-spring",
  },
  // 2021 spring — 组织科
  {
    spec: row(16, "组织科", "2021-05-05", null, { 备注: "长期坚持" }),
    expected: "inProgress",
    section: "组织科",
    semester: "2021-spring",
  },
  {
    spec: row(17, "组织科", "2021-05-06", null, { 办结日期: date("2021-06-01") }),
    expected: "closedOnTime",
    section: "组织科",
    semester: "2021-spring",
  },
  // The date decides over the word.
  {
    spec: row(18, "组织科", "2021-06-07", "2021-06-30", { 办结日期: date("2021-07-01"), 督办结果: "按期办结" }),
    expected: "closedLate",
    section: "组织科",
    semester: "2021-spring",
  },
  // July 2021 has 22 working days, and 2 August one more.
  {
    spec: row(19, "组织科", "2021-06-08", "2021-06-30", { 督办结果: "尚未办结" }),
    expected: "overdue",
    section: "组织科",
    semester: "2021-spring",
    late: 23,
    urged: true,
    measured: true,
  },
  {
    spec: row(20, "组织科", "2021-06-09", "2021-06-30", { 备注: "上级政策调整，已报主要领导" }),
    expected: "overdue",
    section: "组织科",
    semester: "2021-spring",
    late: 23,
    urged: true,
  },
  // Closed on its deadline: on time.
  {
    spec: row(21, "", "2021-03-03", "2021-03-31", { 办结日期: date("2021-03-31") }),
    expected: "closedOnTime",
    section: "（未填写督办科室）",
    semester: "2021-spring",
  },
  // No 任务下达时间: in no period. June 2021 has 21 working days (14 June is 端午).
  {
    spec: row(22, "办公室", null, "2021-05-31", { 督办事项编号: "〔2021〕22号" }),
    expected: "overdue",
    section: "办公室",
    semester: null,
    late: 44,
  },
  // 2021 autumn (to 31 January 2022)
  {
    spec: row(23, "督导室", "2021-08-01", "2021-08-31"),
    expected: "inProgress",
    section: "督导室",
    semester: "2021-autumn",
  },
  {
    spec: row(24, "办公室", "2022-01-31", "2022-02-28"),
    expected: "inProgress",
    section: "办公室",
    semester: "2021-autumn",
  },
  // 2022 spring
  {
    spec: row(25, "办公室", "2022-02-01", "2022-03-31"),
    expected: "inProgress",
    section: "办公室",
    semester: "2022-spring",
  },
  // 2020
  {
    spec: row(26, "督导室", "2020-11-02", "2020-12-31", { 督办结果: "按期办结", 办结日期: date("2020-12-30") }),
    expected: "closedOnTime",
    section: "督导室",
    semester: "2020-autumn",
  },
  // From 29 January to 2 August 2021: Feb 17 (春节, make-up 7 and 20 Feb), Mar 23, Apr 22 (清明;
  // make-up 25 Apr), May 19 (劳动节; make-up 8 May), Jun 21, Jul 22, Aug 1 = 125 working days.
  {
    spec: row(27, "督导室", "2020-12-01", "2021-01-29"),
    expected: "overdue",
    section: "督导室",
    semester: "2020-autumn",
    late: 125,
    measured: true,
  },
];

/** 设置: the sections in the order the office lists them. */
export const SETTINGS_SECTIONS = ["督导室", "办公室"];

/** Urgings: items 5 and 19 (reply periods over), 14 (reply due after today), 20 (urged, reason in 备注), 3 (dated after today). */
export const URGINGS: readonly (readonly (string | CellValue)[])[] = [
  [date("2021-07-20"), "〔2021〕19号", "电话", "王芳", date("2021-07-23")],
  [date("2021-07-28"), "[2021]5号", "催办提示单", "王芳", date("2021-07-30")],
  [date("2021-07-30"), "〔2021〕14号", "督办函", "王芳", date("2021-08-04")],
  [date("2021-07-21"), "〔2021〕20号", "电话", "王芳", date("2021-07-26")],
  [date("2021-08-05"), "〔2021〕3号", "电话", "王芳", date("2021-08-10")],
];

/** Measures recorded: a 约谈 of item 19's head; a 通报批评 of 承办单位27 in 2021. */
export const MEASURES: readonly (readonly (string | CellValue)[])[] = [
  [date("2021-07-26"), "承办单位19", "〔2021〕19号", "约谈", "逾期未办结", "王芳"],
  [date("2021-03-15"), "承办单位27", "〔2020〕27号", "通报批评", "经催办仍未办结", "王芳"],
];

/** The registry sheet (title row, header on row 2, items from row 3). */
export function ledgerGrid(): SheetGrid {
  return registrySheet(LEDGER.map((r) => r.spec));
}

/** The sheet row of the i-th ledger row (0-based). */
export const rowOf = (i: number): number => i + 3;

export function settingsGrid(): SheetGrid {
  return grid("设置", [["项目", "值"], [], ["科室/单位"], ...SETTINGS_SECTIONS.map((s) => [s])]);
}

export function urgingGrid(): SheetGrid {
  return grid("催办记录", [["催办日期", "督办事项编号", "催办方式", "经办人", "回复期限"], ...URGINGS]);
}

export function measureGrid(): SheetGrid {
  return grid("问责记录", [["日期", "承办单位", "事项编号", "措施", "依据", "经办人"], ...MEASURES]);
}

export function ledgerGrids(): SheetGrid[] {
  return [ledgerGrid(), settingsGrid(), urgingGrid(), measureGrid()];
}

/** An ExcelJS value of a test cell (dates as real dates). */
function excelValue(cell: CellValue): ExcelJS.CellValue {
  switch (cell.t) {
    case "empty":
      return null;
    case "date":
      return new Date(`${cell.v}T00:00:00Z`);
    case "error":
      return { error: cell.v as ExcelJS.CellErrorValue["error"] };
    default:
      return cell.v;
  }
}

/** The grids as an .xlsx workbook (dates as real dates with a date format, the title merged). */
export function ledgerWorkbook(grids: readonly SheetGrid[] = ledgerGrids()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell.t === "empty") return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = excelValue(cell);
        if (cell.t === "date") target.numFmt = "yyyy-mm-dd";
      }),
    );
    if (g.name === "督办事项登记表") ws.mergeCells(1, 1, 1, ALL_HEADERS.length);
  }
  return wb;
}

/** What the labels say a group of rows adds up to (the contract's figures, in its key order). */
export function expectedFigures(rows: readonly LedgerRow[]) {
  const count = (e: Expected) => rows.filter((r) => r.expected === e).length;
  const items = rows.length;
  const terminated = count("terminated");
  const closedOnTime = count("closedOnTime");
  return {
    items,
    closedOnTime,
    closedLate: count("closedLate"),
    terminated,
    overdue: count("overdue"),
    inProgress: count("inProgress"),
    onTimeRate: items - terminated === 0 ? null : closedOnTime / (items - terminated),
    urged: rows.filter((r) => r.urged).length,
    accountability: rows.filter((r) => r.measured).length,
    closedAssumedOnTime: rows.filter((r) => r.assumed).length,
  };
}
