import chineseDays from "chinese-days/dist/chinese-days.json";
import { createCalendar, isOfficialWorkingDay } from "../../src/domain/calendar";
import { addDays, weekdayOf } from "../../src/domain/dates";

const official = createCalendar();

/** Dates from first to last inclusive. */
function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}

describe("official calendar: 2021 National Day", () => {
  it.each(datesFrom("2021-10-01", "2021-10-07"))("%s is a holiday", (date) => {
    expect(official.isWorkingDay(date)).toBe(false);
  });
  it.each([
    ["Sunday 2021-09-26 is a make-up working day", "2021-09-26"],
    ["Saturday 2021-10-09 is a make-up working day", "2021-10-09"],
    ["Thursday 2021-09-30 before the holiday is a working day", "2021-09-30"],
    ["Friday 2021-10-08 after the holiday is a working day", "2021-10-08"],
  ])("%s", (_rule, date) => {
    expect(official.isWorkingDay(date)).toBe(true);
  });
  it.each([
    ["Saturday 2021-09-25 is a plain weekend day", "2021-09-25"],
    ["Sunday 2021-10-10 is a plain weekend day", "2021-10-10"],
  ])("%s", (_rule, date) => {
    expect(official.isWorkingDay(date)).toBe(false);
  });
});

describe("official calendar: 2026 Spring Festival", () => {
  // Data: holidays Sun 2026-02-15 … Mon 2026-02-23; make-up days Sat 02-14 and Sat 02-28.
  it.each(datesFrom("2026-02-15", "2026-02-23"))("%s is a holiday", (date) => {
    expect(official.isWorkingDay(date)).toBe(false);
  });
  it.each([
    ["Saturday 2026-02-14 is a make-up working day", "2026-02-14", 6],
    ["Saturday 2026-02-28 is a make-up working day", "2026-02-28", 6],
    ["Friday 2026-02-13 before the holiday is a working day", "2026-02-13", 5],
    ["Tuesday 2026-02-24 after the holiday is a working day", "2026-02-24", 2],
  ])("%s", (_rule, date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
    expect(official.isWorkingDay(date)).toBe(true);
  });
  it("Sunday 2026-03-01 after the second make-up Saturday is a plain weekend day", () => {
    expect(official.isWorkingDay("2026-03-01")).toBe(false);
  });
});

describe("official calendar against the package data", () => {
  it("every holiday in the data is a day off and every make-up day is a working day", () => {
    for (const date of Object.keys(chineseDays.holidays)) expect(isOfficialWorkingDay(date)).toBe(false);
    for (const date of Object.keys(chineseDays.workdays)) expect(isOfficialWorkingDay(date)).toBe(true);
    for (const date of Object.keys(chineseDays.inLieuDays)) expect(isOfficialWorkingDay(date)).toBe(false);
  });
  it("days not in the data follow the week: Monday–Friday work, weekends are off", () => {
    const listed = new Set([...Object.keys(chineseDays.holidays), ...Object.keys(chineseDays.workdays)]);
    for (const date of datesFrom("2021-01-01", "2022-12-31")) {
      if (listed.has(date)) continue;
      const weekday = weekdayOf(date);
      expect(official.isWorkingDay(date)).toBe(weekday >= 1 && weekday <= 5);
    }
  });
  it("the official years are the years of the data, from 2004, ascending and without holes", () => {
    const years = official.officialYears;
    const dataYears = new Set(Object.keys(chineseDays.holidays).map((d) => Number(d.slice(0, 4))));
    expect(years[0]).toBe(2004);
    expect(years).toContain(2021);
    expect(years).toContain(2026);
    expect([...years]).toEqual([...dataYears].sort((a, b) => a - b));
    years.forEach((year, i) => expect(year).toBe(2004 + i));
    for (const year of years) expect(official.hasData(year)).toBe(true);
    expect(official.hasData(2003)).toBe(false);
  });
});

describe("a year without data (2027 with today's package)", () => {
  const noDataYear = Math.max(...official.officialYears) + 1;
  it("is at least 2027", () => {
    expect(noDataYear).toBeGreaterThanOrEqual(2027);
  });
  it("has no data", () => {
    expect(official.hasData(noDataYear)).toBe(false);
  });
  it("counts plain weekdays: Monday–Friday work, even on January 1", () => {
    for (const date of datesFrom(`${noDataYear}-01-01`, `${noDataYear}-01-14`)) {
      const weekday = weekdayOf(date);
      expect(official.isWorkingDay(date)).toBe(weekday >= 1 && weekday <= 5);
    }
  });
});

describe("overrides", () => {
  it.each([
    ["an override makes a working Friday a day off", "2021-10-08", false],
    ["an override makes a National Day holiday a working day", "2021-10-04", true],
    ["an override makes a make-up Sunday a day off", "2021-09-26", false],
    ["an override makes a plain Saturday a working day", "2021-10-16", true],
  ])("%s", (_rule, date, working) => {
    expect(official.isWorkingDay(date)).toBe(!working);
    const cal = createCalendar([{ date, working, note: "单位安排" }]);
    expect(cal.isWorkingDay(date)).toBe(working);
    // Days around the override keep the official answer.
    expect(cal.isWorkingDay(addDays(date, 1))).toBe(official.isWorkingDay(addDays(date, 1)));
    expect(cal.isWorkingDay(addDays(date, -1))).toBe(official.isWorkingDay(addDays(date, -1)));
  });

  it("when a date is overridden twice, the last override wins", () => {
    const cal = createCalendar([
      { date: "2021-10-08", working: false },
      { date: "2021-10-08", working: true },
    ]);
    expect(cal.isWorkingDay("2021-10-08")).toBe(true);
  });

  it("overrides extend the calendar to a year without data and give it data", () => {
    const noDataYear = Math.max(...official.officialYears) + 1;
    const newYearsDay = `${noDataYear}-01-01`;
    const cal = createCalendar([{ date: newYearsDay, working: false, note: "元旦" }]);
    expect(official.hasData(noDataYear)).toBe(false);
    expect(cal.hasData(noDataYear)).toBe(true);
    expect(cal.hasData(noDataYear + 1)).toBe(false);
    expect(cal.isWorkingDay(newYearsDay)).toBe(false);
    expect(cal.officialYears).toEqual(official.officialYears);
  });

  it("calendars are independent: an override in one does not leak into another", () => {
    createCalendar([{ date: "2021-10-08", working: false }]);
    expect(createCalendar().isWorkingDay("2021-10-08")).toBe(true);
  });
});
