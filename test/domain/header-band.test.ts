import type { CellRange, SheetGrid } from "../../src/domain/cell";
import { findHeaderBand } from "../../src/domain/header-band";
import { locateRegistries, locateRegistry } from "../../src/domain/registry";
import { OFFICIAL_HEADERS, grid, type Cellish } from "./grid-helpers";

const any = () => true;
const withMerges = (g: SheetGrid, merges: CellRange[] | undefined): SheetGrid =>
  merges === undefined ? { name: g.name, rows: g.rows } : { ...g, merges };
const box = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/**
 * A WPS-like template: title (row 1), 填报单位/日期 (row 2), a two-row header (rows 3–4):
 *   A 序号 | B 督办事项编号 | C 督办事项内容 | D 来文编号 | E 紧急程度 | F 密级 |
 *   G–H 时间 over 任务下达时间/要求完成时间 | I–J 督办单位 over 督办/协办 |
 *   K 承办单位负责人 | L 签收日期 | M 督办结果 | N 备注
 * headers without sub-headers merged down rows 3–4.
 */
function twoRowHeader(merges: "known" | "unknown"): SheetGrid {
  const rows: Cellish[][] = [
    ["重庆市江津区教育委员会督办事项登记表"],
    ["填报单位：办公室", null, null, null, null, null, null, null, null, null, "填报日期：2026年12月1日"],
    [
      "序号",
      "督办事项编号",
      "督办事项内容",
      "来文编号",
      "紧急程度",
      "密级",
      "时间",
      null,
      "督办单位",
      null,
      "承办单位负责人",
      "签收日期",
      "督办结果",
      "备注",
    ],
    [null, null, null, null, null, null, "任务下达时间", "要求完成时间", "督办", "协办"],
    [1, "〔2026〕1号", "事项", null, "一般", "公开", "2026-11-02", "2026-11-30", "督导室"],
  ];
  const down = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14].map((c) => box(3, c, 4, c));
  return withMerges(
    grid("督办台账", rows),
    merges === "known" ? [box(1, 1, 1, 14), box(3, 7, 3, 8), box(3, 9, 3, 10), ...down] : undefined,
  );
}

describe("header bands", () => {
  it.each(["known", "unknown"] as const)(
    "a two-row header with group cells (merges %s): every column named, the sub-header row is the header row",
    (merges) => {
      const layout = locateRegistry([twoRowHeader(merges)]);
      expect(layout).toMatchObject({ sheetName: "督办台账", headerRow: 4, headerRows: [3, 4], lastHeaderColumn: 14 });
      expect(layout?.columns).toEqual({
        seq: 1,
        number: 2,
        content: 3,
        sourceDocNo: 4,
        urgency: 5,
        secrecy: 6,
        issuedOn: 7,
        dueOn: 8,
        section: 9,
        assisting: 10,
        hostHead: 11,
        signedOn: 12,
        result: 13,
        remarks: 14,
      });
    },
  );

  it.each(["known", "unknown"] as const)("督办事项 over 编号/内容 (merges %s) names both columns", (merges) => {
    const rows: Cellish[][] = [
      ["序号", "督办事项", null, "紧急程度", "密级", "任务下达时间", "要求完成时间", "督办科室", "协办科室", "备注"],
      [null, "编号", "内容"],
    ];
    const down = [1, 4, 5, 6, 7, 8, 9, 10].map((c) => box(1, c, 2, c));
    const g = withMerges(grid("督办事项登记表", rows), merges === "known" ? [box(1, 2, 1, 3), ...down] : undefined);
    const layout = locateRegistry([g]);
    expect(layout?.headerRows).toEqual([1, 2]);
    expect(layout?.columns).toMatchObject({ seq: 1, number: 2, content: 3, issuedOn: 6, dueOn: 7, section: 8 });
  });

  it("three header rows: a group over a group over sub-headers", () => {
    const rows: Cellish[][] = [
      ["序号", "督办事项", null, "办理情况", null, null, null, null, null, "备注"],
      [null, null, null, "时间", null, "单位", null, "负责人", "结果"],
      [null, "编号", "内容", "交办时间", "完成时限", "督办", "协办", "承办单位负责人", "办理结果"],
    ];
    const layout = findHeaderBand(grid("x", rows), any);
    expect(layout?.rows).toEqual([1, 2, 3]);
    expect(layout?.columns).toMatchObject({
      seq: 1,
      number: 2,
      content: 3,
      issuedOn: 4,
      dueOn: 5,
      section: 6,
      assisting: 7,
      hostHead: 8,
      result: 9,
      remarks: 10,
    });
  });

  it("a one-row header under a merged title stays one row (the title names nothing more)", () => {
    const g = withMerges(grid("s", [["督办事项登记表"], [...OFFICIAL_HEADERS]]), [box(1, 1, 1, 14)]);
    expect(locateRegistry([g])).toMatchObject({ headerRow: 2, headerRows: [2] });
  });

  it("a header synonym row: 编号, 督办事项, 交办时间, 完成时限, 办理结果", () => {
    const g = grid("台账", [
      ["编号", "督办事项", "交办时间", "完成时限", "督办单位", "办理结果", "序号", "密级", "来文号"],
    ]);
    expect(locateRegistry([g])?.columns).toMatchObject({
      number: 1,
      content: 2,
      issuedOn: 3,
      dueOn: 4,
      section: 5,
      result: 6,
    });
  });
});

describe("several ledger sheets", () => {
  const year = (name: string) => grid(name, [["督办事项登记表"], [...OFFICIAL_HEADERS], [1, "〔2021〕1号", "事项"]]);
  const summary = grid("汇总", [
    ["年度", "事项数", "已办结", "逾期"],
    ["2021年", 12, 10, 2],
  ]);

  it("reads every sheet whose band is a registry, in workbook order; a summary of counts is no ledger", () => {
    expect(locateRegistries([summary, year("2021年"), year("2022年")]).map((l) => l.sheetName)).toEqual([
      "2021年",
      "2022年",
    ]);
  });

  it("puts the sheet named 督办事项登记表 first and leaves archives out", () => {
    const names = locateRegistries([year("2020年归档"), year("2021年"), year("督办事项登记表")]).map(
      (l) => l.sheetName,
    );
    expect(names).toEqual(["督办事项登记表", "2021年"]);
  });
});
