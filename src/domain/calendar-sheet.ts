/**
 * The 工作日历 sheet, shared by its writer (calendar-plan.ts, which lists every date) and its
 * reader (calendar-read.ts, which takes the user's overrides back).
 *
 * Layout: one header row, then one row per date:
 *
 *   日期       | 是否工作日 | 类型     | 来源 | 说明
 *   2021-10-01 | 0          | 节假日   | 官方 | 国庆节
 *   2021-10-09 | 1          | 调休上班 | 官方 | 国庆节调休
 *   2027-01-01 | 0          | 节假日   | 用户 | 元旦（2027年安排公布前自行补充）
 *
 * 是否工作日 is 1 or 0 (the status formula and the colours read this column); 类型 is one of
 * CALENDAR_KINDS; 来源 is 官方 for rows written from the holiday data, 用户 for rows a person
 * added or changed. Only rows that are not 官方 override the official calendar.
 */

export const CALENDAR_SHEET_NAME = "工作日历";
/** Issue.column of problems found in the 工作日历 sheet (Issue.row is the 工作日历 row). */
export const CALENDAR_ISSUE_COLUMN = "工作日历";

/** Header text of the columns (found by header, in any order). */
export const CALENDAR_COLUMNS = {
  date: "日期",
  working: "是否工作日",
  kind: "类型",
  origin: "来源",
  note: "说明",
} as const;

/** The years the 工作日历 sheet lists, inclusive. */
export interface YearSpan {
  readonly first: number;
  readonly last: number;
}

/** Values of 类型. */
export const CALENDAR_KINDS = {
  holiday: "节假日",
  makeUp: "调休上班",
  workday: "工作日",
  restDay: "休息日",
} as const;

/** Values of 来源. */
export const CALENDAR_ORIGINS = {
  official: "官方",
  user: "用户",
} as const;

/** Values of 是否工作日 the writer uses. */
export const CALENDAR_WORKING_VALUES = { working: 1, notWorking: 0 } as const;

const WORKING_KINDS: ReadonlySet<string> = new Set([
  CALENDAR_KINDS.makeUp,
  CALENDAR_KINDS.workday,
  "调休",
  "补班",
  "上班",
]);
const NON_WORKING_KINDS: ReadonlySet<string> = new Set([
  CALENDAR_KINDS.holiday,
  CALENDAR_KINDS.restDay,
  "假日",
  "放假",
  "休息",
  "周末",
]);

/**
 * Whether a 类型 value means a working day: true (调休上班, 工作日, 调休, 补班, 上班), false
 * (节假日, 休息日, 假日, 放假, 休息, 周末) or undefined for anything else. White space is ignored.
 * @example calendarKindWorking("调休上班") // true
 * @example calendarKindWorking("节 假 日") // false
 * @example calendarKindWorking("春节") // undefined
 */
export function calendarKindWorking(kind: string): boolean | undefined {
  const k = kind.replace(/[\s\u3000]+/g, "");
  if (WORKING_KINDS.has(k)) return true;
  if (NON_WORKING_KINDS.has(k)) return false;
  return undefined;
}
