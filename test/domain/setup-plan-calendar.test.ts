import type { CellValue, SheetGrid } from "../../src/domain/cell";
import { createCalendar, isOfficialWorkingDay } from "../../src/domain/calendar";
import { readCalendarOverrides } from "../../src/domain/calendar-read";
import { CALENDAR_LAYOUT as L, buildCalendarPlan, officialDay } from "../../src/domain/calendar-plan";
import type { CellPlan } from "../../src/domain/setup-plan";
import { date, grid } from "./grid-helpers";

const YEARS = { first: 2026, last: 2027 };

function build(g?: SheetGrid) {
  return buildCalendarPlan({ grid: g, years: YEARS, todayFormula: "TODAY()" });
}

/** The planned cells as a grid (formulas left empty), to read back like the engine. */
function asGrid(cells: readonly CellPlan[]): SheetGrid {
  const rows: CellValue[][] = [];
  for (const c of cells) {
    while (rows.length < c.row) rows.push([]);
    const row = rows[c.row - 1];
    while (row.length < c.col) row.push({ t: "empty" });
    row[c.col - 1] = c.value.t === "formula" ? { t: "empty" } : c.value;
  }
  return { name: "工作日历", rows };
}

const at = (cells: readonly CellPlan[], row: number, col: number) =>
  cells.find((c) => c.row === row && c.col === col)?.value;

describe("a new 工作日历", () => {
  const plan = build();
  const rowOf = (iso: string) =>
    plan.sheet.cells.find((c) => c.col === L.date && c.value.t === "date" && c.value.v === iso)!.row;

  it("lists every date of the years, one per row, from row 2", () => {
    expect(rowOf("2026-01-01")).toBe(2);
    expect(rowOf("2027-12-31")).toBe(2 + 365 + 365 - 1);
    expect(plan.names.find((n) => n.name === "日历日期")?.range).toEqual({ top: 2, left: 1, bottom: 731, right: 1 });
  });

  it.each([
    ["2026-10-01", 0, "节假日", "国庆节"],
    ["2026-10-10", 1, "调休上班", "国庆节调休"],
    ["2026-02-14", 1, "调休上班", "春节调休"],
    ["2026-02-17", 0, "节假日", "春节"],
    ["2026-11-26", 1, "工作日", ""],
    ["2026-11-28", 0, "休息日", ""],
    ["2027-01-01", 1, "工作日", ""], // no official data for 2027: a Friday counts as working
  ])("%s is %i (%s %s), 来源 官方", (iso, flag, kind, note) => {
    const r = rowOf(iso);
    expect(at(plan.sheet.cells, r, L.working)).toEqual({ t: "number", v: flag });
    expect(at(plan.sheet.cells, r, L.kind)).toEqual({ t: "string", v: kind });
    expect(at(plan.sheet.cells, r, L.origin)).toEqual({ t: "string", v: "官方" });
    expect(at(plan.sheet.cells, r, L.note)).toEqual({ t: "string", v: note });
    expect(at(plan.sheet.cells, r, L.official)).toEqual({ t: "number", v: flag });
  });

  it("agrees with the official calendar on every date", () => {
    for (const c of plan.sheet.cells.filter((x) => x.col === L.date && x.row > 1)) {
      const iso = (c.value as { v: string }).v;
      expect([iso, (at(plan.sheet.cells, c.row, L.official) as { v: number }).v]).toEqual([
        iso,
        isOfficialWorkingDay(iso) ? 1 : 0,
      ]);
      expect(officialDay(iso).working).toBe(isOfficialWorkingDay(iso));
    }
  });

  it("says which years have official data", () => {
    const info = plan.sheet.cells.filter((c) => c.col === 14).map((c) => (c.value as { v?: string }).v);
    expect(info[1]).toContain("2026年");
    expect(info[2]).toContain("2027年");
    expect(createCalendar().hasData(2027)).toBe(false);
  });

  it("is read back by the engine as no overrides at all", () => {
    expect(readCalendarOverrides(asGrid(plan.sheet.cells))).toEqual({ overrides: [], issues: [] });
  });

  it("counts working days as a running sum: one short formula per row, the same shape on every row", () => {
    const counts = plan.sheet.cells.filter((c) => c.col === L.count && c.row > 1);
    expect(counts).toHaveLength(730);
    for (const c of counts) {
      const f = (c.value as { f: string }).f;
      expect(f).toBe(`N(H${c.row - 1})+IF(D${c.row}="官方",G${c.row},N(B${c.row}))`);
    }
    const all = plan.sheet.cells.filter((c) => c.value.t === "formula").map((c) => (c.value as { f: string }).f);
    expect(all.filter((f) => /COUNTIFS?\(/.test(f))).toEqual([]);
  });

  it("grows linearly: ten times the years, ten times the formula text", () => {
    const text = (p: ReturnType<typeof build>) =>
      p.sheet.cells.filter((c) => c.value.t === "formula").reduce((n, c) => n + (c.value as { f: string }).f.length, 0);
    const one = text(
      buildCalendarPlan({ grid: undefined, years: { first: 2026, last: 2026 }, todayFormula: "TODAY()" }),
    );
    const ten = text(
      buildCalendarPlan({ grid: undefined, years: { first: 2017, last: 2026 }, todayFormula: "TODAY()" }),
    );
    expect(ten / one).toBeGreaterThan(9);
    expect(ten / one).toBeLessThan(12);
  });

  it("names the dates, the running count and today's count", () => {
    expect(plan.names.map((n) => n.name)).toEqual([
      "日历日期",
      "日历累计",
      "今日累计",
      "办结用语",
      "未办用语",
      "终止用语",
    ]);
    expect(plan.names[1].range).toEqual({ top: 2, left: L.count, bottom: 731, right: L.count });
    expect(at(plan.sheet.cells, 4, 14)).toEqual({ t: "formula", f: "LOOKUP(TODAY(),日历日期,日历累计)" });
  });

  it("refuses anything but 1/0 in 是否工作日 and 官方/用户 in 来源", () => {
    expect(plan.sheet.validations.map((v) => [v.range.left, v.rule, v.errorStyle])).toEqual([
      [L.working, { kind: "whole", min: 0, max: 1 }, "stop"],
      [L.origin, { kind: "list", source: '"官方,用户"' }, "stop"],
    ]);
  });
});

describe("a 工作日历 with the user's rows", () => {
  const existing = grid("工作日历", [
    ["日期", "是否工作日", "类型", "来源", "说明"],
    [date("2026-01-01"), 0, "节假日", "官方", "元旦"],
    [date("2026-12-31"), 0, "工作日", "官方", "改了却没改来源"],
    ["2027-01-01", 0, "节假日", "用户", "元旦（自行补充）"],
    [date("2027-02-06"), "是", "", "", "春节调休（自行补充）"],
    [date("2027-02-07"), 1, "", "用户", "先写的"],
    [date("2027-02-07"), 0, "", "用户", "后写的"],
    ["2027-02-30", 0, "节假日", "用户", "不存在的日期"],
  ]);
  const plan = build(existing);
  const after = asGrid(plan.sheet.cells);
  const rowOf = (iso: string) =>
    plan.sheet.cells.filter((c) => c.col === L.date && c.value.t === "date" && c.value.v === iso).map((c) => c.row);

  it("keeps the same overrides as the engine read them before", () => {
    const before = readCalendarOverrides(existing).overrides;
    const read = readCalendarOverrides(after).overrides;
    const byDate = (list: typeof before) => [...list].sort((a, b) => (a.date < b.date ? -1 : 1));
    expect(byDate(read)).toEqual(byDate(before));
  });

  it("keeps every value typed in a user row, with its date as a real date", () => {
    const r = after.rows.findIndex((row) => row[0]?.t === "date" && row[0].v === "2027-01-01");
    expect(after.rows[r].slice(0, 5)).toEqual([
      { t: "date", v: "2027-01-01" },
      { t: "number", v: 0 },
      { t: "string", v: "节假日" },
      { t: "string", v: "用户" },
      { t: "string", v: "元旦（自行补充）" },
    ]);
  });

  it("writes a user row's flag as 1 or 0 (what the running count reads), and its blank 来源 as 用户, and says so", () => {
    const [r] = rowOf("2027-02-06");
    expect(at(plan.sheet.cells, r, L.working)).toEqual({ t: "number", v: 1 });
    expect(at(plan.sheet.cells, r, L.origin)).toEqual({ t: "string", v: "用户" });
    expect(plan.notes.find((n) => n.code === "calendar-flag-written")).toMatchObject({ row: r });
  });

  it("keeps one row per date in the block; rows not in force go above it, before the row that overrides them", () => {
    const [kept, inForce] = rowOf("2027-02-07");
    expect([kept, at(plan.sheet.cells, kept, L.note)]).toEqual([2, { t: "string", v: "先写的" }]);
    expect(at(plan.sheet.cells, inForce, L.note)).toEqual({ t: "string", v: "后写的" });
    expect(after.rows[2][0]).toEqual({ t: "string", v: "2027-02-30" });
    expect(plan.names[0].range.top).toBe(4);
    expect(at(plan.sheet.cells, kept, L.count)).toBeUndefined();
    expect(plan.notes.filter((n) => n.code === "calendar-row-not-in-force").map((n) => n.row)).toEqual([2, 3]);
  });

  it("keeps and reports a 官方 row whose 是否工作日 a person changed", () => {
    const [r] = rowOf("2026-12-31");
    expect(at(plan.sheet.cells, r, L.working)).toEqual({ t: "number", v: 0 });
    expect(at(plan.sheet.cells, r, L.official)).toEqual({ t: "number", v: 1 });
    expect(plan.notes.find((n) => n.code === "calendar-official-edited")).toMatchObject({ row: r });
  });

  it("regenerates the same sheet from its own output", () => {
    const again = build(after);
    expect(again.sheet.cells).toEqual(plan.sheet.cells);
    expect(again.names).toEqual(plan.names);
  });
});
