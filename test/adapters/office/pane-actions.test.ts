/**
 * The task pane's writes through the Office adapter: 销号 / 延期 / 终止, settings and calendar
 * edits are logged in the 操作日志 and taken back by 撤销上次操作, in a bounded number of syncs;
 * and the selection the pane navigates with (ExcelApi 1.1/1.2, feature-tested).
 */
import { FakeExcel } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { OfficeSelection, parseSelectionAddress, targetAddress } from "../../../src/adapters/office/selection";
import { applyItemAction } from "../../../src/app/item-actions";
import { saveSettings } from "../../../src/app/settings-edit";
import { setCalendarOverride } from "../../../src/app/calendar-edit";
import { readLedger } from "../../../src/app/ledger-snapshot";
import { runUndo } from "../../../src/app/undo";
import { HEADERS, registryRows, REGISTRY } from "../contract/fixture";

const TODAY = "2026-12-02";
const SETTINGS = [
  ["单位名称", "江津区教委"],
  ["编号前缀", ""],
  ["临期预警工作日", 3],
  [],
  ["科室/单位"],
  ["办公室"],
  ["督导室"],
  [],
  [],
  ["领导", "职务", "主要领导"],
  ["张三", "主任", "是"],
];
const CALENDAR = [
  ["日期", "是否工作日", "类型", "来源", "说明"],
  [46357, 1, "工作日", "官方", ""], // 2026-12-01
  [46358, 1, "工作日", "官方", ""], // 2026-12-02
];

function open(sets: Record<string, string> = { ExcelApi: "1.9" }) {
  const fake = new FakeExcel({
    [REGISTRY]: registryRows({ items: 8, year: 2026 }),
    设置: SETTINGS,
    工作日历: CALENDAR,
  });
  let id = 0;
  const office = new OfficeWorkbook(fake.run, {
    requirements: fixedRequirements(sets),
    now: () => new Date(2026, 11, 2, 9, 0, 0),
    newId: () => `op${++id}`,
  });
  const measure = async <T>(fn: () => Promise<T>) => {
    const start = fake.syncCount;
    const result = await fn();
    return { result, syncs: fake.syncCount - start };
  };
  const undo = () => office.operation("undo", (s) => runUndo(s));
  return { fake, office, measure, undo };
}

const col = (header: string) => HEADERS.indexOf(header) + 1;
const cellOf = (header: string, row: number) => `${String.fromCharCode(64 + col(header))}${row}`;

describe("item actions through the Office adapter", () => {
  it("销号 writes two cells in four syncs and one 撤销上次操作 restores them", async () => {
    const { fake, office, measure, undo } = open();
    const { result, syncs } = await measure(() =>
      office.operation("close", (s) =>
        applyItemAction(s, { kind: "close", row: 3, closedOn: "2026-12-01", result: "按期办结" }, TODAY),
      ),
    );
    expect(result).toMatchObject({ status: "已办结", logged: true });
    expect(syncs).toBeLessThanOrEqual(4);
    expect(fake.value(REGISTRY, cellOf("督办结果", 3))).toBe("按期办结");
    expect(fake.value(REGISTRY, cellOf("办结日期", 3))).toBe(46357);
    expect(fake.numberFormat(REGISTRY, cellOf("办结日期", 3))).toBe('yyyy"年"m"月"d"日"');
    const undone = await undo();
    expect(undone.message).toContain("已撤销“销号”");
    expect(fake.value(REGISTRY, cellOf("督办结果", 3))).toBe("");
    expect(fake.value(REGISTRY, cellOf("办结日期", 3))).toBe("");
  });

  it("延期 and 终止 are each one undoable operation", async () => {
    const { fake, office, undo } = open();
    await office.operation("extend", (s) =>
      applyItemAction(s, { kind: "extend", row: 4, extendedTo: "2027-06-30", approver: "张三" }, TODAY),
    );
    await office.operation("terminate", (s) =>
      applyItemAction(s, { kind: "terminate", row: 5, approver: "张三" }, TODAY),
    );
    expect(fake.value(REGISTRY, cellOf("督办结果", 5))).toBe("终止");
    expect((await undo()).message).toContain("已撤销“终止”");
    expect(fake.value(REGISTRY, cellOf("督办结果", 5))).toBe("");
    expect(fake.value(REGISTRY, cellOf("延期批准人", 4))).toBe("张三");
    expect((await undo()).message).toContain("已撤销“延期”");
    expect(fake.value(REGISTRY, cellOf("延期至", 4))).toBe("");
  });

  it("a settings edit and a calendar edit are logged and undone like any other write", async () => {
    const { fake, office, undo } = open();
    await office.operation("settings", (s) =>
      saveSettings(s, { numberPrefix: "江津教督", sections: ["办公室", "秘书科", "督导室"] }),
    );
    expect(fake.value("设置", "B2")).toBe("江津教督");
    expect(
      fake
        .rows("设置")
        .slice(5, 8)
        .map((r) => r[0]),
    ).toEqual(["办公室", "秘书科", "督导室"]);
    await office.operation("calendar", (s) =>
      setCalendarOverride(s, { date: "2026-12-02", working: false, note: "停电" }),
    );
    expect(fake.rows("工作日历")[2]).toEqual([46358, 0, "节假日", "用户", "停电"]);
    const ledger = await office.operation("read", (s) => readLedger(s, TODAY));
    expect(ledger.calendarOverrides).toEqual([{ date: "2026-12-02", working: false, note: "停电" }]);
    await undo();
    expect(fake.rows("工作日历")[2]).toEqual([46358, 1, "工作日", "官方", ""]);
    await undo();
    expect(fake.value("设置", "B2")).toBe("");
    expect(
      fake
        .rows("设置")
        .slice(5, 8)
        .map((r) => r[0]),
    ).toEqual(["办公室", "督导室", ""]);
  });
});

describe("selection (ExcelApi 1.1 / 1.2)", () => {
  it.each([
    ["督办事项登记表!C5:F5", { sheet: "督办事项登记表", row: 5, col: 3 }],
    ["'督办 台账'!$B$7", { sheet: "督办 台账", row: 7, col: 2 }],
    ["'It''s'!7:9", { sheet: "It's", row: 7, col: null }],
    ["Sheet1!C:C", null],
    ["A1", null],
  ])("reads the address %s as %j", (address, expected) => {
    expect(parseSelectionAddress(address)).toEqual(expected);
  });

  it.each([
    [{ sheet: "s", row: 5, toCol: 23 }, "A5:W5"],
    [{ sheet: "s", row: 5, col: 28 }, "AB5"],
    [{ sheet: "s", row: 5 }, "5:5"],
  ])("selects %j as %s", (target, address) => {
    expect(targetAddress(target)).toBe(address);
  });

  it("selects an item's row on its sheet in one sync, and reads the selection back", async () => {
    const { fake } = open();
    const selection = new OfficeSelection(fake.run, fixedRequirements({ ExcelApi: "1.8" }));
    const before = fake.syncCount;
    await selection.select({ sheet: REGISTRY, row: 6, toCol: 22 });
    expect(fake.syncCount - before).toBe(1);
    expect(fake.selection).toEqual({ sheet: REGISTRY, address: "A6:V6" });
    expect(fake.activeSheet).toBe(REGISTRY);
    expect(await selection.current()).toEqual({ sheet: REGISTRY, row: 6, col: 1 });
  });

  it("follows the person's selection until stopped", async () => {
    const { fake } = open();
    const removed: unknown[] = [];
    const selection = new OfficeSelection(fake.run, fixedRequirements({ ExcelApi: "1.8" }), async (h) => {
      removed.push(h);
      h.remove();
      await (h.context as unknown as { sync(): Promise<void> }).sync();
    });
    const seen: (number | null)[] = [];
    const stop = await selection.follow((cell) => seen.push(cell?.row ?? null), 0);
    await new Promise((r) => setTimeout(r, 5));
    fake.userSelect(REGISTRY, "D7");
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([1, 7]);
    await stop();
    expect(removed).toHaveLength(1);
    expect(fake.selectionHandlers).toHaveLength(0);
    fake.userSelect(REGISTRY, "D8");
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([1, 7]);
  });

  it("does nothing, and says it cannot, on a host without the requirement sets", async () => {
    const { fake } = open();
    const selection = new OfficeSelection(fake.run, fixedRequirements({}));
    expect(selection.canNavigate).toBe(false);
    expect(selection.canFollow).toBe(false);
    await selection.select({ sheet: REGISTRY, row: 4 });
    expect(fake.selection).toBeNull();
    expect(await selection.current()).toBeNull();
    const before = fake.syncCount;
    await (
      await selection.follow(() => undefined)
    )();
    expect(fake.syncCount).toBe(before);
  });
});
