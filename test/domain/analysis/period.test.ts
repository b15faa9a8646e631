import {
  datePeriod,
  inPeriod,
  parseSemester,
  periodYears,
  resolvePeriod,
  semesterOf,
  semesterPeriod,
} from "../../../src/domain/analysis/period";

describe("semesters", () => {
  it.each([
    ["2021-spring", "2021-02-01", "2021-07-31", "2021年春季学期"],
    ["2021-autumn", "2021-08-01", "2022-01-31", "2021年秋季学期"],
    ["2024-spring", "2024-02-01", "2024-07-31", "2024年春季学期"],
    [" 2021-Autumn ", "2021-08-01", "2022-01-31", "2021年秋季学期"],
  ])("%s runs from %s to %s", (text, from, to, label) => {
    const r = parseSemester(text);
    expect(r).toEqual({ ok: true, period: { from, to, semester: text.trim().toLowerCase(), label } });
  });

  it.each(["2021春", "2021-summer", "21-spring", "2021spring", "", "1899-spring", "spring-2021"])(
    "%j is not a semester, and the message says what to type",
    (text) => {
      const r = parseSemester(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe("semester-invalid");
        expect(r.message).toContain("2021-spring");
        expect(r.message).toContain("次年1月31日");
      }
    },
  );

  it.each([
    ["2021-07-31", "2021-spring"],
    ["2021-08-01", "2021-autumn"],
    ["2022-01-31", "2021-autumn"],
    ["2022-02-01", "2022-spring"],
    ["2021-12-31", "2021-autumn"],
    ["2021-01-01", "2020-autumn"],
  ])("%s falls in %s", (day, semester) => {
    expect(semesterOf(day).semester).toBe(semester);
  });
});

describe("membership: both ends included", () => {
  const spring = semesterPeriod(2021, "spring");
  const autumn = semesterPeriod(2021, "autumn");
  it.each([
    ["2021-01-31", spring, false],
    ["2021-02-01", spring, true],
    ["2021-07-31", spring, true],
    ["2021-08-01", spring, false],
    ["2021-07-31", autumn, false],
    ["2021-08-01", autumn, true],
    ["2021-12-31", autumn, true],
    ["2022-01-01", autumn, true],
    ["2022-01-31", autumn, true],
    ["2022-02-01", autumn, false],
    [null, autumn, false],
  ] as const)("%s in %j is %s", (day, period, inside) => {
    expect(inPeriod(day, period)).toBe(inside);
  });

  it("an autumn semester touches two calendar years", () => {
    expect(periodYears(autumn)).toEqual([2021, 2022]);
    expect(periodYears(spring)).toEqual([2021]);
  });
});

describe("periods from two dates", () => {
  it("labels the dates as official documents write them", () => {
    expect(datePeriod("2021-03-01", "2021-06-30")).toEqual({
      ok: true,
      period: { from: "2021-03-01", to: "2021-06-30", semester: null, label: "2021年3月1日至2021年6月30日" },
    });
  });

  it("a one-day period is a period", () => {
    expect(datePeriod("2021-03-01", "2021-03-01").ok).toBe(true);
  });
});

describe("reading what the person typed", () => {
  it.each([
    [{}, "period-missing", "--semester"],
    [{ semester: "2021-spring", from: "2021-03-01" }, "period-conflict", "不能"],
    [{ from: "2021-03-01" }, "period-incomplete", "缺少 --to"],
    [{ to: "2021-03-01" }, "period-incomplete", "缺少 --from"],
    [{ from: "2021-02-30", to: "2021-03-01" }, "period-date-invalid", "--from"],
    [{ from: "2021-03-01", to: "2021/6/30" }, "period-date-invalid", "--to"],
    [{ from: "2021-06-30", to: "2021-03-01" }, "period-reversed", "晚于"],
    [{ semester: "去年" }, "semester-invalid", "去年"],
  ])("%j is refused (%s) with a Chinese message", (request, code, words) => {
    const r = resolvePeriod(request);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(words);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("takes a semester or two dates", () => {
    expect(resolvePeriod({ semester: "2021-autumn" })).toMatchObject({ ok: true, period: { to: "2022-01-31" } });
    expect(resolvePeriod({ from: "2021-03-01", to: "2021-06-30" })).toMatchObject({ ok: true });
  });
});
