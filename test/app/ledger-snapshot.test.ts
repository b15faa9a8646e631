/** The ledger as the pane shows it, from one read: statuses, located issues, counts, no classified content. */
import { readLedger } from "../../src/app/ledger-snapshot";
import { date, grid, registrySheet, type RowSpec } from "../domain/grid-helpers";
import { MemoryPort } from "./memory-port";

const TODAY = "2026-12-02";
const base: RowSpec = { 督办科室或单位: "办公室", 任务下达时间: date("2026-11-02") };

describe("readLedger", () => {
  const port = new MemoryPort([
    registrySheet([
      { ...base, 督办事项编号: "〔2026〕1号", 督办事项内容: "<b>安全</b>排查", 要求完成时间: date("2026-11-30") },
      {
        ...base,
        督办事项编号: "〔2026〕2号",
        督办事项内容: "机密事项",
        密级: "机密★长期",
        要求完成时间: date("2026-12-03"),
      },
      { ...base, 督办事项编号: "[2026]3号", 督办事项内容: "整改", 要求完成时间: date("2026-12-31") },
    ]),
    grid("设置", [
      ["临期预警工作日", 3],
      ["领导", "职务", "主要领导"],
      ["张三", "主任", "是"],
    ]),
    grid("工作日历", [
      ["日期", "是否工作日", "类型", "来源"],
      [date("2026-12-31"), 0, "节假日", "用户"],
    ]),
  ]);

  it("reads the workbook once and classifies every item", async () => {
    const ledger = await readLedger(port, TODAY);
    expect(port.calls).toEqual(["sheetNames", "readSheets:督办事项登记表,设置,工作日历"]);
    expect(ledger.items.map((i) => [i.row, i.status, i.deadline, i.workingDaysLeft])).toEqual([
      [3, "逾期", "2026-11-30", -2],
      [4, "临期", "2026-12-03", 1],
      [5, "办理中", "2026-12-31", 20],
    ]);
    expect(ledger.overview.counts).toMatchObject({ 逾期: 1, 临期: 1, 办理中: 1 });
    expect(ledger.settings.leaders).toEqual([{ name: "张三", title: "主任", principal: true }]);
    expect(ledger.calendarOverrides).toEqual([{ date: "2026-12-31", working: false }]);
    expect(ledger).toMatchObject({ hasSettingsSheet: true, hasCalendarSheet: true, headerRow: 2 });
  });

  it("keeps cell text as it is, and never carries a classified item's content", async () => {
    const ledger = await readLedger(port, TODAY);
    expect(ledger.items[0].content).toBe("<b>安全</b>排查");
    expect(ledger.items[1]).toMatchObject({ content: "", classified: true });
    expect(JSON.stringify(ledger)).not.toContain("机密事项");
  });

  it("gives each issue the sheet and column it is about", async () => {
    const ledger = await readLedger(port, TODAY);
    const number = ledger.issues.find((i) => i.code === "number-format");
    expect(number).toMatchObject({ sheet: "督办事项登记表", row: 5, col: 2, fix: "〔2026〕3号" });
  });
});

describe("readLedger on several ledger sheets", () => {
  it("lists the items of every ledger with their sheet, and locates each issue on its own sheet", async () => {
    const headers2026 = [
      "序号",
      "督办事项内容",
      "督办事项编号",
      "任务下达时间",
      "要求完成时间",
      "督办科室或单位",
      "督办结果",
      "备注",
      "密级",
      "紧急程度",
      "来文编号",
      "协办科室或单位",
      "承办单位负责人",
      "签收日期",
    ];
    const port = new MemoryPort([
      registrySheet(
        [{ ...base, 督办事项编号: "〔2025〕1号", 督办事项内容: "旧事项", 要求完成时间: date("2025-12-31") }],
        {
          name: "2025年",
        },
      ),
      registrySheet(
        [{ ...base, 督办事项编号: "[2026]1号", 督办事项内容: "新事项", 要求完成时间: date("2026-12-31") }],
        {
          name: "2026年",
          headers: headers2026,
        },
      ),
    ]);
    const ledger = await readLedger(port, TODAY);
    expect(ledger.ledgerSheets).toEqual(["2025年", "2026年"]);
    expect(ledger.items.map((i) => [i.sheet, i.row, i.content])).toEqual([
      ["2025年", 3, "旧事项"],
      ["2026年", 3, "新事项"],
    ]);
    const number = ledger.issues.find((i) => i.code === "number-format");
    expect(number).toMatchObject({ sheet: "2026年", row: 3, col: 3 });
    expect(ledger.items[1].lastCol).toBe(14);
  });
});
