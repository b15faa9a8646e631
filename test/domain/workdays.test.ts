import { createCalendar, type WorkingCalendar } from "../../src/domain/calendar";
import { addDays } from "../../src/domain/dates";
import { addWorkingDays, MAX_SPAN_DAYS, workingDaysBetween, workingDaysLeft } from "../../src/domain/workdays";

const cal = createCalendar();

/** The definition, counted the slow way: working days d with from < d ≤ to (negated when to < from). */
function naiveBetween(c: WorkingCalendar, from: string, to: string): number {
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(lo, 1); d <= hi; d = addDays(d, 1)) if (c.isWorkingDay(d)) count++;
  return sign > 0 ? count : 0 - count;
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A calendar that counts the questions it is asked. */
function counting(inner: WorkingCalendar): WorkingCalendar & { calls: number } {
  const c = {
    calls: 0,
    officialYears: inner.officialYears,
    hasData: (year: number) => inner.hasData(year),
    isWorkingDay(date: string) {
      c.calls++;
      return inner.isWorkingDay(date);
    },
  };
  return c;
}

describe("working days left", () => {
  it.each([
    ["0 when due today", "2021-11-03", "2021-11-03", 0],
    ["0 when due today on a holiday", "2021-10-03", "2021-10-03", 0],
    ["1 when due tomorrow, a working day", "2021-11-03", "2021-11-04", 1],
    ["5 across a plain week (Mon → next Mon)", "2021-11-01", "2021-11-08", 5],
    ["0 when due on Sunday after a Friday", "2021-11-05", "2021-11-07", 0],
    ["1 from the eve of National Day to the Friday after it", "2021-09-30", "2021-10-08", 1],
    ["2 to the make-up Saturday after National Day", "2021-09-30", "2021-10-09", 2],
    ["6 across National Day counting the make-up Sunday 09-26", "2021-09-24", "2021-10-08", 6],
    ["0 when only National Day holidays remain", "2021-10-01", "2021-10-07", 0],
    ["1 across the year end (2021-12-31 → 2022-01-04, Jan 1–3 off)", "2021-12-31", "2022-01-04", 1],
    ["2 across the year end from 2021-12-30", "2021-12-30", "2022-01-04", 2],
    ["2 across the 2026 Spring Festival (make-up Sat 02-14, then 02-24)", "2026-02-13", "2026-02-24", 2],
    ["-1 when overdue by the Friday after National Day", "2021-10-08", "2021-09-30", -1],
    ["-1 when overdue across the year end", "2022-01-04", "2021-12-31", -1],
    ["-5 when overdue by a plain week", "2021-11-08", "2021-11-01", -5],
    ["0 when overdue only by days off", "2021-10-05", "2021-09-30", 0],
  ])("%s", (_rule, today, deadline, left) => {
    expect(workingDaysLeft(cal, today, deadline)).toBe(left);
    expect(naiveBetween(cal, today, deadline)).toBe(left);
  });

  it("an override of a day off changes the count", () => {
    const withOverride = createCalendar([{ date: "2021-10-08", working: false }]);
    expect(workingDaysLeft(withOverride, "2021-09-30", "2021-10-08")).toBe(0);
    expect(workingDaysLeft(cal, "2021-09-30", "2021-10-08")).toBe(1);
  });

  it("agrees with the definition counted day by day on 2,000 random spans 2019–2028", () => {
    const next = random(20210930);
    const base = "2019-01-01";
    for (let i = 0; i < 2000; i++) {
      const a = addDays(base, Math.floor(next() * 3650));
      const b = addDays(a, Math.floor(next() * 120) - 60);
      const expected = naiveBetween(cal, a, b);
      if (workingDaysBetween(cal, a, b) !== expected) throw new Error(`${a} → ${b}: expected ${expected}`);
    }
  });

  it("stays right when questions jump between far-apart centuries (the index is rebuilt)", () => {
    const fresh = createCalendar([{ date: "2150-06-01", working: false }]);
    const spans: [string, string][] = [
      ["2021-09-24", "2021-10-08"],
      ["1950-01-01", "1950-03-01"],
      ["2150-05-20", "2150-06-10"],
      ["2021-12-31", "2022-01-04"],
      ["2150-06-10", "2150-05-20"],
      ["1950-03-01", "1950-01-01"],
      ["2026-02-13", "2026-02-24"],
    ];
    for (const [a, b] of spans) expect(workingDaysBetween(fresh, a, b)).toBe(naiveBetween(fresh, a, b));
  });

  it("is antisymmetric and adds up: between(a, b) + between(b, c) = between(a, c)", () => {
    const next = random(7);
    for (let i = 0; i < 500; i++) {
      const [a, b, c] = [0, 1, 2].map(() => addDays("2020-01-01", Math.floor(next() * 2500)));
      expect(workingDaysBetween(cal, b, a)).toBe(0 - workingDaysBetween(cal, a, b));
      expect(workingDaysBetween(cal, a, b) + workingDaysBetween(cal, b, c)).toBe(workingDaysBetween(cal, a, c));
    }
  });

  it("a deadline more than 20 years away is counted over 20 years only", () => {
    const capped = workingDaysLeft(cal, "2021-01-01", "2221-01-01");
    expect(capped).toBe(workingDaysLeft(cal, "2021-01-01", addDays("2021-01-01", MAX_SPAN_DAYS)));
    expect(capped).toBeGreaterThan(4800);
    expect(workingDaysLeft(cal, "2221-01-01", "2021-01-01")).toBe(
      workingDaysLeft(cal, "2221-01-01", addDays("2221-01-01", -MAX_SPAN_DAYS)),
    );
  });

  it("answers 10,000 questions over a 5-year span with a bounded number of calendar look-ups", () => {
    const c = counting(createCalendar());
    const next = random(1);
    for (let i = 0; i < 10000; i++) {
      const deadline = addDays("2021-01-01", Math.floor(next() * 1826));
      workingDaysLeft(c, "2026-01-01", deadline);
    }
    // One index over the span with padding, perhaps rebuilt a few times; never per question.
    expect(c.calls).toBeLessThan(20 * 1826);
  });

  it("gives NaN for a date that is not a valid IsoDate", () => {
    expect(workingDaysLeft(cal, "2021-02-30", "2021-03-05")).toBeNaN();
    expect(workingDaysBetween(cal, "2021-03-05", "明天")).toBeNaN();
  });
});

describe("adding working days", () => {
  it.each([
    ["0 working days is the date itself", "2021-11-03", 0, "2021-11-03"],
    ["0 working days from a holiday is the holiday", "2021-10-03", 0, "2021-10-03"],
    ["1 working day after Wednesday is Thursday", "2021-11-03", 1, "2021-11-04"],
    ["1 working day after Friday is Monday", "2021-11-05", 1, "2021-11-08"],
    ["1 working day after the eve of National Day is 10-08", "2021-09-30", 1, "2021-10-08"],
    ["2 working days after the eve of National Day is the make-up Saturday 10-09", "2021-09-30", 2, "2021-10-09"],
    ["5 working days (立项) from 2021-09-28 skip National Day", "2021-09-28", 5, "2021-10-11"],
    ["1 working day after Friday 09-24 is the make-up Sunday 09-26", "2021-09-24", 1, "2021-09-26"],
    ["1 working day after a holiday is the first working day after it", "2021-10-03", 1, "2021-10-08"],
    ["1 working day after 2021-12-31 is 2022-01-04", "2021-12-31", 1, "2022-01-04"],
    ["1 working day after 2026-02-13 is the make-up Saturday", "2026-02-13", 1, "2026-02-14"],
    ["2 working days after 2026-02-13 skip the Spring Festival", "2026-02-13", 2, "2026-02-24"],
    ["-1 working day from 10-08 is the eve of National Day", "2021-10-08", -1, "2021-09-30"],
    ["-1 working day from 2022-01-04 is 2021-12-31", "2022-01-04", -1, "2021-12-31"],
    ["a fractional count is truncated", "2021-11-03", 1.9, "2021-11-04"],
  ])("%s", (_rule, date, n, expected) => {
    expect(addWorkingDays(cal, date, n)).toBe(expected);
  });

  it("lands on a working day exactly n working days later, for n = 1 … 30 from every day of 2021 Q4", () => {
    for (let d = "2021-09-15"; d <= "2021-12-31"; d = addDays(d, 1)) {
      for (let n = 1; n <= 30; n++) {
        const result = addWorkingDays(cal, d, n);
        if (!cal.isWorkingDay(result) || workingDaysBetween(cal, d, result) !== n) {
          throw new Error(`${d} + ${n} gave ${result}`);
        }
      }
    }
  });

  it("stops after 20 years when the calendar has no working days", () => {
    const never: WorkingCalendar = { isWorkingDay: () => false, hasData: () => false, officialYears: [] };
    expect(addWorkingDays(never, "2021-01-01", 1)).toBe(addDays("2021-01-01", MAX_SPAN_DAYS));
    expect(addWorkingDays(never, "2021-01-01", -1)).toBe(addDays("2021-01-01", -MAX_SPAN_DAYS));
    expect(workingDaysLeft(never, "2021-01-01", "2021-12-31")).toBe(0);
  });

  it("an invalid date is returned as it is", () => {
    expect(addWorkingDays(cal, "2021-02-30", 3)).toBe("2021-02-30");
  });
});
