/**
 * The 工作日历 part of the setup plan: one row per date of the years in use, whether it is a
 * working day (official holiday data from chinese-days, weekdays for years without data), the
 * person's rows (来源 not 官方) in force, and a running count of working days — linear: each
 * row's count is the row above plus its own flag.
 *
 *   A 日期 | B 是否工作日 | C 类型 | D 来源 | E 说明 | F 星期 | G 官方 (hidden) | H 累计工作日
 *   M–N notes and 今日累计 (calendar-info.ts) | P–R the 督办结果 words the 状态 formula tests
 *
 *   H2 = N(H1)+IF(D2="官方",G2,N(B2))     日历累计 = H2:H…, 今日累计 = LOOKUP(TODAY(),日历日期,日历累计)
 *
 * The dated block holds exactly one row per date: the row in force. A user row's 是否工作日 is
 * written as 1 or 0 (the engine's reading of what was typed, 是/否 or a 类型, reported when it
 * changes); a 官方 row whose 是否工作日 a person changed keeps that value and does not count
 * (G does), as in the engine, and is reported. User rows that are not in force (overridden by
 * a later row of the same date, unreadable, or without a readable date) are kept as typed
 * above the block — before the row that overrides them, so the engine still reads the later
 * one —, outside the names, and reported.
 */
import chineseDays from "chinese-days/dist/chinese-days.json";
import { cellText, isBlank, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import { isOfficialWorkingDay } from "./calendar";
import { sortCalendarRows, type ExistingCalendarRow } from "./calendar-read";
import { CALENDAR_COLUMNS, CALENDAR_KINDS, CALENDAR_ORIGINS, CALENDAR_SHEET_NAME } from "./calendar-sheet";
import { calendarInfoCells, CALENDAR_INFO, vocabularyCells } from "./calendar-info";
import { addDays, formatChineseDate, weekdayOf } from "./dates";
import { calendarCountFormula } from "./row-formulas";
import type {
  CellPlan,
  ConditionalRulePlan,
  NamePlan,
  PlanNote,
  PlanStyle,
  SheetPlan,
  SheetSetupPart,
  ValidationPlan,
} from "./setup-plan-types";
import { WORKBOOK_NAMES } from "./workbook-names";

/** Column numbers of the generated 工作日历 sheet. */
export const CALENDAR_LAYOUT = {
  date: 1,
  working: 2,
  kind: 3,
  origin: 4,
  note: 5,
  weekday: 6,
  official: 7,
  count: 8,
  /** Last column of the generated block (earlier versions had helper columns up to K). */
  lastOwned: 11,
} as const;

/** Headers of the columns the setup adds (none of them is a header readCalendarOverrides knows). */
export const CALENDAR_HELPER_HEADERS = {
  weekday: "星期",
  official: "官方是否工作日",
  count: "累计工作日",
} as const;

/** Headers earlier versions wrote in row 1 of their helper columns: a calendar with them is upgraded. */
export const FORMER_CALENDAR_HEADERS: readonly string[] = ["生效是否工作日", "日历序", "日期键"];

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];
const DATE_FMT = "yyyy-mm-dd";
/** One look object for every date cell: the adapters turn each look object into a style once. */
const DATE_LOOK: PlanStyle = { numFmt: DATE_FMT };
const HEADER_STYLE: PlanStyle = { bold: true, fill: "FFD9E1F2", border: true, horizontal: "center" };

interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

/** The Chinese name in a chinese-days entry like "National Day,国庆节,3". */
function holidayName(entry: string | undefined): string {
  return entry?.split(",")[1] ?? "";
}

/**
 * The generated content of one date by the official data: flag, 类型 and 说明.
 * @example officialDay("2026-10-10") // { working: true, kind: "调休上班", note: "国庆节调休" }
 */
export function officialDay(date: IsoDate): { working: boolean; kind: string; note: string } {
  const data: ChineseDaysData = chineseDays;
  const working = isOfficialWorkingDay(date);
  const weekday = weekdayOf(date);
  const weekend = weekday === 0 || weekday === 6;
  if (working && weekend)
    return { working, kind: CALENDAR_KINDS.makeUp, note: `${holidayName(data.workdays[date])}调休` };
  if (!working && !weekend) return { working, kind: CALENDAR_KINDS.holiday, note: holidayName(data.holidays[date]) };
  if (!working && data.holidays[date] !== undefined) {
    return { working, kind: CALENDAR_KINDS.holiday, note: holidayName(data.holidays[date]) };
  }
  return { working, kind: working ? CALENDAR_KINDS.workday : CALENDAR_KINDS.restDay, note: "" };
}

/** Result of the 工作日历 part. */
export type CalendarPlan = SheetSetupPart;

/** Inputs of the 工作日历 part. */
export interface CalendarPlanInput {
  readonly grid: SheetGrid | undefined;
  readonly years: { readonly first: number; readonly last: number };
  /** TODAY() in a workbook; another date expression to evaluate it as of another day. */
  readonly todayFormula: string;
}

const text = (v: string): CellValue => ({ t: "string", v });
const num = (v: number): CellValue => ({ t: "number", v });

/** Collects the owned cells of the sheet and the notes about its rows. */
class CalendarBuilder {
  readonly cells: CellPlan[] = [];
  readonly notes: PlanNote[] = [];

  put(row: number, col: number, value: CellPlan["value"], style?: PlanStyle): void {
    this.cells.push({ row, col, value, mode: "owned", ...(style ? { style } : {}) });
  }

  note(row: number, code: PlanNote["code"], message: string, column: string = CALENDAR_COLUMNS.working): void {
    this.notes.push({ sheet: CALENDAR_SHEET_NAME, row, column, code, message });
  }

  /** One dated row of the block, from the user row in force or the official data. */
  dated(
    r: number,
    date: IsoDate,
    user: { row: ExistingCalendarRow; working: boolean } | undefined,
    official?: ExistingCalendarRow,
  ): void {
    const L = CALENDAR_LAYOUT;
    const day = officialDay(date);
    this.put(r, L.date, { t: "date", v: date }, DATE_LOOK);
    if (user !== undefined) this.userRow(r, date, user.row, user.working);
    else this.officialRow(r, date, day.working, official);
    if (user === undefined) {
      this.put(r, L.kind, text(day.kind));
      this.put(r, L.origin, text(CALENDAR_ORIGINS.official));
      this.put(r, L.note, text(day.note));
    }
    this.put(r, L.weekday, text(WEEKDAYS[weekdayOf(date)]));
    this.put(r, L.official, num(day.working ? 1 : 0));
    this.put(r, L.count, { t: "formula", f: calendarCountFormula(r, L) });
  }

  private userRow(r: number, date: IsoDate, row: ExistingCalendarRow, working: boolean): void {
    const L = CALENDAR_LAYOUT;
    const flag = working ? 1 : 0;
    const typed = row.cells.working;
    if (!isBlank(typed) && !(typed.t === "number" && typed.v === flag)) {
      this.note(
        r,
        "calendar-flag-written",
        `工作日历 ${date} 的“是否工作日”原为“${cellText(typed)}”，已按其含义写为 ${flag}（工作日历只认 1 或 0）`,
      );
    }
    this.put(r, L.working, num(flag));
    this.put(r, L.kind, row.cells.kind);
    this.put(r, L.origin, isBlank(row.cells.origin) ? text(CALENDAR_ORIGINS.user) : row.cells.origin);
    this.put(r, L.note, row.cells.note);
  }

  private officialRow(r: number, date: IsoDate, working: boolean, existing: ExistingCalendarRow | undefined): void {
    const flag = working ? 1 : 0;
    const typed = existing?.cells.working;
    const keep = typed !== undefined && !isBlank(typed) && !(typed.t === "number" && typed.v === flag);
    if (keep) {
      this.note(
        r,
        "calendar-official-edited",
        `${date} 的“是否工作日”被改为“${cellText(typed)}”，但“来源”仍为“官方”，因此未生效；如要改动，请把“来源”改为“用户”`,
      );
    }
    this.put(r, CALENDAR_LAYOUT.working, keep ? typed : num(flag));
  }

  /** A user row that is not in force, kept as typed above the block. */
  kept(r: number, row: ExistingCalendarRow): void {
    const L = CALENDAR_LAYOUT;
    this.put(r, L.date, row.cells.date, row.date === null ? undefined : DATE_LOOK);
    this.put(r, L.working, row.cells.working);
    this.put(r, L.kind, row.cells.kind);
    this.put(r, L.origin, row.cells.origin);
    this.put(r, L.note, row.cells.note);
    const what =
      row.date === null
        ? `日期“${cellText(row.cells.date)}”无法识别`
        : `${formatChineseDate(row.date)}有另一行在用或本行无法识别`;
    this.note(
      r,
      "calendar-row-not-in-force",
      `工作日历第${r}行（原第${row.row}行）未生效：${what}；已移到日期列表上方，请核对后改正或删除`,
      CALENDAR_COLUMNS.date,
    );
  }
}

/** Every date of the years, plus dates of user rows in force outside them, ascending. */
function calendarDates(years: CalendarPlanInput["years"], extra: Iterable<IsoDate>): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = `${years.first}-01-01`; d <= `${years.last}-12-31`; d = addDays(d, 1)) dates.push(d);
  const first = dates[0];
  const last = dates[dates.length - 1];
  for (const d of extra) if (d < first || d > last) dates.push(d);
  return dates.sort();
}

/**
 * The 工作日历 part of the setup plan.
 * @example buildCalendarPlan({ grid: undefined, years: { first: 2026, last: 2027 }, todayFormula: "TODAY()" }).names[0]
 *   // { name: "日历日期", sheet: "工作日历", range: { top: 2, left: 1, bottom: 731, right: 1 } }
 */
export function buildCalendarPlan(input: CalendarPlanInput): CalendarPlan {
  const L = CALENDAR_LAYOUT;
  const existing = sortCalendarRows(input.grid);
  const b = new CalendarBuilder();
  // Row 1: each column's header, in the column CALENDAR_LAYOUT gives that column.
  const headers = { ...CALENDAR_COLUMNS, ...CALENDAR_HELPER_HEADERS };
  for (const key of Object.keys(headers) as (keyof typeof headers)[])
    b.put(1, L[key], text(headers[key]), HEADER_STYLE);
  existing.notInForce.forEach((row, i) => b.kept(2 + i, row));
  const firstDated = 2 + existing.notInForce.length;
  const dates = calendarDates(input.years, existing.inForce.keys());
  dates.forEach((date, i) => b.dated(firstDated + i, date, existing.inForce.get(date), existing.official.get(date)));
  const lastDated = firstDated + dates.length - 1;
  b.cells.push(...calendarInfoCells(input.years, input.todayFormula), ...vocabularyCells());

  const names: NamePlan[] = [
    columnName(WORKBOOK_NAMES.calendarDates, L.date, firstDated, lastDated),
    columnName(WORKBOOK_NAMES.calendarCount, L.count, firstDated, lastDated),
    ...CALENDAR_INFO.names,
  ];
  const sheet: SheetPlan = {
    name: CALENDAR_SHEET_NAME,
    owned: { left: L.date, right: L.lastOwned, fromRow: 1 },
    cells: b.cells,
    merges: [],
    columns: calendarColumns(),
    numberFormats: [],
    validations: calendarValidations(lastDated),
    conditionalFormats: [
      { range: { top: 2, left: L.date, bottom: lastDated, right: L.weekday }, rules: calendarRules() },
    ],
    conditionalFormatSignatures: [".*"],
    freeze: { rows: 1 },
  };
  return { sheet, names, notes: b.notes };
}

function calendarColumns(): SheetPlan["columns"] {
  const L = CALENDAR_LAYOUT;
  return [
    { col: L.date, width: 12 },
    { col: L.working, width: 11 },
    { col: L.kind, width: 10 },
    { col: L.origin, width: 7 },
    { col: L.note, width: 16 },
    { col: L.weekday, width: 6 },
    { col: L.official, width: 10, hidden: true },
    { col: L.count, width: 11, hidden: false },
    // Columns I–K held helper columns in earlier versions (hidden then): shown again, empty.
    ...[9, 10, 11].map((col) => ({ col, hidden: false })),
    ...CALENDAR_INFO.columns,
  ];
}

/** 是否工作日 1/0 and 来源 官方/用户, refused otherwise. */
function calendarValidations(lastDated: number): ValidationPlan[] {
  const L = CALENDAR_LAYOUT;
  const body = (col: number) => ({ top: 2, left: col, bottom: lastDated, right: col });
  return [
    {
      range: body(L.working),
      rule: { kind: "whole", min: 0, max: 1 },
      errorStyle: "stop",
      errorTitle: CALENDAR_COLUMNS.working,
      error: "请填写 1（工作日）或 0（休息），并把“来源”改为“用户”",
      prompt: "1 = 工作日，0 = 休息。改动后请把本行“来源”改为“用户”，刷新时原样保留。",
    },
    {
      range: body(L.origin),
      rule: { kind: "list", source: `"${CALENDAR_ORIGINS.official},${CALENDAR_ORIGINS.user}"` },
      errorStyle: "stop",
      errorTitle: CALENDAR_COLUMNS.origin,
      error: "请选择“官方”或“用户”",
    },
  ];
}

/** Rows edited by a person in blue, days off in grey, an edited 官方 row in amber (first). */
function calendarRules(): ConditionalRulePlan[] {
  const col = (c: number) => `$${String.fromCharCode(64 + c)}2`;
  const L = CALENDAR_LAYOUT;
  const [a, b, d, g] = [col(L.date), col(L.working), col(L.origin), col(L.official)];
  const official = `${d}="${CALENDAR_ORIGINS.official}"`;
  return [
    { formula: `AND(${official},N(${b})<>${g})`, fill: "FFFFE699" },
    { formula: `AND(${d}<>"${CALENDAR_ORIGINS.official}",${a}<>"")`, fill: "FFDDEBF7" },
    { formula: `IF(${official},${g},N(${b}))=0`, fill: "FFF2F2F2", fontColor: "FF808080" },
  ];
}

function columnName(n: string, col: number, top: number, bottom: number): NamePlan {
  return { name: n, sheet: CALENDAR_SHEET_NAME, range: { top, left: col, bottom: Math.max(top, bottom), right: col } };
}
