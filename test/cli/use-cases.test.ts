/** The app use cases (src/app) over a fake WorkbookPort: what they read, what they write. */
import { runCheck, hasErrors } from "../../src/app/check";
import { AppError } from "../../src/app/errors";
import { runNumbering } from "../../src/app/number";
import type { CellWrite, WorkbookPort } from "../../src/app/port";
import { sheetsToRead } from "../../src/app/registry";
import { runStatus } from "../../src/app/status";
import type { SheetGrid } from "../../src/domain/cell";
import { date, grid, registrySheet } from "../domain/grid-helpers";

class FakePort implements WorkbookPort {
  readonly reads: string[][] = [];
  readonly writes: CellWrite[][] = [];
  constructor(readonly grids: SheetGrid[]) {}
  async sheetNames() {
    return this.grids.map((g) => g.name);
  }
  async readSheets(names: readonly string[]) {
    this.reads.push([...names]);
    return this.grids.filter((g) => names.includes(g.name));
  }
  async writeCells(writes: readonly CellWrite[]) {
    this.writes.push([...writes]);
  }
}

const base = { 督办事项内容: "落实区政府部署", 督办科室或单位: "督导室" };
const registry = registrySheet([
  { ...base, 督办事项编号: "〔2026〕2号", 任务下达时间: date("2026-03-02"), 要求完成时间: date("2026-03-31") },
  { ...base, 督办事项编号: " ", 任务下达时间: date("2026-11-02"), 要求完成时间: date("2026-11-30") },
  { ...base, 任务下达时间: date("2025-12-01"), 要求完成时间: date("2025-12-31") },
]);
const settings = grid("设置", [["编号前缀", "江津教督"]]);
const archive = grid("2024年归档", [["序号"]]);

describe("runNumbering", () => {
  it("reads every sheet that may be a ledger, the archives and 设置 in one call and writes only the number cells, each with its old value", async () => {
    const port = new FakePort([registry, archive, settings, grid("操作日志", [["操作编号"]])]);
    const result = await runNumbering(port, "2026-11-25");
    expect(result.assigned).toEqual([
      { sheet: "督办事项登记表", row: 4, number: "江津教督〔2026〕1号" },
      { sheet: "督办事项登记表", row: 5, number: "江津教督〔2025〕1号" },
    ]);
    // An archive sheet's numbers stay taken, so it is read with the registry; the log is not.
    expect(port.reads).toEqual([["督办事项登记表", "2024年归档", "设置"]]);
    expect(port.writes).toHaveLength(1);
    expect(port.writes[0]).toEqual([
      {
        sheet: "督办事项登记表",
        row: 4,
        col: 2,
        value: { t: "string", v: "江津教督〔2026〕1号" },
        old: { t: "string", v: " " },
      },
      {
        sheet: "督办事项登记表",
        row: 5,
        col: 2,
        value: { t: "string", v: "江津教督〔2025〕1号" },
        old: { t: "empty" },
      },
    ]);
  });

  it("writes nothing when every item has a number", async () => {
    const port = new FakePort([
      registrySheet([{ ...base, 督办事项编号: "〔2026〕1号", 任务下达时间: date("2026-03-02") }]),
    ]);
    expect(await runNumbering(port, "2026-11-25")).toEqual({ assigned: [] });
    expect(port.writes).toEqual([]);
  });

  it("a registry without a 督办事项编号 column cannot be numbered", async () => {
    const headers = [
      "序号",
      "督办事项内容",
      "来文编号",
      "紧急程度",
      "密级",
      "任务下达时间",
      "要求完成时间",
      "督办科室或单位",
    ];
    const port = new FakePort([registrySheet([{ 督办事项内容: "落实" }], { headers })]);
    await expect(runNumbering(port, "2026-11-25")).rejects.toMatchObject({ code: "no-number-column" });
  });
});

describe("no registry", () => {
  it.each([
    ["runCheck", runCheck],
    ["runStatus", runStatus],
    ["runNumbering", runNumbering],
  ] as const)("%s throws AppError no-registry with a Chinese message", async (_, useCase) => {
    const port = new FakePort([grid("工资表", [["姓名", "金额"]])]);
    const run = useCase as (p: WorkbookPort, t: string) => Promise<unknown>;
    const error: unknown = await run(port, "2026-11-25").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "no-registry", message: expect.stringMatching(/没有督办事项登记表/) });
    expect(port.writes).toEqual([]);
  });

  it("a sheet named 督办事项登记表 without a header: the ledger is found on the other sheets (one read)", async () => {
    const stray = grid("督办事项登记表", [["备忘"]]);
    const real = {
      ...registrySheet([{ ...base, 任务下达时间: date("2026-03-02"), 要求完成时间: date("2026-03-31") }]),
      name: "2026",
    };
    const port = new FakePort([stray, real]);
    const result = await runCheck(port, "2026-11-25");
    expect(result.sheetName).toBe("2026");
    expect(port.reads).toEqual([["督办事项登记表", "2026"]]);
  });
});

describe("runCheck and runStatus", () => {
  it("runCheck counts items and keeps the engine's issues", async () => {
    const port = new FakePort([registry]);
    const result = await runCheck(port, "2026-11-25");
    expect(result.rows).toBe(3);
    expect(result.sheetName).toBe("督办事项登记表");
    expect(hasErrors(result.issues)).toBe(false);
  });

  it("runStatus gives null for a blank number and the engine's status", async () => {
    const { items } = await runStatus(new FakePort([registry]), "2026-11-25");
    expect(items.map((i) => [i.row, i.number, i.status])).toEqual([
      [3, "〔2026〕2号", "逾期"],
      [4, null, "临期"],
      [5, null, "逾期"],
    ]);
  });
});

describe("sheetsToRead", () => {
  it.each<[string[], string[]]>([
    [
      ["督办事项登记表", "设置", "工作日历", "通知单"],
      ["督办事项登记表", "设置", "工作日历"],
    ],
    [
      [
        "2021年",
        "2022年",
        "操作日志",
        "督办看板",
        "催办记录",
        "通知单〔2021〕3号",
        "书面报告〔2021〕3号",
        "催办提示单〔2021〕3号(2)",
      ],
      ["2021年", "2022年"],
    ],
    [
      [" 督办事项登记表 ", "设置"],
      [" 督办事项登记表 ", "设置"],
    ],
    [
      ["Sheet1", "设置", "Sheet2"],
      ["Sheet1", "设置", "Sheet2"],
    ],
    [
      ["督办事项登记表", "2021年归档", "归档说明", "21年归档"],
      ["督办事项登记表", "2021年归档", "归档说明", "21年归档"],
    ],
    [[], []],
  ])("%j → %j", (names, expected) => {
    expect(sheetsToRead(names)).toEqual(expected);
  });
});
