/**
 * The figures of a 督办分析报告 against a ledger whose every row carries, by hand, its outcome,
 * section and semester (ledger-fixture): the expected counts are tallied here from those labels.
 */
import { analyzeRegistry } from "../../../src/domain/analyze";
import { ledgerFigures, NO_SECTION, onTimeRate, orderSections } from "../../../src/domain/analysis/figures";
import { itemOutcome } from "../../../src/domain/analysis/outcome";
import { parseSemester, semesterPeriod, type Period } from "../../../src/domain/analysis/period";
import { readRemindLog } from "../../../src/domain/documents/remind-log";
import { readAccountabilityLog } from "../../../src/domain/accountability/log";
import { createCalendar } from "../../../src/domain/calendar";
import {
  LEDGER,
  ledgerGrids,
  measureGrid,
  rowOf,
  SETTINGS_SECTIONS,
  TODAY,
  urgingGrid,
  expectedFigures,
} from "./ledger-fixture";

const analysis = analyzeRegistry(ledgerGrids(), TODAY);
if (!analysis) throw new Error("the fixture is a registry");
const urgings = readRemindLog(urgingGrid()).entries;
const records = readAccountabilityLog(measureGrid()).entries;

function figuresOf(period: Pick<Period, "from" | "to">) {
  return ledgerFigures({
    items: analysis!.items,
    period,
    today: TODAY,
    calendar: analysis!.calendar,
    warningDays: analysis!.settings.warningDays,
    sectionOrder: analysis!.settings.sections,
    urgings,
    records,
  });
}

describe("the outcome of every row on 2 August 2021, as labelled by hand", () => {
  it("the fixture reads as one item per row", () => {
    expect(analysis.items.map((i) => i.row)).toEqual(LEDGER.map((_, i) => rowOf(i)));
  });

  it.each(LEDGER.map((r, i) => [r.spec["督办事项编号"], r.expected, i] as const))("%s is %s", (_n, expected, i) => {
    const o = itemOutcome(analysis.items[i], TODAY, analysis.calendar, 3);
    expect(o.outcome).toBe(expected);
    if (LEDGER[i].late !== undefined) expect(o.workingDaysLate).toBe(LEDGER[i].late);
    expect(o.basis === "assumed").toBe(LEDGER[i].assumed === true);
  });
});

describe.each(["2020-autumn", "2021-spring", "2021-autumn", "2022-spring"] as const)(
  "the figures of %s",
  (semester) => {
    const parsed = parseSemester(semester);
    if (!parsed.ok) throw new Error(semester);
    const figures = figuresOf(parsed.period);
    const rows = LEDGER.filter((r) => r.semester === semester);

    it("in total", () => {
      expect(figures.total).toEqual(expectedFigures(rows));
    });

    it("by section, in the order of 设置 then as they appear, the blank section last", () => {
      const sections = [...new Set(rows.map((r) => r.section))];
      expect(figures.sections.map((s) => s.section)).toEqual(orderSections(sections, SETTINGS_SECTIONS));
      for (const s of figures.sections) {
        expect(s).toEqual({ section: s.section, ...expectedFigures(rows.filter((r) => r.section === s.section)) });
      }
    });

    it("lists the overdue items, latest first", () => {
      const expected = rows
        .map((r) => ({ r, row: rowOf(LEDGER.indexOf(r)) }))
        .filter(({ r }) => r.expected === "overdue")
        .sort((a, b) => (b.r.late ?? 0) - (a.r.late ?? 0) || a.row - b.row)
        .map(({ r, row }) => [row, r.late]);
      expect(figures.overdue.map((o) => [o.row, o.workingDaysLate])).toEqual(expected);
    });

    it("counts the items without 任务下达时间 as left out", () => {
      expect(figures.undated).toBe(LEDGER.filter((r) => r.semester === null).length);
    });
  },
);

describe("spring 2021 as an office reads it", () => {
  const spring = figuresOf(semesterPeriod(2021, "spring"));
  it("has the sections of 设置 first, then 组织科, then the blank one", () => {
    expect(spring.sections.map((s) => s.section)).toEqual(["督导室", "办公室", "组织科", NO_SECTION]);
  });
  it("counts 办公室 with a trailing full-width space as 办公室", () => {
    // Rows 2–7: 〔2021〕2号 … 7号, the last typed "办公室\u3000".
    expect(spring.sections.find((s) => s.section === "办公室")?.items).toBe(6);
  });
  it("gives 督导室 an on-time rate over the items not terminated", () => {
    // 8 items, 1 terminated, 3 on time (按期办结, 已办结 before the deadline, 办结 assumed).
    expect(spring.sections[0]).toMatchObject({ items: 8, terminated: 1, closedOnTime: 3 });
    expect(spring.sections[0].onTimeRate).toBeCloseTo(3 / 7, 10);
  });
});

describe("the on-time rate", () => {
  it.each([
    [{ items: 8, terminated: 1, closedOnTime: 6 }, 6 / 7],
    [{ items: 2, terminated: 2, closedOnTime: 0 }, null],
    [{ items: 0, terminated: 0, closedOnTime: 0 }, null],
    [{ items: 3, terminated: 0, closedOnTime: 0 }, 0],
  ])("%j → %s", (f, rate) => {
    expect(onTimeRate(f)).toBe(rate);
  });

  it("is null for a period without items", () => {
    const empty = figuresOf({ from: "2030-02-01", to: "2030-07-31" });
    expect(empty.total.onTimeRate).toBeNull();
    expect(empty.sections).toEqual([]);
  });
});

describe("urgings and measures dated after today do not count", () => {
  it("item 3 was urged only after today", () => {
    const spring = figuresOf(semesterPeriod(2021, "spring"));
    expect(spring.total.urged).toBe(4);
    const late = ledgerFigures({
      items: analysis.items,
      period: semesterPeriod(2021, "spring"),
      today: "2021-08-06",
      calendar: createCalendar(),
      warningDays: 3,
      sectionOrder: [],
      urgings,
      records,
    });
    expect(late.total.urged).toBe(5);
  });
});
