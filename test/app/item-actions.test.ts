/** 销号, 延期 and 终止: exactly the cells they set, logged, refused with what to do, verified by the checks. */
import { applyItemAction, ITEM_ACTION_ERROR_CODES, ItemActionError, type ItemAction } from "../../src/app/item-actions";
import { REGISTRY_DATE_FORMAT } from "../../src/domain/registry-plan";
import { date, grid, OFFICIAL_HEADERS, registrySheet, type RowSpec } from "../domain/grid-helpers";
import { LoggedMemoryPort, MemoryPort } from "./memory-port";

const TODAY = "2026-12-02";
const base: RowSpec = {
  督办事项内容: "落实校园安全大排查",
  督办科室或单位: "办公室",
  任务下达时间: date("2026-11-02"),
};
const ROWS: RowSpec[] = [
  { ...base, 督办事项编号: "〔2026〕1号", 要求完成时间: date("2026-11-30") }, // row 3: 逾期
  { ...base, 督办事项编号: "〔2026〕2号", 要求完成时间: date("2026-12-31") }, // row 4: 办理中
  {
    ...base,
    督办事项编号: "〔2026〕3号",
    要求完成时间: date("2026-11-20"),
    办结日期: date("2026-11-19"),
    督办结果: "按期办结",
  },
  { ...base, 督办事项编号: "〔2026〕4号", 要求完成时间: date("2026-11-20"), 督办结果: "终止", 延期批准人: "张三" },
  { ...base, 督办事项编号: "〔2026〕5号", 要求完成时间: date("2026-11-30"), 重大事项: "是", 签发领导: "张三" }, // row 7
];
const SETTINGS = grid("设置", [
  ["单位名称", "江津区教委"],
  ["临期预警工作日", 3],
  ["领导", "职务", "主要领导"],
  ["张三", "主任", "是"],
  ["李四", "副主任", "否"],
]);
const REGISTRY = "督办事项登记表";
const col = (header: string) =>
  [...OFFICIAL_HEADERS, "承办单位", "事项来源", "重大事项", "签发领导", "办结日期", "延期至", "延期批准人"].indexOf(
    header,
  ) + 1;

function ports() {
  return new LoggedMemoryPort([registrySheet(ROWS), SETTINGS]);
}

async function refused(action: ItemAction, port = ports()): Promise<ItemActionError> {
  const before = JSON.stringify([...port.sheets]);
  const error = await applyItemAction(port, action, TODAY).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ItemActionError);
  expect(JSON.stringify([...port.sheets])).toBe(before);
  expect(port.written).toEqual([]);
  return error as ItemActionError;
}

describe("销号 (close an item)", () => {
  it("writes 办结日期 as a date with the 年月日 format and 督办结果, logged as 销号 with the old values", async () => {
    const port = ports();
    const result = await applyItemAction(
      port,
      { kind: "close", row: 3, closedOn: "2026-12-01", result: "逾期办结" },
      TODAY,
    );
    expect(port.operations).toEqual([{ operation: "销号" }]);
    expect(port.written).toEqual([
      [
        {
          sheet: REGISTRY,
          row: 3,
          col: col("办结日期"),
          value: date("2026-12-01"),
          old: { t: "empty" },
          numFmt: REGISTRY_DATE_FORMAT,
        },
        { sheet: REGISTRY, row: 3, col: col("督办结果"), value: { t: "string", v: "逾期办结" }, old: { t: "empty" } },
      ],
    ]);
    expect(result).toMatchObject({
      operation: "销号",
      row: 3,
      number: "〔2026〕1号",
      status: "已办结",
      issues: [],
      logged: true,
    });
    expect(result.changes).toEqual([
      { column: "办结日期", from: "", to: "2026年12月1日" },
      { column: "督办结果", from: "", to: "逾期办结" },
    ]);
  });

  it("reports what the checks find in the row afterwards: a major item closed a month ago owes its report", async () => {
    const port = ports();
    const result = await applyItemAction(
      port,
      { kind: "close", row: 7, closedOn: "2026-11-10", result: "按期办结" },
      TODAY,
    );
    expect(result.status).toBe("已办结");
    expect(result.issues.map((i) => i.code)).toEqual(["report-missing"]);
  });

  it.each([
    ["a result that does not close", { closedOn: "2026-12-01", result: "正在推进" }, "result-not-closing"],
    ["a closing date after today", { closedOn: "2026-12-03", result: "按期办结" }, "date-in-future"],
    ["a closing date before the task was issued", { closedOn: "2026-10-31", result: "按期办结" }, "date-before-issue"],
    ["a date that does not exist", { closedOn: "2026-02-30", result: "按期办结" }, "bad-date"],
  ])("refuses %s, writing nothing", async (_name, fields, code) => {
    const error = await refused({ kind: "close", row: 3, ...fields } as ItemAction);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses an item already closed, or terminated", async () => {
    expect((await refused({ kind: "close", row: 5, closedOn: TODAY, result: "按期办结" })).code).toBe("already-closed");
    expect((await refused({ kind: "close", row: 6, closedOn: TODAY, result: "按期办结" })).code).toBe(
      "already-terminated",
    );
  });

  it("refuses a row that is not an item (the header) and names the row", async () => {
    const error = await refused({ kind: "close", row: 2, closedOn: TODAY, result: "按期办结" });
    expect(error.code).toBe("not-an-item");
    expect(error.message).toContain("第 2 行");
  });

  it("refuses when the registry lacks 办结日期, saying 刷新红黄绿灯 adds it", async () => {
    const port = new LoggedMemoryPort([
      registrySheet([{ ...base, 要求完成时间: date("2026-12-31") }], { headers: OFFICIAL_HEADERS }),
      SETTINGS,
    ]);
    const error = await refused({ kind: "close", row: 3, closedOn: TODAY, result: "按期办结" }, port);
    expect(error.code).toBe("missing-column");
    expect(error.message).toContain("刷新红黄绿灯");
  });

  it("writes through writeCells (not logged) on a port without the 操作日志", async () => {
    const port = new MemoryPort([registrySheet(ROWS), SETTINGS]);
    const result = await applyItemAction(port, { kind: "close", row: 4, closedOn: TODAY, result: "按期办结" }, TODAY);
    expect(result.logged).toBe(false);
    expect(port.calls.filter((c) => c.startsWith("write"))).toEqual(["writeCells"]);
  });
});

describe("延期 (extend an item)", () => {
  it("writes 延期至 and the principal leader who approved it; the item is no longer overdue", async () => {
    const port = ports();
    const result = await applyItemAction(
      port,
      { kind: "extend", row: 3, extendedTo: "2026-12-31", approver: " 张三 " },
      TODAY,
    );
    expect(port.operations).toEqual([{ operation: "延期" }]);
    expect(port.at(REGISTRY, 3, col("延期至"))).toEqual(date("2026-12-31"));
    expect(port.at(REGISTRY, 3, col("延期批准人"))).toEqual({ t: "string", v: "张三" });
    expect(result.status).toBe("办理中");
    expect(result.issues).toEqual([]);
  });

  it("refuses a new deadline not after the current one", async () => {
    const error = await refused({ kind: "extend", row: 4, extendedTo: "2026-12-31", approver: "张三" });
    expect(error.code).toBe("not-later");
    expect(error.message).toContain("2026年12月31日");
  });

  it("refuses an approver who is not a principal leader, listing those who are", async () => {
    const error = await refused({ kind: "extend", row: 3, extendedTo: "2026-12-31", approver: "李四" });
    expect(error.code).toBe("not-principal");
    expect(error.message).toContain("可选：张三");
  });

  it("refuses when 设置 names no principal leader, saying where to add one", async () => {
    const port = new LoggedMemoryPort([
      registrySheet(ROWS),
      grid("设置", [
        ["领导", "职务", "主要领导"],
        ["李四", "副主任", "否"],
      ]),
    ]);
    const error = await refused({ kind: "extend", row: 3, extendedTo: "2026-12-31", approver: "李四" }, port);
    expect(error.code).toBe("no-principal");
  });
});

describe("终止 (terminate an item)", () => {
  it("writes 督办结果 终止 and the approving principal leader; the status is 已终止 and the checks are satisfied", async () => {
    const port = ports();
    const result = await applyItemAction(port, { kind: "terminate", row: 4, approver: "张三" }, TODAY);
    expect(port.operations).toEqual([{ operation: "终止" }]);
    expect(port.at(REGISTRY, 4, col("督办结果"))).toEqual({ t: "string", v: "终止" });
    expect(port.at(REGISTRY, 4, col("延期批准人"))).toEqual({ t: "string", v: "张三" });
    expect(result).toMatchObject({ status: "已终止", issues: [] });
  });
});

it("keeps its error codes in one fixed list", () => {
  expect(new Set(ITEM_ACTION_ERROR_CODES).size).toBe(ITEM_ACTION_ERROR_CODES.length);
});

describe("ledgers as offices keep them", () => {
  it("acts on an item of a second ledger sheet, writing that sheet", async () => {
    const port = new LoggedMemoryPort([
      registrySheet([{ ...base, 督办事项编号: "〔2025〕1号", 要求完成时间: date("2025-12-31") }], { name: "2025年" }),
      registrySheet([{ ...base, 督办事项编号: "〔2026〕1号", 要求完成时间: date("2026-12-31") }], { name: "2026年" }),
      SETTINGS,
    ]);
    const result = await applyItemAction(
      port,
      { kind: "close", sheet: "2026年", row: 3, closedOn: TODAY, result: "按期办结" },
      TODAY,
    );
    expect(result).toMatchObject({ row: 3, number: "〔2026〕1号", status: "已办结" });
    expect(port.written[0].map((w) => w.sheet)).toEqual(["2026年", "2026年"]);
    expect(port.at("2025年", 3, col("督办结果"))).toEqual({ t: "empty" });
  });

  it("writes an item over several rows in its first row, from any of its rows", async () => {
    const sheet = registrySheet([
      { ...base, 督办事项编号: "〔2026〕1号", 要求完成时间: date("2026-12-31"), 承办单位: "一中" },
      { 承办单位: "二中" },
    ]);
    const merged = {
      ...sheet,
      merges: [
        { top: 3, left: 2, bottom: 4, right: 2 },
        { top: 3, left: 3, bottom: 4, right: 3 },
      ],
    };
    const port = new LoggedMemoryPort([merged, SETTINGS]);
    const result = await applyItemAction(port, { kind: "terminate", row: 4, approver: "张三" }, TODAY);
    expect(result).toMatchObject({ row: 3, status: "已终止" });
    expect(port.written[0].map((w) => [w.row, w.col])).toEqual([
      [3, col("督办结果")],
      [3, col("延期批准人")],
    ]);
  });
});
