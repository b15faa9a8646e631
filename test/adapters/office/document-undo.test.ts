/**
 * Documents in the 操作日志 of the Office adapter: a created sheet is one entry that undo turns
 * into deleting the sheet (in the batch of the undo's other writes); a replaced sheet cannot be
 * undone, so undo stops there with a Chinese message; the log format reads old logs unchanged.
 */
import { FakeExcel } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { gridFromBlock } from "../../../src/adapters/office/read";
import { generateDocument } from "../../../src/app/documents";
import { runUndo } from "../../../src/app/undo";
import {
  logRowCells,
  OPERATION_LOG_SHEET,
  parseOperationLog,
  sheetActionOf,
  sheetEntry,
  SHEET_ACTION_ADDRESS,
  type SheetAction,
} from "../../../src/domain/operation-log";
import { cellText, type SheetGrid } from "../../../src/domain/cell";
import { registryRows, REGISTRY } from "../contract/fixture";

const TODAY = "2026-11-25";

function open(items = 6) {
  const fake = new FakeExcel({ [REGISTRY]: registryRows({ items, unnumberedEvery: 0, year: 2026 }) });
  let id = 0;
  const office = new OfficeWorkbook(fake.run, {
    requirements: fixedRequirements({ ExcelApi: "1.9" }),
    now: () => new Date(2026, 10, 25, 9, 0, 0),
    newId: () => `op${++id}`,
  });
  const log = () =>
    parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
  const notice = (number: string, replace = false) =>
    office.operation("notice", (s) => generateDocument(s, "notice", { number, today: TODAY, replace }));
  const remind = (number: string) =>
    office.operation("remind", (s) => generateDocument(s, "remind", { number, today: TODAY }));
  const undo = () => office.operation("undo", (s) => runUndo(s));
  /** Runs an operation and returns its result and how many syncs it made. */
  const measure = async <T>(fn: () => Promise<T>) => {
    const start = fake.syncCount;
    const result = await fn();
    return { result, syncs: fake.syncCount - start };
  };
  return { fake, office, log, notice, remind, undo, measure };
}

describe("the log format: entries about a whole sheet", () => {
  test.each<[SheetAction, string]>([
    ["created", "（新建整个工作表）"],
    ["replaced", "（替换整个工作表）"],
    ["deleted", "（删除整个工作表）"],
  ])("%s is written as %s and read back as the same action", (action, address) => {
    const row = logRowCells(
      sheetEntry({ id: "x", time: "t", operation: "生成督办事项通知单" }, "通知单〔2026〕1号", action),
    );
    expect(cellText(row[6])).toBe(address);
    const grid: SheetGrid = { name: OPERATION_LOG_SHEET, rows: [row] };
    const { entries, skipped } = parseOperationLog(grid);
    expect(skipped).toBe(0);
    expect(entries[0]).toMatchObject({ sheet: "通知单〔2026〕1号", address, sheetAction: action, row: 0, col: 0 });
  });

  test.each([["B5"], [""], ["新建工作表"], ["（新建整个工作表"]])("%p is not a sheet action", (text) => {
    expect(sheetActionOf(text)).toBeNull();
  });

  test("a cell entry has no sheet action (old logs read as before)", () => {
    const row = logRowCells({
      id: "x",
      time: "t",
      operation: "编号",
      sheet: REGISTRY,
      row: 5,
      col: 2,
      old: { t: "empty" },
      new: { t: "string", v: "〔2026〕1号" },
    });
    const [entry] = parseOperationLog({ name: OPERATION_LOG_SHEET, rows: [row] }).entries;
    expect(entry).toMatchObject({ address: "B5", row: 5, col: 2 });
    expect(entry.sheetAction).toBeUndefined();
    expect(Object.values(SHEET_ACTION_ADDRESS)).not.toContain("B5");
  });
});

describe("undo of documents on the Office adapter", () => {
  test("a notice is logged as one created sheet under its operation", async () => {
    const { notice, log } = open();
    const made = await notice("〔2026〕2号");
    expect(log().entries.map((e) => [e.id, e.operation, e.sheet, e.address])).toEqual([
      ["op1", "生成督办事项通知单", made.sheetName, "（新建整个工作表）"],
    ]);
  });

  test("a replace cannot be undone: undo stops there, says why, and changes nothing", async () => {
    const { fake, notice, undo, log } = open();
    await notice("〔2026〕2号");
    const replaced = await notice("〔2026〕2号", true);
    expect(replaced.replaced).toBe(true);
    expect(log().entries[0]).toMatchObject({ sheet: replaced.sheetName, sheetAction: "replaced" });
    const sheets = fake.sheets.map((s) => s.name);
    const logRows = fake.rows(OPERATION_LOG_SHEET).length;
    const result = await undo();
    expect(result).toMatchObject({ operationId: null, operation: "生成督办事项通知单", restored: 0 });
    expect(result.message).toContain(`替换了工作表“${replaced.sheetName}”`);
    expect(result.message).toContain("不能撤销");
    expect(result.message).toContain("版本历史");
    expect(fake.sheets.map((s) => s.name)).toEqual(sheets);
    expect(fake.rows(OPERATION_LOG_SHEET)).toHaveLength(logRows);
    // It still stops there: the earlier notice is not undone behind the replace's back.
    expect((await undo()).operationId).toBeNull();
    expect(fake.hasSheet(replaced.sheetName)).toBe(true);
  });

  test("undo of a notice deletes the sheet in one write batch with its log entry, in 3 syncs", async () => {
    const { fake, notice, undo, log, measure } = open();
    const made = await notice("〔2026〕3号");
    const { result, syncs } = await measure(undo);
    expect(syncs).toBe(3);
    expect(result).toMatchObject({ operationId: "op1", deletedSheets: [made.sheetName] });
    expect(fake.hasSheet(made.sheetName)).toBe(false);
    expect(log().entries[0]).toMatchObject({
      operation: "撤销上次操作",
      undoes: "op1",
      sheet: made.sheetName,
      sheetAction: "deleted",
    });
    expect(fake.eventsEnabled).toBe(true);
  });

  test("undo of a 催办提示单 deletes its sheet and takes its 催办记录 row back, in 3 syncs", async () => {
    const { fake, remind, undo, measure } = open();
    await remind("〔2026〕1号");
    const second = await remind("〔2026〕2号");
    expect(second.log?.row).toBe(3);
    const logRow = () => fake.rows("催办记录")[2] ?? [];
    expect(logRow().some((v) => v === "〔2026〕2号")).toBe(true);
    const { result, syncs } = await measure(undo);
    expect(syncs).toBe(3);
    expect(result.deletedSheets).toEqual([second.sheetName]);
    expect(result.restored).toBeGreaterThan(0);
    expect(result.conflicts).toEqual([]);
    expect(fake.hasSheet(second.sheetName)).toBe(false);
    expect(logRow().every((v) => v === "" || v === null || v === undefined)).toBe(true);
    expect(fake.rows("催办记录")[1].some((v) => v === "〔2026〕1号")).toBe(true);
  });

  test("a notice sheet renamed by the person is reported, not deleted, and the undo is recorded", async () => {
    const { fake, notice, undo } = open();
    const made = await notice("〔2026〕4号");
    fake.sheet(made.sheetName).name = "我的通知单";
    const result = await undo();
    expect(result).toMatchObject({ operationId: "op1", deletedSheets: [], missingSheets: [made.sheetName] });
    expect(result.message).toContain("已不存在");
    expect(fake.hasSheet("我的通知单")).toBe(true);
    expect((await undo()).message).toBe("没有可撤销的操作");
  });
});
