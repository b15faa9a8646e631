/**
 * The working-day calendar: China's official arrangement (holidays and 调休 make-up working
 * days, from the `chinese-days` package data) overlaid with the workbook's own overrides (the
 * 工作日历 sheet), which can correct a day or extend the calendar to a year the package does
 * not know yet.
 */
import chineseDays from "chinese-days/dist/chinese-days.json";
import type { IsoDate } from "./cell";
import { weekdayOf, yearOf } from "./dates";

/** One day the workbook declares working or not, whatever the official calendar says. */
export interface CalendarOverride {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly note?: string;
}

export interface WorkingCalendar {
  /** True when people work on this date. */
  isWorkingDay(date: IsoDate): boolean;
  /** True when the calendar knows the holiday arrangement of this year (officially or by override). */
  hasData(year: number): boolean;
  /** Years covered by the official data, ascending. */
  readonly officialYears: readonly number[];
}

/**
 * The package data: each map is keyed "YYYY-MM-DD" with a value like "National Day,国庆节,3".
 * `holidays` are days off, weekends inside a holiday included; `workdays` are the weekend days
 * made working (调休); `inLieuDays` are weekdays off in exchange — a subset of `holidays`.
 */
interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
  readonly inLieuDays: Readonly<Record<string, string>>;
}

interface OfficialCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly makeUpDays: ReadonlySet<string>;
  readonly years: readonly number[];
  readonly yearSet: ReadonlySet<number>;
}

let official: OfficialCalendar | undefined;

/** The official data as lookup sets, built on first use and shared by every calendar. */
function officialCalendar(): OfficialCalendar {
  if (official) return official;
  const data: ChineseDaysData = chineseDays;
  const holidays = new Set(Object.keys(data.holidays));
  // inLieuDays is documented as part of holidays; add it anyway so a data release that lists
  // a day only there still counts it as a day off.
  for (const day of Object.keys(data.inLieuDays)) holidays.add(day);
  const makeUpDays = new Set(Object.keys(data.workdays));
  const yearSet = new Set<number>();
  for (const day of holidays) yearSet.add(yearOf(day));
  for (const day of makeUpDays) yearSet.add(yearOf(day));
  const years = Object.freeze([...yearSet].sort((a, b) => a - b));
  official = { holidays, makeUpDays, years, yearSet };
  return official;
}

/**
 * True when a date is a working day by the official calendar alone: a weekday that is not a
 * holiday, or a make-up working day. Years without data count plain Monday–Friday.
 * @example isOfficialWorkingDay("2021-09-26") // true (Sunday made working for National Day)
 */
export function isOfficialWorkingDay(date: IsoDate): boolean {
  const cal = officialCalendar();
  if (cal.makeUpDays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
}

/**
 * A working calendar from the official data overlaid with overrides (an override decides its
 * date; when one date has several overrides the last one wins). hasData is true for the
 * years of the official data and for every year with at least one override.
 * @example createCalendar().isWorkingDay("2021-10-08") // true
 * @example createCalendar([{ date: "2021-10-08", working: false }]).isWorkingDay("2021-10-08") // false
 */
export function createCalendar(overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  const byDate = new Map<IsoDate, boolean>();
  const overrideYears = new Set<number>();
  for (const o of overrides) {
    byDate.set(o.date, o.working);
    overrideYears.add(yearOf(o.date));
  }
  const cal = officialCalendar();
  return {
    officialYears: cal.years,
    isWorkingDay(date: IsoDate): boolean {
      const override = byDate.get(date);
      return override ?? isOfficialWorkingDay(date);
    },
    hasData(year: number): boolean {
      return cal.yearSet.has(year) || overrideYears.has(year);
    },
  };
}
