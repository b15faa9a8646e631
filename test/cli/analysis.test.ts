/** `duban analysis`: the JSON contract, the figures against the hand-labelled ledger, the report sheet, errors. */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { loadWorkbook, makeTempDir, removeDir, runCli, sha256 } from "./helpers";
import { expectedFigures, LEDGER, ledgerWorkbook, TODAY } from "../domain/analysis/ledger-fixture";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = makeTempDir();
  file = path.join(dir, "登记表.xlsx");
  await ledgerWorkbook().xlsx.writeFile(file);
});
afterAll(() => removeDir(dir));

const run = (argv: string[], today = TODAY) => runCli(argv, { cwd: dir, today });

const FIGURE_KEYS = [
  "items",
  "closedOnTime",
  "closedLate",
  "terminated",
  "overdue",
  "inProgress",
  "onTimeRate",
  "urged",
  "accountability",
  "closedAssumedOnTime",
];

/** The labels' figures, the rate rounded as the JSON gives it. */
function expected(rows: typeof LEDGER) {
  const f = expectedFigures(rows);
  return { ...f, onTimeRate: f.onTimeRate === null ? null : Math.round(f.onTimeRate * 10000) / 10000 };
}

describe("duban analysis --json", () => {
  it("has the contract's keys, period first, figures in the contract's order", async () => {
    const { code, stdout, stderr } = await run(["analysis", "登记表.xlsx", "--semester", "2021-spring", "--json"]);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      "period",
      "today",
      "total",
      "sections",
      "overdueItems",
      "ineligible",
      "undatedItems",
      "issues",
    ]);
    expect(json.period).toEqual({
      from: "2021-02-01",
      to: "2021-07-31",
      semester: "2021-spring",
      label: "2021年春季学期",
    });
    expect(Object.keys(json.total)).toEqual(FIGURE_KEYS);
    expect(Object.keys(json.sections[0])).toEqual(["section", ...FIGURE_KEYS]);
  });

  it.each(["2020-autumn", "2021-spring", "2021-autumn", "2022-spring"] as const)(
    "%s: the totals and every section as the labels add up",
    async (semester) => {
      const json = JSON.parse((await run(["analysis", "登记表.xlsx", "--semester", semester, "--json"])).stdout);
      const rows = LEDGER.filter((r) => r.semester === semester);
      expect(json.total).toEqual(expected(rows));
      for (const s of json.sections) {
        expect(s).toEqual({ section: s.section, ...expected(rows.filter((r) => r.section === s.section)) });
      }
      expect(json.sections.map((s: { section: string }) => s.section).sort()).toEqual(
        [...new Set(rows.map((r) => r.section))].sort(),
      );
    },
  );

  it("--from/--to with the autumn boundaries: 31 January in, 1 February out", async () => {
    const json = JSON.parse(
      (await run(["analysis", "登记表.xlsx", "--from", "2022-01-31", "--to", "2022-01-31", "--json"])).stdout,
    );
    expect(json.period.semester).toBeNull();
    expect(json.total.items).toBe(1);
    expect(json.sections).toEqual([{ section: "办公室", ...expected([LEDGER[23]]) }]);
  });

  it("lists the overdue items with their working days late and the units without eligibility", async () => {
    const json = JSON.parse((await run(["analysis", "登记表.xlsx", "--semester", "2020-autumn", "--json"])).stdout);
    expect(json.overdueItems).toEqual([
      {
        row: 29,
        number: "〔2020〕27号",
        section: "督导室",
        hostUnit: "承办单位27",
        deadline: "2021-01-29",
        workingDaysLate: 125,
      },
    ]);
    expect(json.ineligible).toEqual([
      {
        unit: "承办单位27",
        year: 2021,
        records: [{ row: 3, date: "2021-03-15", number: "〔2020〕27号", measure: "通报批评" }],
      },
    ]);
    expect(json.undatedItems).toBe(1);
  });

  it("prints a table by section for people", async () => {
    const { code, stdout } = await run(["analysis", "登记表.xlsx", "--semester", "2021-spring"]);
    expect(code).toBe(0);
    expect(stdout).toContain("2021年春季学期（2021-02-01 至 2021-07-31）督办分析");
    for (const s of ["督导室", "办公室", "组织科", "（未填写督办科室）", "合计", "逾期未办结事项："])
      expect(stdout).toContain(s);
    expect(stdout).toContain("按期办结率");
  });
});

describe("duban analysis -o: the report sheet", () => {
  it("writes OUT with the report, FILE untouched, figures as numbers", async () => {
    const before = sha256(file);
    const { code, stdout } = await run([
      "analysis",
      "登记表.xlsx",
      "--semester",
      "2021-spring",
      "-o",
      "报告.xlsx",
      "--json",
    ]);
    expect(code).toBe(0);
    expect(sha256(file)).toBe(before);
    const json = JSON.parse(stdout);
    expect(json.sheet).toBe("督办分析报告2021年春季学期");
    expect(json.output).toBe("报告.xlsx");
    const wb = await loadWorkbook(path.join(dir, "报告.xlsx"));
    const ws = wb.getWorksheet("督办分析报告2021年春季学期");
    expect(ws).toBeDefined();
    expect(ws!.pageSetup.paperSize).toBe(9);
    expect(ws!.pageSetup.fitToHeight).toBe(1);
    const numbers: number[] = [];
    ws!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "number" && numbers.push(cell.value))));
    expect(numbers).toContain(json.total.items);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "督办事项登记表",
      "设置",
      "催办记录",
      "问责记录",
      "督办分析报告2021年春季学期",
    ]);
  });

  it("a second report of the same period gets (2); --replace replaces it", async () => {
    expect((await run(["analysis", "报告.xlsx", "--semester", "2021-spring", "-o", "报告2.xlsx"])).code).toBe(0);
    let wb = await loadWorkbook(path.join(dir, "报告2.xlsx"));
    expect(wb.worksheets.map((w) => w.name).slice(-2)).toEqual([
      "督办分析报告2021年春季学期",
      "督办分析报告2021年春季学期(2)",
    ]);
    expect(
      (await run(["analysis", "报告.xlsx", "--semester", "2021-spring", "-o", "报告3.xlsx", "--replace"])).code,
    ).toBe(0);
    wb = await loadWorkbook(path.join(dir, "报告3.xlsx"));
    expect(wb.worksheets.filter((w) => w.name.startsWith("督办分析报告"))).toHaveLength(1);
  });

  it("--in-place keeps a backup", async () => {
    const copy = path.join(dir, "副本.xlsx");
    fs.copyFileSync(file, copy);
    const before = sha256(copy);
    const { code, stdout } = await run(["analysis", "副本.xlsx", "--semester", "2021-spring", "--in-place"]);
    expect(code).toBe(0);
    expect(stdout).toContain("原文件已备份为");
    expect(sha256(path.join(dir, "副本.backup-1.xlsx"))).toBe(before);
  });
});

describe("duban analysis: mistakes get exit 2 and one Chinese line", () => {
  it.each([
    [["analysis", "登记表.xlsx"], "请指定统计期间"],
    [["analysis", "登记表.xlsx", "--semester", "2021春"], "--semester 须为"],
    [["analysis", "登记表.xlsx", "--semester", "2021-spring", "--from", "2021-03-01"], "不能与"],
    [["analysis", "登记表.xlsx", "--from", "2021-03-01"], "--from 与 --to 须同时给出"],
    [["analysis", "登记表.xlsx", "--from", "2021-06-30", "--to", "2021-03-01"], "晚于"],
    [["analysis", "登记表.xlsx", "--from", "2021-02-30", "--to", "2021-03-01"], "真实日期"],
    [["analysis", "登记表.xlsx", "--semester", "2021-spring", "--replace"], "--replace"],
    [["analysis", "登记表.xlsx", "--semester", "2021-spring", "-o", "登记表.xlsx"], "输出文件与输入文件相同"],
    [["analysis", "不存在.xlsx", "--semester", "2021-spring"], "不存在.xlsx"],
    [["analysis", "--semester", "2021-spring"], "需要一个 .xlsx 文件"],
  ])("%j", async (argv, words) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(words);
  });

  it("a workbook without a registry", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "随手记";
    await wb.xlsx.writeFile(path.join(dir, "空.xlsx"));
    const { code, stderr } = await run(["analysis", "空.xlsx", "--semester", "2021-spring"]);
    expect(code).toBe(2);
    expect(stderr[0]).toContain("没有督办事项登记表");
  });
});
