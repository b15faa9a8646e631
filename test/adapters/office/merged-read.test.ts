/**
 * The Office reader fills SheetGrid.merges (ExcelApi 1.13, in the same sync as the values); a
 * sheet with more merged areas than Excel returns at once is read again with its top rows'
 * merges only; before ExcelApi 1.13 merges are unknown. The engine reads the same ledger
 * either way.
 */
import { FakeExcel, MAX_MERGED_AREAS } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { areasOfAddress, MERGE_HEAD_ROWS } from "../../../src/adapters/office/merged-areas";
import { runCheck } from "../../../src/app/check";
import { runStatus } from "../../../src/app/status";

const TODAY = "2026-12-02";
const HEADERS = [
  "序号",
  "督办事项编号",
  "督办事项内容",
  "紧急程度",
  "密级",
  "任务下达时间",
  "要求完成时间",
  "督办科室或单位",
  "承办单位负责人",
  "督办结果",
  "备注",
  "承办单位",
];

/** Title (merged A1:L1), header row 2, then `items` items over two rows each (序号, 编号, 内容 merged down). */
function ledger(items: number) {
  const rows: unknown[][] = [["督办事项登记表"], HEADERS];
  const merges = ["A1:L1"];
  for (let i = 0; i < items; i++) {
    const r = 3 + i * 2;
    rows.push([
      i + 1,
      `〔2026〕${i + 1}号`,
      `事项${i + 1}`,
      "一般",
      "公开",
      "2026-11-02",
      "2026-12-31",
      "督导室",
      "王五",
      "",
      "",
      "江津中学",
    ]);
    rows.push(["", "", "", "", "", "", "", "", "赵六", "", "", "江津二中"]);
    for (const c of ["A", "B", "C", "D", "E", "F", "G", "H"]) merges.push(`${c}${r}:${c}${r + 1}`);
  }
  const fake = new FakeExcel({ 督办事项登记表: rows });
  fake.sheet("督办事项登记表").merges.push(...merges);
  return fake;
}

function office(fake: FakeExcel, excelApi: string) {
  return new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: excelApi }) });
}

describe("merged areas through Office.js", () => {
  it("reads RangeAreas addresses, quoted sheet names and single cells included", () => {
    expect(areasOfAddress("'督办 台账'!A1:N1, '督办 台账'!$B$5,Sheet1!C3:C4")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 14 },
      { top: 5, left: 2, bottom: 5, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 3 },
    ]);
  });

  it("ExcelApi 1.13: merges come with the values in the same sync; items over two rows are one item", async () => {
    const fake = ledger(3);
    const book = office(fake, "1.13");
    const start = fake.syncCount;
    const result = await book.operation("check", (s) => runCheck(s, TODAY));
    expect(fake.syncCount - start).toBe(2);
    expect(result.ledgers[0].mergesKnown).toBe(true);
    expect(result.items.map((i) => [i.row, i.lastRow, i.hostUnit])).toEqual([
      [3, 4, "江津中学、江津二中"],
      [5, 6, "江津中学、江津二中"],
      [7, 8, "江津中学、江津二中"],
    ]);
    const grid = (await book.readSheets(["督办事项登记表"]))[0];
    expect(grid.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 12 });
    expect(grid.merges).toHaveLength(1 + 3 * 8);
  });

  it(`more than ${MAX_MERGED_AREAS} merged areas: one more sync, the top rows' merges, the same items by the fallback rule`, async () => {
    const fake = ledger(70); // 1 + 70 × 8 = 561 merged areas
    const book = office(fake, "1.13");
    const start = fake.syncCount;
    const result = await book.operation("check", (s) => runCheck(s, TODAY));
    expect(fake.syncCount - start).toBe(3);
    expect(result.ledgers[0].mergesKnown).toBe(false);
    expect(result.items).toHaveLength(70);
    expect(result.items[69]).toMatchObject({ row: 141, lastRow: 142, hostUnit: "江津中学、江津二中" });
    const grid = (await book.readSheets(["督办事项登记表"]))[0];
    expect(grid.mergesUpTo).toBe(MERGE_HEAD_ROWS);
    expect(grid.merges?.every((m) => m.top <= MERGE_HEAD_ROWS)).toBe(true);
  });

  it("ExcelApi 1.9: merges unknown, the same items and statuses as with 1.13", async () => {
    const withMerges = await office(ledger(3), "1.13").operation("status", (s) => runStatus(s, TODAY));
    const fake = ledger(3);
    const without = await office(fake, "1.9").operation("status", (s) => runStatus(s, TODAY));
    expect(without).toEqual(withMerges);
    expect((await office(fake, "1.9").readSheets(["督办事项登记表"]))[0].merges).toBeUndefined();
  });
});
