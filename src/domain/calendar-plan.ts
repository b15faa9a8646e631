/**
 * The 工作日历 part of the setup plan: one row per date of the years in use, whether it is a
 * working day (official holiday data from chinese-days, weekdays for years without data),
 * with the user's rows (来源 not 官方) kept as typed, plus hidden helper columns the 状态
 * formula reads and a note saying which years have official data.
 *
 *   A 日期 | B 是否工作日 | C 类型 | D 来源 | E 说明 | F 星期 | G–K helpers (hidden) | M–N notes
 *
 * Helpers, per dated row r:
 *   G 官方是否工作日  the official flag (1/0), written by the setup;
 *   H 生效是否工作日  formula: the flag readCalendarOverrides + createCalendar give the date —
 *                    G for 官方 rows, else 是否工作日 when readable (1/0, 是/否 …), else the
 *                    类型 (调休上班, 节假日 …), else G; 0 for a user row another later user row
 *                    of the same date overrides;
 *   I 累计工作日      formula: working days (H) on or before the date;
 *   J 日历序          formula: I × 100000 + the date serial (see status-formula.ts);
 *   K 日期键          "kYYYY-M-D", what a date typed as text is matched against.
 *
 * The sheet is generated: a refresh rewrites it in date order. A user row keeps every value
 * typed in it (its 日期 is written as a real date); a 官方 row whose 是否工作日 a person
 * changed keeps that value too (it does not count, as in the engine) and is reported.
 */
import chineseDays from "chinese-days/dist/chinese-days.json";
import { cellText, isBlank, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import { createCalendar, isOfficialWorkingDay } from "./calendar";
import {
  CALENDAR_COLUMNS,
  CALENDAR_KINDS,
  CALENDAR_ORIGINS,
  CALENDAR_SHEET_NAME,
  CALENDAR_WORKING_VALUES,
  calendarKindWorking,
} from "./calendar-sheet";
import { normalizeHeader } from "./columns";
import { addDays, parseDateCell, weekdayOf } from "./dates";
import { calendarKey, todayOrderFormula, warningDaysFormula } from "./status-formula";
import type { CellPlan, NamePlan, PlanNote, PlanStyle, SheetPlan } from "./setup-plan-types";
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
  effective: 8,
  cumulative: 9,
  order: 10,
  key: 11,
  infoLabel: 13,
  infoValue: 14,
} as const;

/** Headers of the helper columns (none of them is a header readCalendarOverrides knows). */
export const CALENDAR_HELPER_HEADERS = {
  weekday: "星期",
  official: "官方是否工作日",
  effective: "生效是否工作日",
  cumulative: "累计工作日",
  order: "日历序",
  key: "日期键",
} as const;

/** Rows of the note block (M–N). */
export const CALENDAR_INFO_ROWS = {
  officialYears: 2,
  missingYears: 3,
  warningDays: 4,
  todayOrder: 5,
  howTo: 6,
} as const;

/** 是否工作日 values readCalendarOverrides reads as yes / no (its parseYesNo), upper case. */
export const WORKING_YES_TEXTS: readonly string[] = ["是", "√", "✓", "✔", "Y", "YES", "TRUE", "1"];
export const WORKING_NO_TEXTS: readonly string[] = ["否", "×", "✗", "N", "NO", "FALSE", "0", "不是"];
/** 类型 values calendarKindWorking reads as a working day / a day off. */
export const WORKING_KIND_TEXTS: readonly string[] = ["调休上班", "工作日", "调休", "补班", "上班"];
export const REST_KIND_TEXTS: readonly string[] = ["节假日", "休息日", "假日", "放假", "休息", "周末"];

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];
const DATE_FMT = "yyyy-mm-dd";
/** Helper numbers that derive from dates must not be shown as dates. */
const NUMBER: PlanStyle = { numFmt: "0" };
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

/** One row of an existing 工作日历 sheet. */
interface ExistingRow {
  readonly row: number;
  readonly date: IsoDate | null;
  readonly cells: Readonly<Record<"date" | "working" | "kind" | "origin" | "note", CellValue>>;
  readonly user: boolean;
}

const EMPTY: CellValue = { t: "empty" };

/** The rows of an existing 工作日历 sheet, as readCalendarOverrides sees them. */
function readExisting(grid: SheetGrid | undefined): ExistingRow[] {
  if (grid === undefined) return [];
  const headerIndex = grid.rows
    .slice(0, 10)
    .findIndex((cells) => cells.some((c) => normalizeHeader(cellText(c)) === CALENDAR_COLUMNS.date));
  if (headerIndex < 0) return [];
  const columns: Partial<Record<keyof typeof CALENDAR_COLUMNS, number>> = {};
  grid.rows[headerIndex].forEach((cell, i) => {
    const key = (Object.keys(CALENDAR_COLUMNS) as (keyof typeof CALENDAR_COLUMNS)[]).find(
      (k) => CALENDAR_COLUMNS[k] === normalizeHeader(cellText(cell)),
    );
    if (key !== undefined && columns[key] === undefined) columns[key] = i + 1;
  });
  const rows: ExistingRow[] = [];
  for (let r = headerIndex + 1; r < grid.rows.length; r++) {
    const at = (key: keyof typeof CALENDAR_COLUMNS): CellValue =>
      columns[key] === undefined ? EMPTY : (grid.rows[r][columns[key] - 1] ?? EMPTY);
    const cells = {
      date: at("date"),
      working: at("working"),
      kind: at("kind"),
      origin: at("origin"),
      note: at("note"),
    };
    if (Object.values(cells).every((c) => isBlank(c))) continue;
    const parsed = parseDateCell(cells.date);
    const date = parsed?.ok ? parsed.date : null;
    const origin = normalizeHeader(cellText(cells.origin));
    const kindKnown = calendarKindWorking(cellText(cells.kind)) !== undefined;
    const user = columns.origin === undefined ? kindKnown : origin !== CALENDAR_ORIGINS.official;
    rows.push({ row: r + 1, date, cells, user });
  }
  return rows;
}

/** True when readCalendarOverrides takes a flag from this row (是否工作日 readable, or a known 类型). */
function userRowReadable(row: ExistingRow): boolean {
  const w = row.cells.working;
  if (w.t === "bool") return true;
  if (w.t === "number" && (w.v === 0 || w.v === 1)) return true;
  const t = normalizeHeader(cellText(w)).toUpperCase();
  if (WORKING_YES_TEXTS.includes(t) || WORKING_NO_TEXTS.includes(t)) return true;
  return calendarKindWorking(cellText(row.cells.kind)) !== undefined;
}

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

/** Result of the 工作日历 part. */
export interface CalendarPlan {
  readonly sheet: SheetPlan;
  readonly names: readonly NamePlan[];
  readonly notes: readonly PlanNote[];
}

/** Inputs of the 工作日历 part. */
export interface CalendarPlanInput {
  readonly grid: SheetGrid | undefined;
  readonly years: { readonly first: number; readonly last: number };
  /** TODAY() in a workbook; another date expression to evaluate it as of another day. */
  readonly todayFormula: string;
}

/**
 * The 工作日历 part of the setup plan.
 * @example buildCalendarPlan({ grid: undefined, years: { first: 2026, last: 2027 }, todayFormula: "TODAY()" }).names[0]
 *   // { name: "日历日期", sheet: "工作日历", range: { top: 2, left: 1, bottom: 731, right: 1 } }
 */
export function buildCalendarPlan(input: CalendarPlanInput): CalendarPlan {
  const L = CALENDAR_LAYOUT;
  const existing = readExisting(input.grid);
  const notes: PlanNote[] = [];
  const userByDate = new Map<IsoDate, ExistingRow[]>();
  const officialByDate = new Map<IsoDate, ExistingRow>();
  const undated: ExistingRow[] = [];
  for (const row of existing) {
    if (row.date === null) {
      if (row.user) undated.push(row);
      continue;
    }
    if (row.user) userByDate.set(row.date, [...(userByDate.get(row.date) ?? []), row]);
    else officialByDate.set(row.date, row);
  }
  const dates: IsoDate[] = [];
  for (let d = `${input.years.first}-01-01`; d <= `${input.years.last}-12-31`; d = addDays(d, 1)) dates.push(d);
  for (const d of userByDate.keys()) if (d < dates[0] || d > dates[dates.length - 1]) dates.push(d);
  dates.sort();

  const cells: CellPlan[] = [];
  const put = (row: number, col: number, value: CellValue | { t: "formula"; f: string }, style?: PlanStyle) =>
    cells.push({ row, col, value, mode: "owned", ...(style ? { style } : {}) });
  const text = (v: string): CellValue => ({ t: "string", v });
  const num = (v: number): CellValue => ({ t: "number", v });

  const headers: [number, string][] = [
    [L.date, CALENDAR_COLUMNS.date],
    [L.working, CALENDAR_COLUMNS.working],
    [L.kind, CALENDAR_COLUMNS.kind],
    [L.origin, CALENDAR_COLUMNS.origin],
    [L.note, CALENDAR_COLUMNS.note],
    [L.weekday, CALENDAR_HELPER_HEADERS.weekday],
    [L.official, CALENDAR_HELPER_HEADERS.official],
    [L.effective, CALENDAR_HELPER_HEADERS.effective],
    [L.cumulative, CALENDAR_HELPER_HEADERS.cumulative],
    [L.order, CALENDAR_HELPER_HEADERS.order],
    [L.key, CALENDAR_HELPER_HEADERS.key],
  ];
  for (const [col, header] of headers) put(1, col, text(header), HEADER_STYLE);

  let r = 2;
  const dated = (date: IsoDate, source: ExistingRow | null, winner: boolean) => {
    const official = officialDay(date);
    put(r, L.date, { t: "date", v: date }, { numFmt: DATE_FMT });
    if (source !== null && source.user) {
      put(r, L.working, source.cells.working);
      put(r, L.kind, source.cells.kind);
      put(r, L.origin, source.cells.origin);
      put(r, L.note, source.cells.note);
    } else {
      const typed = source?.cells.working;
      const flag = official.working ? CALENDAR_WORKING_VALUES.working : CALENDAR_WORKING_VALUES.notWorking;
      const keep = typed !== undefined && !isBlank(typed) && !(typed.t === "number" && typed.v === flag);
      if (keep) {
        notes.push({
          sheet: CALENDAR_SHEET_NAME,
          row: r,
          column: CALENDAR_COLUMNS.working,
          code: "calendar-official-edited",
          message: `${date} 的“是否工作日”被改为“${cellText(typed)}”，但“来源”仍为“官方”，因此未生效；如要改动，请把“来源”改为“用户”`,
        });
      }
      put(r, L.working, keep ? typed : num(flag));
      put(r, L.kind, text(official.kind));
      put(r, L.origin, text(CALENDAR_ORIGINS.official));
      put(r, L.note, text(official.note));
    }
    put(r, L.weekday, text(WEEKDAYS[weekdayOf(date)]));
    put(r, L.official, num(official.working ? 1 : 0));
    put(r, L.effective, winner ? { t: "formula", f: effectiveFlagFormula(r) } : num(0));
    put(r, L.cumulative, {
      t: "formula",
      f: `COUNTIFS(${WORKBOOK_NAMES.calendarDates},"<="&${colRef(L.date, r)},${WORKBOOK_NAMES.calendarWorking},1)`,
    });
    put(r, L.order, { t: "formula", f: `${colRef(L.cumulative, r)}*100000+${colRef(L.date, r)}` }, NUMBER);
    put(r, L.key, text(calendarKey(date)));
    r += 1;
  };
  for (const date of dates) {
    const users = userByDate.get(date);
    if (users === undefined) dated(date, officialByDate.get(date) ?? null, true);
    else {
      // The engine takes the last readable user row of a date (an unreadable one is skipped).
      const readable = users.filter(userRowReadable);
      const winner = readable.length > 0 ? readable[readable.length - 1] : users[users.length - 1];
      users.forEach((u) => dated(date, u, u === winner));
    }
  }
  const lastDated = r - 1;
  // A user row whose date cannot be read: kept as typed, below the dates (it counts nowhere).
  for (const u of undated) {
    put(r, L.date, u.cells.date);
    put(r, L.working, u.cells.working);
    put(r, L.kind, u.cells.kind);
    put(r, L.origin, u.cells.origin);
    put(r, L.note, u.cells.note);
    r += 1;
  }

  const officialYears = createCalendar().officialYears;
  const years: number[] = [];
  for (let y = input.years.first; y <= input.years.last; y++) years.push(y);
  const withData = years.filter((y) => officialYears.includes(y));
  const withoutData = years.filter((y) => !officialYears.includes(y));
  const I = CALENDAR_INFO_ROWS;
  put(1, L.infoLabel, text("项目"), HEADER_STYLE);
  put(1, L.infoValue, text("内容"), HEADER_STYLE);
  put(I.officialYears, L.infoLabel, text("有官方节假日数据的年份"));
  put(I.officialYears, L.infoValue, text(`${yearRanges(withData)}（国务院办公厅节假日安排，来自 chinese-days 数据）`));
  put(I.missingYears, L.infoLabel, text("没有官方数据的年份"));
  put(
    I.missingYears,
    L.infoValue,
    text(
      withoutData.length === 0
        ? "无"
        : `${yearRanges(withoutData)}（暂按周一至周五为工作日；安排公布后请更新，或在本表逐日改为“用户”行）`,
    ),
  );
  put(I.warningDays, L.infoLabel, text("临期预警工作日（生效值）"));
  put(I.warningDays, L.infoValue, { t: "formula", f: warningDaysFormula(WORKBOOK_NAMES.warningDaysInput) });
  put(I.todayOrder, L.infoLabel, text("今日序（状态公式使用）"));
  put(I.todayOrder, L.infoValue, { t: "formula", f: todayOrderFormula(input.todayFormula) }, NUMBER);
  put(I.howTo, L.infoLabel, text("如何修改"));
  put(
    I.howTo,
    L.infoValue,
    text("在该日期所在行修改“是否工作日”（1 工作日，0 休息），并把“来源”改为“用户”；刷新时用户行原样保留。"),
  );

  const names: NamePlan[] = [
    name(WORKBOOK_NAMES.calendarDates, L.date, lastDated),
    name(WORKBOOK_NAMES.calendarWorking, L.effective, lastDated),
    name(WORKBOOK_NAMES.calendarOrder, L.order, lastDated),
    name(WORKBOOK_NAMES.calendarKeys, L.key, lastDated),
    cellName(WORKBOOK_NAMES.warningDays, I.warningDays, L.infoValue),
    cellName(WORKBOOK_NAMES.todayOrder, I.todayOrder, L.infoValue),
  ];
  const sheet: SheetPlan = {
    name: CALENDAR_SHEET_NAME,
    owned: { left: L.date, right: L.key, fromRow: 2 },
    cells,
    merges: [],
    columns: [
      { col: L.date, width: 12 },
      { col: L.working, width: 11 },
      { col: L.kind, width: 10 },
      { col: L.origin, width: 7 },
      { col: L.note, width: 16 },
      { col: L.weekday, width: 6 },
      ...[L.official, L.effective, L.cumulative, L.order, L.key].map((col) => ({ col, width: 10, hidden: true })),
      { col: L.infoLabel, width: 26 },
      { col: L.infoValue, width: 70 },
    ],
    numberFormats: [],
    validations: [],
    conditionalFormats: [
      {
        range: { top: 2, left: L.date, bottom: Math.max(2, lastDated), right: L.weekday },
        rules: [
          {
            formula: `AND($${letter(L.origin)}2<>"${CALENDAR_ORIGINS.official}",$${letter(L.date)}2<>"")`,
            fill: "FFDDEBF7",
          },
          { formula: `$${letter(L.effective)}2=0`, fill: "FFF2F2F2", fontColor: "FF808080" },
        ],
      },
    ],
    conditionalFormatSignatures: [".*"],
    freeze: { rows: 1 },
  };
  return { sheet, names, notes };
}

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

function colRef(col: number, row: number): string {
  return `${letter(col)}${row}`;
}

function name(n: string, col: number, lastRow: number): NamePlan {
  return {
    name: n,
    sheet: CALENDAR_SHEET_NAME,
    range: { top: 2, left: col, bottom: Math.max(2, lastRow), right: col },
  };
}

function cellName(n: string, row: number, col: number): NamePlan {
  return { name: n, sheet: CALENDAR_SHEET_NAME, range: { top: row, left: col, bottom: row, right: col } };
}

function textList(values: readonly string[]): string {
  return `{${values.map((v) => `"${v}"`).join(",")}}`;
}

/**
 * 生效是否工作日 of row r (see the top of this file): the engine's reading of a 工作日历 row.
 * @example effectiveFlagFormula(2).startsWith('IF(SUBSTITUTE(TRIM(D2)," ","")="官方",G2,') // true
 */
export function effectiveFlagFormula(r: number): string {
  const L = CALENDAR_LAYOUT;
  const B = colRef(L.working, r);
  const C = colRef(L.kind, r);
  const D = colRef(L.origin, r);
  const G = colRef(L.official, r);
  const trimmed = (ref: string) => `SUBSTITUTE(TRIM(${ref})," ","")`;
  return (
    `IF(${trimmed(D)}="${CALENDAR_ORIGINS.official}",${G},` +
    `IF(AND(ISNUMBER(${B}),${B}=1),1,IF(AND(ISNUMBER(${B}),${B}=0),0,` +
    `IF(OR(${trimmed(B)}=${textList(WORKING_YES_TEXTS)}),1,IF(OR(${trimmed(B)}=${textList(WORKING_NO_TEXTS)}),0,` +
    `IF(OR(${trimmed(C)}=${textList(WORKING_KIND_TEXTS)}),1,IF(OR(${trimmed(C)}=${textList(REST_KIND_TEXTS)}),0,${G})))))))`
  );
}
