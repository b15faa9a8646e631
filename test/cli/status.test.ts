import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  addRegistrySheet,
  d,
  item,
  makeTempDir,
  removeDir,
  runCli,
  sha256,
  writeWorkbook,
  type ItemSpec,
} from "./helpers";

let dir: string;
beforeAll(() => (dir = makeTempDir()));
afterAll(() => removeDir(dir));

let counter = 0;
async function registry(items: readonly ItemSpec[], settings?: [string, ExcelJS.CellValue][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addRegistrySheet(wb, items);
  if (settings) {
    const ws = wb.addWorksheet("设置");
    settings.forEach((values, i) => (ws.getRow(i + 1).values = values));
  }
  counter += 1;
  return writeWorkbook(wb, path.join(dir, `状态-${counter}.xlsx`));
}

const ITEMS: ItemSpec[] = [
  item("〔2026〕1号", "2026-10-20", "2026-11-20"),
  item("〔2026〕2号", "2026-11-10", "2026-11-27"),
  item("", "2026-11-16", "2026-12-31"),
  item("〔2026〕4号", "2026-09-01", "2026-09-30", { 督办结果: "按期办结" }),
  item("〔2026〕5号", "2026-09-01", "2026-09-30", { 督办结果: "终止" }),
  item("〔2026〕6号", "2026-11-02", "2026-11-30", { 要求完成时间: undefined }),
];

describe("duban status", () => {
  // Working days after 2026-09-30 up to 2026-11-25: Oct 8, 9, the make-up Saturday Oct 10,
  // 15 weekdays Oct 12–30, 18 weekdays Nov 2–25 = 36.
  it("gives each item's status with exactly the contract's keys (today 2026-11-25)", async () => {
    const file = await registry(ITEMS);
    const { code, stdout, stderr } = await runCli(["status", file, "--today", "2026-11-25", "--json"]);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["items"]);
    for (const i of json.items)
      expect(Object.keys(i)).toEqual(["sheet", "row", "number", "status", "deadline", "workingDaysLeft"]);
    expect(json.items).toEqual([
      {
        sheet: "督办事项登记表",
        row: 3,
        number: "〔2026〕1号",
        status: "逾期",
        deadline: "2026-11-20",
        workingDaysLeft: -3,
      },
      {
        sheet: "督办事项登记表",
        row: 4,
        number: "〔2026〕2号",
        status: "临期",
        deadline: "2026-11-27",
        workingDaysLeft: 2,
      },
      { sheet: "督办事项登记表", row: 5, number: null, status: "办理中", deadline: "2026-12-31", workingDaysLeft: 26 },
      {
        sheet: "督办事项登记表",
        row: 6,
        number: "〔2026〕4号",
        status: "已办结",
        deadline: "2026-09-30",
        workingDaysLeft: -36,
      },
      {
        sheet: "督办事项登记表",
        row: 7,
        number: "〔2026〕5号",
        status: "已终止",
        deadline: "2026-09-30",
        workingDaysLeft: -36,
      },
      {
        sheet: "督办事项登记表",
        row: 8,
        number: "〔2026〕6号",
        status: "办理中",
        deadline: null,
        workingDaysLeft: null,
      },
    ]);
  });

  it("临期 when 2 working days are left across National Day (today 2026-09-30, due 2026-10-09)", async () => {
    const file = await registry([item("〔2026〕1号", "2026-09-20", "2026-10-09")]);
    const json = JSON.parse((await runCli(["status", file, "--json", "--today", "2026-09-30"])).stdout);
    expect(json.items[0]).toMatchObject({ status: "临期", workingDaysLeft: 2 });
  });

  it("逾期 the day after the deadline, even when no working day has passed", async () => {
    const file = await registry([item("〔2026〕1号", "2026-09-20", "2026-09-30")]);
    const json = JSON.parse((await runCli(["status", file, "--json", "--today", "2026-10-01"])).stdout);
    expect(json.items[0]).toMatchObject({ status: "逾期", workingDaysLeft: 0 });
  });

  it("the 设置 sheet's warning threshold decides 临期", async () => {
    const file = await registry([item("〔2026〕2号", "2026-11-10", "2026-11-27")], [["临期预警工作日", 1]]);
    const json = JSON.parse((await runCli(["status", file, "--json", "--today", "2026-11-25"])).stdout);
    expect(json.items[0]).toMatchObject({ status: "办理中", workingDaysLeft: 2 });
  });

  it("prints a table and a summary by status without --json; exit 0 even when the data has errors", async () => {
    const file = await registry(ITEMS);
    const { code, stdout } = await runCli(["status", file, "--today", "2026-11-25"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toContain("2026-11-25");
    expect(lines[1]).toMatch(/^行\s+编号\s+状态\s+期限\s+剩余工作日\s+督办科室\s+督办事项内容$/);
    expect(stdout).toMatch(/3\s+〔2026〕1号\s+逾期\s+2026-11-20\s+超 3/);
    expect(stdout).toMatch(/5\s+（未编号）\s+办理中\s+2026-12-31\s+26/);
    expect(lines[lines.length - 1]).toBe("共 6 项：逾期 1 项，临期 1 项，办理中 2 项，已办结 1 项，已终止 1 项");
    expect(stdout).not.toContain("\x1b[");
  });

  it("colours statuses only on a terminal", async () => {
    const file = await registry(ITEMS);
    const { stdout } = await runCli(["status", file, "--today", "2026-11-25"], { isTTY: true });
    expect(stdout).toContain("\x1b[31m逾期");
    expect(stdout).toContain("\x1b[33m临期");
  });

  it("never modifies the file", async () => {
    const file = await registry(ITEMS);
    const before = sha256(file);
    await runCli(["status", file, "--json"]);
    expect(sha256(file)).toBe(before);
  });

  it("dates typed as text are read and given back as YYYY-MM-DD", async () => {
    const file = await registry([
      item("〔2026〕1号", "2026-11-02", "2026-11-30", { 要求完成时间: "2026年12月4日", 任务下达时间: d("2026-11-02") }),
    ]);
    const json = JSON.parse((await runCli(["status", file, "--json", "--today", "2026-11-25"])).stdout);
    expect(json.items[0].deadline).toBe("2026-12-04");
  });
});
