import type { SheetGrid } from "../../src/domain/cell";
import { analyzeRegistry } from "../../src/domain/analyze";
import { OFFICIAL_COLUMNS } from "../../src/domain/columns";
import { buildSetupPlan, calendarYears, newRegistrySheetPlan, type SetupPlan } from "../../src/domain/setup-plan";
import { REGISTRY_DATE_FORMAT, ROW_FORMULA_MARKERS } from "../../src/domain/registry-plan";
import { FORMER_WORKBOOK_NAMES } from "../../src/domain/workbook-names";
import { DASHBOARD_SHEET_NAME } from "../../src/domain/dashboard-plan";
import { WORKBOOK_NAMES } from "../../src/domain/workbook-names";
import { OFFICIAL_HEADERS, date, err, grid, registrySheet } from "./grid-helpers";

const TODAY = "2026-11-26";

function plan(grids: SheetGrid[], today = TODAY): SetupPlan {
  const analysis = analyzeRegistry(grids, today);
  if (!analysis) throw new Error("not a registry");
  return buildSetupPlan({ grids, analysis, today });
}

const sheetOf = (p: SetupPlan, name: string) => p.sheets.find((s) => s.name === name)!;

/** The official form only: title row, 14 headers, three items. */
const officialOnly = () =>
  registrySheet(
    [
      { 督办事项编号: "〔2026〕1号", 督办事项内容: "甲", 要求完成时间: date("2026-11-30"), 督办科室或单位: "办公室" },
      { 督办事项编号: "〔2026〕2号", 督办事项内容: "乙", 要求完成时间: "2026.12.5", 督办科室或单位: "教育科" },
      { 督办事项编号: "〔2026〕2号", 督办事项内容: "丙", 要求完成时间: 20261220 },
    ],
    { headers: OFFICIAL_HEADERS },
  );

describe("buildSetupPlan on a registry of the official form", () => {
  const p = plan([officialOnly()]);
  const reg = sheetOf(p, "督办事项登记表");

  it("plans the registry, the board, 设置 and 工作日历, in that order", () => {
    expect(p.sheets.map((s) => s.name)).toEqual(["督办事项登记表", DASHBOARD_SHEET_NAME, "设置", "工作日历"]);
  });

  it("adds the nine extension columns and the two helper columns to the right of 备注, headers only where empty", () => {
    expect(p.registry.addedColumns).toEqual([
      "承办单位",
      "事项来源",
      "重大事项",
      "签发领导",
      "办结日期",
      "延期至",
      "延期批准人",
      "报告日期",
      "状态",
      "截止日期",
      "剩余工作日",
    ]);
    const headers = reg.cells.filter((c) => c.row === 2);
    expect(headers.map((c) => c.col)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(headers.every((c) => c.mode === "ifEmpty" && c.styleFrom?.col === 14)).toBe(true);
    expect(p.registry.statusColumn).toBe(23);
  });

  it("puts the 状态 formula on every row from the first data row to a round row below the data", () => {
    const formulas = reg.cells.filter((c) => c.col === 23 && c.row > 2);
    expect(p.registry.lastFormattedRow).toBe(400);
    expect(formulas.map((c) => c.row)).toEqual(Array.from({ length: 398 }, (_, i) => i + 3));
    expect(formulas.every((c) => c.mode === "formula" && c.marker === ROW_FORMULA_MARKERS.status.marker)).toBe(true);
    expect((formulas[0].value as { f: string }).f).toContain("X3<TODAY()");
    const helpers = reg.cells.filter((c) => (c.col === 24 || c.col === 25) && c.row > 2);
    expect(helpers).toHaveLength(2 * 398);
    expect(helpers.find((c) => c.row === 3 && c.col === 24)?.value).toEqual({
      t: "formula",
      f: 'IF(ISNUMBER(T3),INT(T3),IF(ISNUMBER(H3),INT(H3),""))',
    });
  });

  it("never plans a typed value over a registry cell", () => {
    expect(reg.cells.filter((c) => c.mode === "owned")).toEqual([]);
  });

  it("validates the list and date columns down to the last formatted row", () => {
    const byCol = new Map(reg.validations.map((v) => [v.range.left, v]));
    expect(byCol.get(5)?.rule).toEqual({ kind: "list", source: '"特急,加急,一般"' });
    expect(byCol.get(5)?.errorStyle).toBe("stop");
    expect(byCol.get(9)?.rule).toEqual({ kind: "list", source: WORKBOOK_NAMES.sections });
    expect(byCol.get(10)?.errorStyle).toBe("information"); // 协办: free text allowed
    expect(byCol.get(13)?.errorStyle).toBe("information"); // 督办结果: free text allowed
    expect(byCol.get(8)?.rule).toEqual({ kind: "date", min: "1990-01-01", max: "2099-12-31" });
    expect(byCol.get(8)?.errorStyle).toBe("stop");
    expect(byCol.get(8)?.prompt).toContain("显示红色的单元格不是日期");
    const body = reg.validations.filter((v) => v.rule.kind !== "note");
    expect(body.every((v) => v.range.top === 3 && v.range.bottom === 400)).toBe(true);
  });

  it("puts a note stating the rules on the 状态 header, and notes on the helper headers", () => {
    const notes = reg.validations.filter((v) => v.rule.kind === "note");
    expect(notes.map((v) => [v.range.top, v.range.left, v.promptTitle])).toEqual([
      [2, 23, "状态"],
      [2, 24, "截止日期"],
      [2, 25, "剩余工作日"],
    ]);
    expect(notes[0].prompt).toContain("今天晚于截止日期→逾期");
    for (const v of reg.validations) expect((v.prompt ?? "").length).toBeLessThanOrEqual(255);
  });

  it("formats date columns 年月日, except a yyyymmdd number it would show as a far-off date", () => {
    const due = reg.numberFormats.filter((f) => f.range.left === 8);
    expect(due.map((f) => [f.range.top, f.range.bottom])).toEqual([
      [3, 4],
      [6, 400],
    ]);
    expect(due.every((f) => f.numFmt === REGISTRY_DATE_FORMAT)).toBe(true);
  });

  it("paints date cells that are not dates red, marks duplicate numbers, colours whole rows from 状态", () => {
    const formats = reg.conditionalFormats;
    const notDate = formats.slice(0, -2);
    expect(notDate.map((f) => f.range.left)).toEqual([7, 8, 12, 19, 20, 22]);
    expect(notDate[1].rules[0].formula).toBe('OR(AND(ISTEXT($H3),TRIM($H3)<>""),N($H3)>DATE(9999,12,31))');
    const [dup, rows] = formats.slice(-2);
    expect(dup.range).toEqual({ top: 3, left: 2, bottom: 400, right: 2 });
    expect(dup.rules[0].formula).toBe('AND(TRIM($B3)<>"",COUNTIF($B$3:$B$400,$B3)>1)');
    expect(rows.range).toEqual({ top: 3, left: 1, bottom: 400, right: 25 });
    expect(rows.rules.map((r) => r.formula)).toEqual(['$W3="已终止"', '$W3="已办结"', '$W3="逾期"', '$W3="临期"']);
    for (const r of formats.flatMap((f) => f.rules)) {
      expect(reg.conditionalFormatSignatures.some((s) => new RegExp(s).test(r.formula))).toBe(true);
    }
  });

  it("freezes the header and prints the 14 official columns landscape on A4 with the header repeated", () => {
    expect(reg.freeze).toEqual({ rows: 2 });
    expect(reg.print).toEqual({
      area: { top: 1, left: 1, bottom: 5, right: 14 },
      titleRows: { first: 1, last: 2 },
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
    });
  });

  it("lists the sections of 设置 and of the registry on the board", () => {
    const board = sheetOf(p, DASHBOARD_SHEET_NAME);
    const labels = board.cells.filter((c) => c.col === 1 && c.row > 13).map((c) => (c.value as { v: string }).v);
    expect(labels).toEqual(["办公室", "秘书科", "督导室", "组织科", "教育科", "其他或未填写", "合计"]);
    const count = board.cells.find((c) => c.row === 6 && c.col === 2)!.value;
    expect(count).toEqual({ t: "formula", f: 'COUNTIF(登记表状态,"逾期")' });
    const bySection = board.cells.find((c) => c.row === 14 && c.col === 3)!.value;
    expect(bySection).toEqual({ t: "formula", f: "COUNTIFS(登记表科室,$A14,登记表状态,C$13)" });
  });

  it("defines the names the formulas and lists use, and deletes the names of earlier versions", () => {
    expect(p.names.map((n) => n.name).sort()).toEqual(Object.values(WORKBOOK_NAMES).sort());
    expect(p.names.find((n) => n.name === "登记表状态")?.range).toEqual({ top: 3, left: 23, bottom: 400, right: 23 });
    expect(p.names.find((n) => n.name === "预警阈值")).toMatchObject({ sheet: "设置", range: { top: 4, left: 2 } });
    expect(p.obsoleteNames).toEqual(FORMER_WORKBOOK_NAMES);
  });

  it("writes no formula longer than 600 characters anywhere, and no 状态 formula longer than 400", () => {
    const formulas = p.sheets.flatMap((s) => [
      ...s.cells
        .filter((c) => c.value.t === "formula")
        .map((c) => [s.name, c.col, (c.value as { f: string }).f] as const),
      ...s.conditionalFormats.flatMap((f) => f.rules.map((r) => [s.name, 0, r.formula] as const)),
    ]);
    const longest = Math.max(...formulas.map(([, , f]) => f.length));
    expect(longest).toBeLessThanOrEqual(600);
    const status = formulas.filter(([sheet, col]) => sheet === "督办事项登记表" && col === 23);
    expect(status).toHaveLength(398);
    expect(Math.max(...status.map(([, , f]) => f.length))).toBeLessThanOrEqual(400);
  });

  it("says why the registry stays a plain range", () => {
    expect(p.registry.plainRangeReason).toContain("合并单元格");
  });
});

describe("buildSetupPlan on a registry that already has the product's columns", () => {
  const sheet = registrySheet([
    { 督办事项内容: "甲", 要求完成时间: date("2026-11-30"), 状态: "逾期" },
    { 督办事项内容: "重复的表头下一行" },
  ]);
  const rows = sheet.rows.map((r) => [...r]);
  // A repeated header row in the middle (printed registries often have one).
  rows.splice(4, 0, [...rows[1]]);
  const p = plan([{ name: sheet.name, rows }]);
  const reg = sheetOf(p, "督办事项登记表");

  it("adds only the helper columns", () => expect(p.registry.addedColumns).toEqual(["截止日期", "剩余工作日"]));

  it("writes no status formula on a repeated header row", () => {
    const statusRows = reg.cells.filter((c) => c.col === 23).map((c) => c.row);
    expect(statusRows).toContain(3);
    expect(statusRows).not.toContain(5);
    expect(statusRows).toContain(6);
  });
});

describe("notes on rows the formula would read differently", () => {
  const p = plan([
    registrySheet([
      { 督办事项内容: "全角", 要求完成时间: "２０２６-12-05" },
      { 督办事项内容: "太早", 要求完成时间: date("2012-03-01") },
      { 督办事项内容: "文字延期", 要求完成时间: date("2026-12-01"), 延期至: "2026年12月20日" },
      { 督办事项内容: "坏的延期", 要求完成时间: date("2026-12-01"), 延期至: err("#N/A") },
      { 督办事项内容: "数字日期", 要求完成时间: 20261220 },
      { 督办事项内容: "好的", 要求完成时间: date("2026-12-01") },
    ]),
  ]);

  it("names the row and column, and says a date typed as text is not a date", () => {
    expect(p.notes.map((n) => [n.row, n.column, n.code])).toEqual([
      [3, "要求完成时间", "not-a-date"],
      [4, "要求完成时间", "date-outside-calendar"],
      [5, "延期至", "not-a-date"],
      [7, "要求完成时间", "not-a-date"],
    ]);
    expect(p.notes[0].message).toContain("“２０２６-12-05”不是日期");
    expect(p.notes[0].message).toContain("2026-12-05");
  });
});

describe("the upgrade of a workbook set up by an earlier version", () => {
  const oldCalendar = grid("工作日历", [
    [
      "日期",
      "是否工作日",
      "类型",
      "来源",
      "说明",
      "星期",
      "官方是否工作日",
      "生效是否工作日",
      "累计工作日",
      "日历序",
      "日期键",
    ],
    [date("2026-01-01"), 0, "节假日", "官方", "元旦", "四", 0, 0, 0, 46023, "k2026-1-1"],
  ]);
  const p = plan([officialOnly(), oldCalendar]);

  it("says so, once, for the report", () => {
    expect(p.notes.filter((n) => n.code === "upgraded")).toHaveLength(1);
    expect(plan([officialOnly()]).notes.filter((n) => n.code === "upgraded")).toEqual([]);
  });

  it("clears the old helper columns (the calendar's generated block reaches column K) and shows them again", () => {
    const cal = sheetOf(p, "工作日历");
    expect(cal.owned).toEqual({ left: 1, right: 11, fromRow: 1 });
    expect(cal.columns.filter((c) => c.col >= 9 && c.col <= 11)).toEqual([
      { col: 9, hidden: false },
      { col: 10, hidden: false },
      { col: 11, hidden: false },
    ]);
    expect(cal.cells.filter((c) => c.row === 1 && c.col >= 9 && c.col <= 11)).toEqual([]);
  });
});

describe("calendarYears", () => {
  const item = (dueOn: string | null) =>
    ({ dueOn, issuedOn: null, signedOn: null, closedOn: null, extendedTo: null, reportedOn: null }) as never;
  const cases: [string, (string | null)[], string[], { first: number; last: number }][] = [
    ["today's year and the next when the registry is empty", [], [], { first: 2026, last: 2027 }],
    ["from the earliest deadline", ["2024-03-01", null], [], { first: 2024, last: 2027 }],
    ["to the year after the latest", ["2028-06-30"], [], { first: 2026, last: 2029 }],
    ["including the years of user calendar rows", [], ["2023-10-01"], { first: 2023, last: 2027 }],
    ["at most ten years back", ["2001-01-01"], [], { first: 2016, last: 2027 }],
    ["at most five years ahead (plus one)", ["2099-01-01"], [], { first: 2026, last: 2032 }],
  ];
  it.each(cases)("%s", (_, dues, overrides, expected) => {
    expect(calendarYears(dues.map(item), overrides, TODAY)).toEqual(expected);
  });
});

describe("newRegistrySheetPlan", () => {
  const p = newRegistrySheetPlan();
  it("has the title over the official columns and every header on row 2", () => {
    expect(p.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: OFFICIAL_COLUMNS.length }]);
    const headers = p.cells.filter((c) => c.row === 2).map((c) => (c.value as { v: string }).v);
    expect(headers.slice(0, 14)).toEqual(OFFICIAL_HEADERS);
    expect(headers.slice(-3)).toEqual(["状态", "截止日期", "剩余工作日"]);
  });

  it("is read back as a registry with no items", () => {
    const g = grid(
      "督办事项登记表",
      [1, 2].map((row) => {
        const cells = p.cells.filter((c) => c.row === row);
        const out: string[] = [];
        for (const c of cells) out[c.col - 1] = (c.value as { v: string }).v;
        return out;
      }),
    );
    const analysis = analyzeRegistry([g], TODAY);
    expect(analysis?.layout.headerRow).toBe(2);
    expect(analysis?.items).toEqual([]);
  });
});

describe("buildSetupPlan at ledger sizes", () => {
  it("plans 60,000 rows (180,000 formula cells) without overflowing the call stack", () => {
    const rows = Array.from({ length: 60000 }, (_, i) => ({
      督办事项编号: `〔2026〕${i + 1}号`,
      督办事项内容: `事项${i + 1}`,
      要求完成时间: date("2026-11-30"),
    }));
    const reg = sheetOf(plan([registrySheet(rows, { headers: OFFICIAL_HEADERS })]), "督办事项登记表");
    const status = reg.cells.filter((c) => c.col === 23 && c.row > 2);
    expect(status.length).toBeGreaterThanOrEqual(60000);
    expect(status.every((c) => c.mode === "formula" && c.marker === ROW_FORMULA_MARKERS.status.marker)).toBe(true);
  });
});
