import type { CellRange, SheetGrid } from "../../src/domain/cell";
import { analyzeRegistry } from "../../src/domain/analyze";
import { skipReasonOf } from "../../src/domain/ledger-rows";
import { locateRegistry, readRegistry } from "../../src/domain/registry";
import { OFFICIAL_HEADERS, cell, date, grid, type Cellish } from "./grid-helpers";

const box = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });
const TODAY = "2026-12-02";

/** Official columns: 1 序号 2 编号 3 内容 … 7 下达 8 完成 9 督办科室 … 11 负责人 … 13 结果 14 备注; 承办单位 is 15. */
const HEADERS = [...OFFICIAL_HEADERS, "承办单位"];
const row = (values: Readonly<Record<number, Cellish>>): Cellish[] =>
  Array.from({ length: HEADERS.length }, (_, i) => values[i + 1] ?? null);
const item = (seq: number, number: string, due: string, extra: Readonly<Record<number, Cellish>> = {}) =>
  row({ 1: seq, 2: number, 3: `事项${seq}`, 7: date(`${due.slice(0, 4)}-01-04`), 8: date(due), 9: "督导室", ...extra });

function read(g: SheetGrid) {
  const layout = locateRegistry([g]);
  if (!layout) throw new Error("no registry");
  return readRegistry(g, layout);
}

describe("items over several rows", () => {
  // Rows 3–4: one item (编号, 内容 merged), 承办单位 per row; row 5 an item of its own.
  const rows: Cellish[][] = [
    [...HEADERS],
    item(1, "〔2026〕1号", "2026-11-30", { 11: "王五", 15: "江津中学" }),
    row({ 11: "赵六", 15: "江津二中", 13: "未办结" }),
    item(2, "〔2026〕2号", "2026-12-31"),
  ];
  const merges = [box(2, 1, 3, 1), box(2, 2, 3, 2), box(2, 3, 3, 3), box(2, 7, 3, 7), box(2, 8, 3, 8), box(2, 9, 3, 9)];

  it.each([
    ["known (the merges decide)", merges],
    ["unknown (the fallback rule)", undefined],
  ] as const)("merges %s: one item, 承办单位 and 负责人 collected, the continuation row reported", (_label, m) => {
    const g: SheetGrid =
      m === undefined ? grid("督办事项登记表", rows) : { ...grid("督办事项登记表", rows), merges: m };
    const { items, issues, reading } = read(g);
    expect(items.map((i) => [i.row, i.lastRow, i.number, i.hostUnit, i.hostHead, i.result])).toEqual([
      [2, 3, "〔2026〕1号", "江津中学、江津二中", "王五、赵六", "未办结"],
      [4, undefined, "〔2026〕2号", "", "", ""],
    ]);
    expect(issues).toEqual([]);
    expect(reading.continuations).toEqual([{ row: 3, itemRow: 2 }]);
    expect(reading.mergesKnown).toBe(m !== undefined);
  });

  it("with merges known, an unmerged row holding only 承办单位 is an item of its own (and its defects are reported)", () => {
    const g: SheetGrid = { ...grid("督办事项登记表", rows), merges: [] };
    const { items, issues } = read(g);
    expect(items.map((i) => i.row)).toEqual([2, 3, 4]);
    expect(issues).toEqual([]);
    const analysis = analyzeRegistry([g], TODAY);
    expect(analysis?.issues.filter((i) => i.row === 3).map((i) => i.code)).toContain("required-missing");
  });

  it("a continuation row's unreadable date is reported on its own row", () => {
    const bad = rows.map((r) => [...r]);
    bad[2][11] = "下周";
    const { issues } = read({ ...grid("督办事项登记表", bad), merges });
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, "签收日期", "date-unparseable"]]);
  });
});

describe("rows that are not items", () => {
  it.each<[string, Cellish[], string | null]>([
    ["合计", ["合计", null, "共6项"], "total"],
    ["合 计 with a space", ["合 计"], "total"],
    ["小计：3项", ["小计：3项"], "total"],
    ["总计", [null, null, "总计"], "total"],
    ["制表人：", ["制表人：张三", null, null, "审核人：李四"], "footer"],
    ["审核人 in the middle of the row", [null, null, "填报日期：2026年12月1日", "审核人：李四"], "footer"],
    ["注：", ["注：1. 本表每月5日前报送"], "note"],
    ["说明：", ["说明：逾期事项标红"], "note"],
    ["an item", [1, "〔2021〕1号", "合计发放补助"], null],
    ["注意 is not a note", ["注意校园安全"], null],
  ])("%s", (_label, cells, reason) => {
    expect(skipReasonOf(cells.map(cell))?.reason ?? null).toBe(reason);
  });

  it("合计 rows, footers, notes and a repeated header are skipped, reported, never items, never errors", () => {
    const rows: Cellish[][] = [
      ["督办事项登记表"],
      [...HEADERS],
      item(1, "〔2026〕1号", "2026-11-30"),
      item(2, "", "2026-12-04"),
      [...HEADERS],
      item(3, "〔2026〕3号", "2026-12-31"),
      row({ 1: "合计", 3: "共3项", 9: "3个科室" }),
      row({ 1: "制表人：张三", 9: "审核人：李四" }),
      row({ 3: "2026年12月1日" }),
      row({ 1: "注：本表每月报送" }),
    ];
    const analysis = analyzeRegistry([grid("督办事项登记表", rows)], TODAY);
    expect(analysis?.items.map((i) => i.row)).toEqual([3, 4, 6]);
    expect(analysis?.issues).toEqual([]);
    expect(analysis?.ledgers[0].skipped).toEqual([
      { row: 5, reason: "repeated-header", text: "重复的表头" },
      { row: 7, reason: "total", text: "合计" },
      { row: 8, reason: "footer", text: "制表人：张三" },
      { row: 9, reason: "note", text: "2026年12月1日" },
      { row: 10, reason: "note", text: "注：本表每月报送" },
    ]);
  });

  it("after a footer, a row with a number or content is an item again", () => {
    const rows: Cellish[][] = [
      [...HEADERS],
      item(1, "〔2026〕1号", "2026-11-30"),
      row({ 1: "制表人：张三" }),
      item(2, "〔2026〕2号", "2026-11-30"),
    ];
    expect(analyzeRegistry([grid("s", rows)], TODAY)?.items.map((i) => i.row)).toEqual([2, 4]);
  });
});

describe("several ledger sheets", () => {
  const sheet = (name: string, ...items: Cellish[][]) => grid(name, [[...HEADERS], ...items]);

  it("items carry their sheet; numbers are unique per year across sheets; --sheet narrows items and issues", () => {
    const grids = [
      grid("汇总", [["年度", "件数"]]),
      sheet("2021年", item(1, "〔2021〕1号", "2021-04-30"), item(2, "〔2021〕2号", "2021-05-31")),
      sheet("2022年", item(1, "〔2021〕2号", "2022-04-30"), item(2, "〔2022〕1号", "2022-05-31")),
    ];
    const all = analyzeRegistry(grids, TODAY);
    expect(all?.ledgers.map((l) => l.layout.sheetName)).toEqual(["2021年", "2022年"]);
    expect(all?.items.map((i) => [i.sheet, i.row])).toEqual([
      ["2021年", 2],
      ["2021年", 3],
      ["2022年", 2],
      ["2022年", 3],
    ]);
    expect(all?.issues.map((i) => [i.sheet, i.row, i.code])).toEqual([
      ["2021年", 3, "number-duplicate"],
      ["2022年", 2, "number-duplicate"],
    ]);
    expect(all?.issues[0].message).toContain("工作表“2022年”第2行");
    const narrow = analyzeRegistry(grids, TODAY, { sheet: "2022年" });
    expect(narrow?.items.map((i) => i.sheet)).toEqual(["2022年", "2022年"]);
    expect(narrow?.issues.map((i) => [i.sheet, i.row])).toEqual([["2022年", 2]]);
    expect(narrow?.allItems).toHaveLength(4);
    expect(analyzeRegistry(grids, TODAY, { sheet: "2023年" })).toBeNull();
  });
});
