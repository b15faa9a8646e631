import type { CellValue } from "../../src/domain/cell";
import {
  addDays,
  compareIso,
  daysInMonth,
  formatChineseDate,
  fromDayNumber,
  isoToSerial,
  isValidIso,
  parseDateCell,
  parseDateText,
  serialToIso,
  toDayNumber,
  weekdayOf,
  yearOf,
} from "../../src/domain/dates";

describe("Excel serial numbers (1900 date system)", () => {
  it.each([
    ["serial 1 is 1900-01-01", 1, "1900-01-01"],
    ["serial 59 is 1900-02-28", 59, "1900-02-28"],
    ["serial 60 is the fictitious 1900-02-29", 60, null],
    ["serial 61 is 1900-03-01", 61, "1900-03-01"],
    ["serial 25569 is the Unix epoch", 25569, "1970-01-01"],
    ["serial 43831 is 2020-01-01", 43831, "2020-01-01"],
    ["serial 43890 is leap day 2020-02-29", 43890, "2020-02-29"],
    ["serial 44197 is 2021-01-01", 44197, "2021-01-01"],
    ["serial 44286 is 2021-03-31", 44286, "2021-03-31"],
    ["serial 45658 is 2025-01-01", 45658, "2025-01-01"],
    ["serial 2958465 is 9999-12-31, the last date Excel knows", 2958465, "9999-12-31"],
    ["a time of day is ignored (44286.75)", 44286.75, "2021-03-31"],
    ["a time just before midnight stays on the day (44286.9999)", 44286.9999, "2021-03-31"],
    ["a time on serial 1 is still 1900-01-01", 1.5, "1900-01-01"],
    ["a time on the fictitious day is still fictitious", 60.25, null],
    ["a time on the last day is still 9999-12-31", 2958465.5, "9999-12-31"],
    ["serial 0 is before the calendar", 0, null],
    ["a time on day 0 is before the calendar", 0.99, null],
    ["negative serials are before the calendar", -1, null],
    ["serial 2958466 is past 9999", 2958466, null],
    ["NaN is no date", NaN, null],
    ["infinity is no date", Infinity, null],
  ])("%s", (_rule, serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
  });

  it.each([
    ["1900-01-01 is serial 1", "1900-01-01", 1],
    ["1900-02-28 is serial 59", "1900-02-28", 59],
    ["1900-03-01 is serial 61 (after the fictitious day)", "1900-03-01", 61],
    ["2021-03-31 is serial 44286", "2021-03-31", 44286],
    ["9999-12-31 is serial 2958465", "9999-12-31", 2958465],
    ["dates before 1900 have no serial", "1899-12-31", NaN],
    ["an impossible date has no serial", "2021-02-29", NaN],
    ["text that is not ISO has no serial", "2021/3/5", NaN],
  ])("%s", (_rule, iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
  });

  it("serial → date → serial round-trips for every serial from 1 to 80000 except 60", () => {
    for (let serial = 1; serial <= 80000; serial++) {
      const iso = serialToIso(serial);
      if (serial === 60) {
        expect(iso).toBeNull();
        continue;
      }
      if (iso === null || isoToSerial(iso) !== serial) throw new Error(`serial ${serial} gave ${iso}`);
    }
  });

  it("serials from 61 on agree with JavaScript's UTC calendar (epoch 1899-12-30)", () => {
    const epoch = Date.UTC(1899, 11, 30);
    for (let serial = 61; serial <= 2958465; serial += 997) {
      const expected = new Date(epoch + serial * 86400000).toISOString().slice(0, 10);
      if (serialToIso(serial) !== expected) throw new Error(`serial ${serial}: ${serialToIso(serial)} ≠ ${expected}`);
    }
  });
});

describe("day numbers", () => {
  it("every day from 1600 to 2400 agrees with JavaScript's UTC calendar, both ways", () => {
    const first = Date.UTC(1600, 0, 1) / 86400000;
    const last = Date.UTC(2400, 11, 31) / 86400000;
    for (let day = first; day <= last; day++) {
      const expected = new Date(day * 86400000).toISOString().slice(0, 10);
      const iso = fromDayNumber(day);
      if (iso !== expected || toDayNumber(iso) !== day) throw new Error(`day ${day}: ${iso} ≠ ${expected}`);
    }
  });
  it("an invalid date has no day number", () => {
    expect(toDayNumber("2021-13-01")).toBeNaN();
  });
});

describe("ISO dates", () => {
  it.each([
    ["a real date is valid", "2021-03-05", true],
    ["leap day of a leap year is valid", "2020-02-29", true],
    ["leap day of 2000 (divisible by 400) is valid", "2000-02-29", true],
    ["leap day of 1900 (century) is not valid", "1900-02-29", false],
    ["leap day of a common year is not valid", "2021-02-29", false],
    ["April has no 31st", "2021-04-31", false],
    ["month 13 is not valid", "2021-13-01", false],
    ["month 00 is not valid", "2021-00-10", false],
    ["day 00 is not valid", "2021-01-00", false],
    ["year 0000 is not valid", "0000-01-01", false],
    ["single-digit month is not ISO", "2021-3-05", false],
    ["slashes are not ISO", "2021/03/05", false],
    ["a time suffix is not a date", "2021-03-05T00:00", false],
    ["surrounding spaces are not ISO", " 2021-03-05", false],
    ["empty text is not a date", "", false],
  ])("%s: %j", (_rule, text, valid) => {
    expect(isValidIso(text)).toBe(valid);
  });

  it.each([
    [2021, 2, 28],
    [2020, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2021, 4, 30],
    [2021, 12, 31],
    [2021, 13, 0],
    [2021, 0, 0],
  ])("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    ["a day later crosses the year", "2021-12-31", 1, "2022-01-01"],
    ["a day later reaches leap day", "2020-02-28", 1, "2020-02-29"],
    ["a day after 2021-02-28 is March", "2021-02-28", 1, "2021-03-01"],
    ["365 days after 2020-01-01 is still 2020 (leap year)", "2020-01-01", 365, "2020-12-31"],
    ["negative days go back across the year", "2022-01-01", -1, "2021-12-31"],
    ["zero days is the same date", "2021-10-01", 0, "2021-10-01"],
  ])("%s", (_rule, iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it("dates sort by compareIso", () => {
    expect(["2021-10-07", "2020-12-31", "2021-09-26"].sort(compareIso)).toEqual([
      "2020-12-31",
      "2021-09-26",
      "2021-10-07",
    ]);
    expect(compareIso("2021-10-01", "2021-10-01")).toBe(0);
    expect(compareIso("2021-10-01", "2021-10-02")).toBeLessThan(0);
    expect(compareIso("2022-01-01", "2021-12-31")).toBeGreaterThan(0);
  });

  it.each([
    ["1970-01-01 was a Thursday", "1970-01-01", 4],
    ["1900-01-01 was a Monday", "1900-01-01", 1],
    ["2000-02-29 was a Tuesday", "2000-02-29", 2],
    ["2021-09-26 was a Sunday", "2021-09-26", 0],
    ["2021-10-09 was a Saturday", "2021-10-09", 6],
    ["1960-06-15 (before the epoch) was a Wednesday", "1960-06-15", 3],
  ])("%s", (_rule, iso, weekday) => {
    expect(weekdayOf(iso)).toBe(weekday);
  });

  it.each([
    ["2021-04-30", 2021, "2021年4月30日"],
    ["2021-03-05", 2021, "2021年3月5日"],
    ["2022-10-01", 2022, "2022年10月1日"],
    ["1999-12-31", 1999, "1999年12月31日"],
  ])("%s is in year %i and written %s", (iso, year, chinese) => {
    expect(yearOf(iso)).toBe(year);
    expect(formatChineseDate(iso)).toBe(chinese);
  });
});

describe("dates typed as text", () => {
  it.each([
    ["ISO", "2021-03-05", "2021-03-05"],
    ["dashes without leading zeros", "2021-3-5", "2021-03-05"],
    ["slashes", "2021/3/5", "2021-03-05"],
    ["slashes with leading zeros", "2021/03/05", "2021-03-05"],
    ["dots", "2021.3.5", "2021-03-05"],
    ["年月日", "2021年3月5日", "2021-03-05"],
    ["年月日 with leading zeros", "2021年03月05日", "2021-03-05"],
    ["年月日 with spaces between the parts", "2021 年 3 月 5 日", "2021-03-05"],
    ["年月日 with ideographic spaces", "2021年\u30003月\u30005日", "2021-03-05"],
    ["compact yyyymmdd", "20210305", "2021-03-05"],
    ["surrounding spaces", "  2021-03-05 ", "2021-03-05"],
    ["full-width digits", "２０２１年３月５日", "2021-03-05"],
    ["full-width digits and slashes", "２０２１／３／５", "2021-03-05"],
    ["full-width compact", "２０２１０３０５", "2021-03-05"],
    ["leap day of a leap year", "2020-02-29", "2020-02-29"],
    ["年月日 of the last day of the year", "2021年12月31日", "2021-12-31"],
    ["年月号 (号 for 日)", "2021年4月30号", "2021-04-30"],
    ["a time after a dashed date", "2021-04-30 17:00", "2021-04-30"],
    ["a time with seconds", "2021/4/30 09:05:30", "2021-04-30"],
    ["an ISO time", "2021-04-30T17:00:00", "2021-04-30"],
    ["a Chinese time after 日", "2021年4月30日17时", "2021-04-30"],
    ["a Chinese time with 下午 and minutes", "2021年4月30日 下午5点30分", "2021-04-30"],
    ["a Chinese time after 号", "2021年4月30号17:00", "2021-04-30"],
  ])("reads %s: %j", (_rule, text, date) => {
    expect(parseDateText(text)).toEqual({ ok: true, date });
  });

  it.each([
    ["month 13 and day 40 are impossible", "2021/13/40"],
    ["2021-02-29 is impossible (2021 is no leap year)", "2021-02-29"],
    ["2021年2月30日 is impossible", "2021年2月30日"],
    ["April 31 is impossible", "2021.4.31"],
    ["month 0 is impossible", "2021-0-5"],
    ["day 0 is impossible", "2021年3月0日"],
    ["an impossible compact date", "20211340"],
    ["1900-02-29 is impossible", "1900-02-29"],
    ["year 0000 is impossible", "0000-01-01"],
  ])("%s", (_rule, text) => {
    expect(parseDateText(text)).toEqual({ ok: false, problem: "impossible", text });
  });

  it.each([
    ["a word", "明天"],
    ["empty text", ""],
    ["only spaces", "   "],
    ["a two-digit year", "21/3/5"],
    ["mixed separators", "2021-3/5"],
    ["day-month-year order", "05/03/2021"],
    ["month and day only", "3月5日"],
    ["year and month only", "2021年3月"],
    ["a time without a space", "2021-03-0510:00"],
    ["a deadline with 前", "2021-03-05前"],
    ["Chinese numerals", "二〇二一年三月五日"],
    ["seven digits", "2021035"],
    ["three-digit month", "2021-003-05"],
    ["年月 without 日", "2021年3月5"],
    ["a serial number typed as text", "44286"],
  ])("never guesses %s: %j", (_rule, text) => {
    expect(parseDateText(text)).toEqual({ ok: false, problem: "unparseable", text: text.trim() });
  });
});

describe("dates in cells", () => {
  const n = (v: number): CellValue => ({ t: "number", v });
  it.each<[string, CellValue, ReturnType<typeof parseDateCell>]>([
    ["an empty cell is no date", { t: "empty" }, null],
    ["a cell of spaces is no date", { t: "string", v: " \u3000 " }, null],
    ["a date cell passes through", { t: "date", v: "2021-03-31" }, { ok: true, date: "2021-03-31" }],
    [
      "a broken date cell is unparseable",
      { t: "date", v: "2021-02-30" },
      { ok: false, problem: "unparseable", text: "2021-02-30" },
    ],
    ["a serial number is a date", n(44286), { ok: true, date: "2021-03-31" }],
    ["a serial with a time is its date", n(44286.5), { ok: true, date: "2021-03-31" }],
    ["serial 60 is fictitious", n(60), { ok: false, problem: "fictitious", text: "60" }],
    ["serial 60 with a time is fictitious", n(60.5), { ok: false, problem: "fictitious", text: "60.5" }],
    ["serial 0 is unparseable", n(0), { ok: false, problem: "unparseable", text: "0" }],
    ["a negative number is unparseable", n(-5), { ok: false, problem: "unparseable", text: "-5" }],
    ["a number past 9999-12-31 is unparseable", n(2958466), { ok: false, problem: "unparseable", text: "2958466" }],
    ["an 8-digit integer is yyyymmdd", n(20210331), { ok: true, date: "2021-03-31" }],
    ["19000101 is yyyymmdd", n(19000101), { ok: true, date: "1900-01-01" }],
    ["99991231 is yyyymmdd", n(99991231), { ok: true, date: "9999-12-31" }],
    ["an impossible yyyymmdd is impossible", n(20210229), { ok: false, problem: "impossible", text: "20210229" }],
    [
      "an 8-digit number below 19000101 is unparseable",
      n(18991231),
      { ok: false, problem: "unparseable", text: "18991231" },
    ],
    [
      "a fractional 8-digit number is unparseable",
      n(20210331.5),
      { ok: false, problem: "unparseable", text: "20210331.5" },
    ],
    ["text is read as text", { t: "string", v: "2021年3月31日" }, { ok: true, date: "2021-03-31" }],
    ["bad text is unparseable", { t: "string", v: "待定" }, { ok: false, problem: "unparseable", text: "待定" }],
    [
      "impossible text is impossible",
      { t: "string", v: "2021/2/29" },
      { ok: false, problem: "impossible", text: "2021/2/29" },
    ],
    ["TRUE is unparseable", { t: "bool", v: true }, { ok: false, problem: "unparseable", text: "TRUE" }],
    [
      "an error value is unparseable",
      { t: "error", v: "#VALUE!" },
      { ok: false, problem: "unparseable", text: "#VALUE!" },
    ],
  ])("%s", (_rule, cell, expected) => {
    expect(parseDateCell(cell)).toEqual(expected);
  });
});
