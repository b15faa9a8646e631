import type { CellValue } from "../../src/domain/cell";
import { parseDateCell } from "../../src/domain/dates";
import { calendarKindWorking } from "../../src/domain/calendar-sheet";
import { readCalendarOverrides, readSettings } from "../../src/domain/settings";
import {
  REST_KIND_TEXTS,
  WORKING_KIND_TEXTS,
  WORKING_NO_TEXTS,
  WORKING_YES_TEXTS,
  effectiveFlagFormula,
} from "../../src/domain/calendar-plan";
import {
  calendarKey,
  datePositionFormula,
  formulaCountsAsEvidence,
  formulaDateOf,
  formulaSaysClosed,
  formulaTerminated,
  formulaTextKey,
  formulaWarningDays,
  statusFormula,
  todayOrderFormula,
  warningDaysFormula,
} from "../../src/domain/status-formula";
import { grid } from "./grid-helpers";

const text = (v: string): CellValue => ({ t: "string", v });
const num = (v: number): CellValue => ({ t: "number", v });
const YEARS = { first: 2020, last: 2030 };

describe("formulaDateOf reads a cell as the engine does", () => {
  // Every one of these is read identically by parseDateCell and by the 状态 formula.
  const agree: [string, CellValue, string | null][] = [
    ["a real date", { t: "date", v: "2026-12-05" }, "2026-12-05"],
    ["a serial number", num(46361), "2026-12-05"],
    ["a serial with a time of day", num(46361.75), "2026-12-05"],
    ["yyyymmdd typed as a number", num(20261205), "2026-12-05"],
    ["an impossible yyyymmdd number", num(20260230), null],
    ["a yyyymmdd number with a fraction", num(20261205.5), null],
    ["ISO text", text("2026-12-05"), "2026-12-05"],
    ["ISO text without zeros", text("2026-1-5"), "2026-01-05"],
    ["slashes", text("2026/1/5"), "2026-01-05"],
    ["slashes with zeros", text("2026/01/05"), "2026-01-05"],
    ["dots", text("2026.12.5"), "2026-12-05"],
    ["dots in October", text("2026.10.10"), "2026-10-10"],
    ["Chinese", text("2026年12月5日"), "2026-12-05"],
    ["Chinese with zeros", text("2026年01月05日"), "2026-01-05"],
    ["Chinese with spaces", text("2026 年 12 月 5 日"), "2026-12-05"],
    ["Chinese with an ideographic space", text("2026年\u300012月5日"), "2026-12-05"],
    ["compact text", text("20261205"), "2026-12-05"],
    ["spaces around", text("  2026-12-05  "), "2026-12-05"],
    ["February 29 of a leap year", text("2028-02-29"), "2028-02-29"],
    ["February 29 of a common year", text("2026-02-29"), null],
    ["month 13", text("2026-13-01"), null],
    ["day 0", text("2026-12-00"), null],
    ["two-digit year", text("26-12-05"), null],
    ["a word", text("明天"), null],
    ["blank", { t: "empty" }, null],
    ["an error value", { t: "error", v: "#N/A" }, null],
    ["TRUE", { t: "bool", v: true }, null],
    ["serial 60 (the fictitious 1900-02-29)", num(60), null],
  ];
  it.each(agree)("%s", (_, cell, expected) => {
    const engine = parseDateCell(cell);
    expect(engine?.ok ? engine.date : null).toBe(expected);
    expect(formulaDateOf(cell, YEARS)).toBe(expected);
  });

  // Known differences: the plan reports these rows (formula-reads-differently).
  const differ: [string, CellValue][] = [
    ["full-width digits", text("２０２６-12-05")],
    ["mixed separators", text("2026/12-05")],
    ["a Chinese date without 日", text("2026年12月5")],
  ];
  it.each(differ)("differs from the engine on %s (reported, not hidden)", (_, cell) => {
    const engine = parseDateCell(cell);
    expect(formulaDateOf(cell, YEARS)).not.toBe(engine?.ok ? engine.date : null);
  });

  it("finds nothing for a date outside the calendar's years", () => {
    expect(formulaDateOf({ t: "date", v: "2019-12-31" }, YEARS)).toBeNull();
    expect(formulaDateOf({ t: "date", v: "2031-01-01" }, YEARS)).toBeNull();
    expect(formulaDateOf({ t: "date", v: "2030-12-31" }, YEARS)).toBe("2030-12-31");
  });

  it("computes the calendar key of text the way 日历键 writes it", () => {
    expect(formulaTextKey("2026年01月05日")).toBe(calendarKey("2026-01-05"));
    expect(formulaTextKey("20260105")).toBe("k2026-1-5");
    expect(calendarKey("2026-10-10")).toBe("k2026-10-10");
  });
});

describe("formula twins of 督办结果 agree with the engine", () => {
  const cases: [string, CellValue, boolean, boolean][] = [
    ["终止", text("终止"), true, false],
    ["终止 with spaces", text(" 终止 "), true, false],
    ["终止 with a line break", text("终止\n"), true, false],
    ["终止 with an ideographic space", text("\u3000终止"), true, false],
    ["终 止 (space inside)", text("终 止"), false, false],
    ["已终止", text("已终止"), true, false],
    ["已完成", text("已完成"), false, true],
    ["已落实", text("已落实"), false, true],
    ["部分办结", text("部分办结"), false, false],
    ["已报送 (unclear: open)", text("已报送"), false, false],
    ["按期办结", text("按期办结"), false, true],
    ["终止办结", text("终止办结"), false, true],
    ["未办结", text("未办结"), false, false],
    ["尚未办结，正在协调", text("尚未办结，正在协调"), false, false],
    ["blank", { t: "empty" }, false, false],
    ["an error value", { t: "error", v: "#N/A" }, false, false],
  ];
  it.each(cases)("%s", (_, cell, terminated, closed) => {
    expect(formulaTerminated(cell)).toBe(terminated);
    expect(formulaSaysClosed(cell)).toBe(closed);
  });
});

describe("formulaWarningDays reads 临期预警工作日 as readSettings does", () => {
  const cases: [string, CellValue, number][] = [
    ["a number", num(5), 5],
    ["zero", num(0), 0],
    ["thirty", num(30), 30],
    ["31 is out of range", num(31), 3],
    ["a fraction", num(2.5), 3],
    ["negative", num(-1), 3],
    ["text 5", text("5"), 5],
    ["5个工作日", text("5个工作日"), 5],
    ["5天", text("5天"), 5],
    ["5 日", text("5 日"), 5],
    ["a word", text("五"), 3],
    ["1e1", text("1e1"), 3],
    ["blank", { t: "empty" }, 3],
  ];
  it.each(cases)("%s", (_, cell, expected) => {
    const settings = readSettings({ name: "设置", rows: [[text("临期预警工作日"), cell]] }).settings;
    expect(settings.warningDays).toBe(expected);
    expect(formulaWarningDays(cell)).toBe(expected);
  });

  it("writes the default and the range into the formula", () => {
    const f = warningDaysFormula("临期预警工作日");
    expect(f).toContain("ISBLANK(临期预警工作日),3");
    expect(f).toContain("临期预警工作日<=30");
  });
});

describe("the 生效是否工作日 formula uses the value lists readCalendarOverrides uses", () => {
  it.each(WORKING_KIND_TEXTS)("类型 %s is a working day", (kind) => expect(calendarKindWorking(kind)).toBe(true));
  it.each(REST_KIND_TEXTS)("类型 %s is a day off", (kind) => expect(calendarKindWorking(kind)).toBe(false));

  const flag = (value: CellValue) =>
    readCalendarOverrides(
      grid("工作日历", [
        ["日期", "是否工作日", "类型", "来源"],
        [{ t: "date", v: "2027-01-01" }, value, "", "用户"],
      ]),
    ).overrides[0]?.working;
  it.each(WORKING_YES_TEXTS)("是否工作日 %s means working", (v) => expect(flag(text(v))).toBe(true));
  it.each(WORKING_NO_TEXTS)("是否工作日 %s means not working", (v) => expect(flag(text(v))).toBe(false));

  it("names every list in the formula", () => {
    const f = effectiveFlagFormula(7);
    for (const v of [...WORKING_YES_TEXTS, ...WORKING_NO_TEXTS, ...WORKING_KIND_TEXTS, ...REST_KIND_TEXTS]) {
      expect(f).toContain(`"${v}"`);
    }
    expect(f.startsWith('IF(SUBSTITUTE(TRIM(D7)," ","")="官方",G7,')).toBe(true);
  });
});

describe("statusFormula", () => {
  const columns = {
    result: 13,
    closedOn: 19,
    extendedTo: 20,
    dueOn: 8,
    evidence: [
      { left: 2, right: 22 },
      { left: 24, right: 24 },
    ],
  };

  it("reads its own row only, and the calendar through names", () => {
    const f = statusFormula(columns, 17);
    expect(f).toContain('COUNTIF(B17:V17,"?*")+COUNT(B17:V17)+COUNTIF(X17,"?*")+COUNT(X17)');
    expect(f).toContain('FIND({"办结","完成","办理完毕","已落实","落实完毕","已销号"},M17)');
    expect(f.match(/\b[A-Z]+\d+\b/g)?.every((ref) => ref.endsWith("17"))).toBe(true);
    for (const name of ["日历键", "日历日期", "日历序", "今日序", "预警阈值"]) expect(f).toContain(name);
  });

  it("tries 延期至 before 要求完成时间", () => {
    const f = statusFormula(columns, 3);
    expect(
      f.indexOf(`INDEX(日历序,IFERROR(${datePositionFormula("T3")},${datePositionFormula("H3")}))`),
    ).toBeGreaterThan(0);
  });

  it("stays within Excel's formula length and avoids functions that need a prefix", () => {
    const f = statusFormula(columns, 1048576);
    expect(f.length).toBeLessThan(8192);
    expect(f).not.toMatch(/\b(LET|XLOOKUP|IFS|SWITCH|UNICHAR|TEXTJOIN|FILTER|CONCAT)\(/);
  });

  it("without 延期至, 办结日期 or 督办结果 columns still gives a formula", () => {
    const f = statusFormula(
      { result: null, closedOn: null, extendedTo: null, dueOn: 8, evidence: [{ left: 3, right: 3 }] },
      4,
    );
    expect(f).toContain('IF(FALSE,"已终止",IF(FALSE,"已办结"');
    expect(f).toContain(datePositionFormula("H4"));
  });

  it("a row counts as an item for the formula when it holds any text or number", () => {
    expect(formulaCountsAsEvidence(text("x"))).toBe(true);
    expect(formulaCountsAsEvidence(num(0))).toBe(true);
    expect(formulaCountsAsEvidence({ t: "date", v: "2026-01-01" })).toBe(true);
    expect(formulaCountsAsEvidence(text(""))).toBe(false);
    expect(formulaCountsAsEvidence({ t: "error", v: "#N/A" })).toBe(false);
    expect(formulaCountsAsEvidence({ t: "bool", v: true })).toBe(false);
  });

  it("today's order uses the expression it is given", () => {
    expect(todayOrderFormula("DATE(2026,9,29)")).toBe(
      'COUNTIFS(日历日期,"<="&DATE(2026,9,29),日历工作日,1)*100000+DATE(2026,9,29)',
    );
  });
});
