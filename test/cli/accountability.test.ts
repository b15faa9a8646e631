/** `duban accountability`: suggestions per clause, --record into 问责记录, eligibility, errors. */
import * as fs from "fs";
import * as path from "path";
import { loadWorkbook, makeTempDir, removeDir, runCli, sha256 } from "./helpers";
import { ledgerGrids, ledgerWorkbook, TODAY } from "../domain/analysis/ledger-fixture";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = makeTempDir();
  file = path.join(dir, "登记表.xlsx");
  await ledgerWorkbook().xlsx.writeFile(file);
  // The same ledger without its 问责记录 sheet: recording creates it.
  await ledgerWorkbook(ledgerGrids().filter((g) => g.name !== "问责记录")).xlsx.writeFile(
    path.join(dir, "无记录.xlsx"),
  );
});
afterAll(() => removeDir(dir));

const run = (argv: string[], today = TODAY) => runCli(argv, { cwd: dir, today });
const json = async (argv: string[], today = TODAY) => JSON.parse((await run([...argv, "--json"], today)).stdout);
const brief = (list: { number: string; measure: string }[]) => list.map((s) => [s.number, s.measure]);

describe("duban accountability: what the policy calls for", () => {
  it("has the contract's keys and the suggestions of each clause (see the domain test for why)", async () => {
    const out = await json(["accountability", "登记表.xlsx"]);
    expect(Object.keys(out)).toEqual(["today", "suggestions", "records", "ineligible", "issues"]);
    expect(Object.keys(out.suggestions[0])).toEqual([
      "measure",
      "row",
      "number",
      "unit",
      "head",
      "section",
      "deadline",
      "workingDaysLate",
      "timesUrged",
      "reason",
      "basis",
    ]);
    expect(brief(out.suggestions)).toEqual([
      ["〔2021〕5号", "约谈"],
      ["〔2021〕5号", "通报批评"],
      ["〔2021〕14号", "约谈"],
      ["〔2021〕19号", "通报批评"],
      ["〔2021〕20号", "约谈"],
      ["〔2021〕22号", "约谈"],
    ]);
    expect(out.records.map((r: { measure: string }) => r.measure)).toEqual(["约谈", "通报批评"]);
    expect(out.ineligible.map((u: { unit: string; year: number }) => [u.unit, u.year])).toEqual([["承办单位27", 2021]]);
  });

  it("prints the suggestions for people, saying 追究责任 is never suggested", async () => {
    const { code, stdout } = await run(["accountability", "登记表.xlsx"]);
    expect(code).toBe(0);
    expect(stdout).toContain("负责人22");
    expect(stdout).toContain("追究责任不会自动建议");
    expect(stdout).toContain("承办单位27");
  });
});

describe("duban accountability --record", () => {
  it("records today's suggestions for an item in 问责记录, FILE untouched", async () => {
    const before = sha256(file);
    const { code, stdout, stderr } = await run([
      "accountability",
      "登记表.xlsx",
      "--record",
      "[2021]5号",
      "--by",
      "王芳",
      "-o",
      "已记录.xlsx",
    ]);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(sha256(file)).toBe(before);
    expect(stdout).toContain("已在“问责记录”第 4 行记录：〔2021〕5号 承办单位5 约谈");
    expect(stdout).toContain("第 5 行记录：〔2021〕5号 承办单位5 通报批评");
    const ws = (await loadWorkbook(path.join(dir, "已记录.xlsx"))).getWorksheet("问责记录")!;
    const row = (r: number) => [1, 2, 3, 4, 6].map((c) => ws.getCell(r, c).value);
    expect(row(4)).toEqual([new Date("2021-08-02T00:00:00Z"), "承办单位5", "〔2021〕5号", "约谈", "王芳"]);
    expect(row(5)).toEqual([new Date("2021-08-02T00:00:00Z"), "承办单位5", "〔2021〕5号", "通报批评", "王芳"]);
    expect(String(ws.getCell(5, 5).value)).toContain("五（一）");
    expect(ws.getCell(4, 1).numFmt).toBe('yyyy"年"m"月"d"日"');
  });

  it("a recorded measure is no longer suggested, and a 通报批评 costs the unit that year", async () => {
    const out = await json(["accountability", "已记录.xlsx"]);
    expect(brief(out.suggestions).filter(([n]: string[]) => n === "〔2021〕5号")).toEqual([]);
    expect(out.ineligible.map((u: { unit: string; year: number }) => [u.unit, u.year])).toEqual([
      ["承办单位27", 2021],
      ["承办单位5", 2021],
    ]);
  });

  it("recording the same measure twice on a day writes it once", async () => {
    const out = await json([
      "accountability",
      "已记录.xlsx",
      "--record",
      "〔2021〕5号",
      "--measure",
      "约谈",
      "-o",
      "再记.xlsx",
    ]);
    expect(out.recorded).toEqual([expect.objectContaining({ number: "〔2021〕5号", measure: "约谈", row: null })]);
    const ws = (await loadWorkbook(path.join(dir, "再记.xlsx"))).getWorksheet("问责记录")!;
    expect(ws.actualRowCount).toBe(5);
  });

  it("追究责任 is recorded only when a person names it, even for an item without suggestions", async () => {
    const out = await json([
      "accountability",
      "登记表.xlsx",
      "--record",
      "〔2021〕3号",
      "--measure",
      "追究责任",
      "--basis",
      "经研究，情节严重",
      "-o",
      "追责.xlsx",
    ]);
    expect(out.recorded).toEqual([
      { number: "〔2021〕3号", unit: "承办单位3", measure: "追究责任", basis: "经研究，情节严重", row: 4 },
    ]);
    expect(out.ineligible.map((u: { unit: string }) => u.unit)).toContain("承办单位3");
  });

  it("creates the 问责记录 sheet when the workbook has none", async () => {
    const out = await json(["accountability", "无记录.xlsx", "--record", "〔2021〕22号", "-o", "新记录.xlsx"]);
    expect(out.sheet).toBe("问责记录");
    expect(out.recorded).toEqual([expect.objectContaining({ measure: "约谈", row: 2 })]);
    const ws = (await loadWorkbook(path.join(dir, "新记录.xlsx"))).getWorksheet("问责记录")!;
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(1, c).value)).toEqual([
      "日期",
      "承办单位",
      "事项编号",
      "措施",
      "依据",
      "经办人",
    ]);
    expect(ws.getCell(2, 3).value).toBe("〔2021〕22号");
  });

  it("several numbers at once", async () => {
    const out = await json([
      "accountability",
      "登记表.xlsx",
      "--record",
      "〔2021〕14号、〔2021〕20号",
      "-o",
      "多项.xlsx",
    ]);
    expect(brief(out.recorded)).toEqual([
      ["〔2021〕14号", "约谈"],
      ["〔2021〕20号", "约谈"],
    ]);
  });
});

describe("duban accountability: mistakes get exit 2 and one Chinese line, nothing written", () => {
  it.each([
    [["--record", "〔2021〕3号", "-o", "x1.xlsx"], "目前没有问责建议"],
    [["--record", "〔2021〕99号", "-o", "x2.xlsx"], "登记表中没有编号为 〔2021〕99号 的事项"],
    [["--record", "待定", "-o", "x3.xlsx"], "无法识别督办事项编号"],
    [["--record", "〔2021〕5号"], "需要用 -o 指定输出文件"],
    [["--record", "，", "-o", "x4.xlsx"], "请指定要记录问责措施的督办事项编号"],
    [["--measure", "约谈"], "--measure 只与 --record 一起使用"],
    [["--record", "〔2021〕5号", "--measure", "警告", "-o", "x5.xlsx"], "--measure 须为 约谈、通报批评、追究责任 之一"],
  ])("%j", async (extra, words) => {
    const { code, stdout, stderr } = await run(["accountability", "登记表.xlsx", ...extra]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(words);
    for (const f of ["x1.xlsx", "x2.xlsx", "x3.xlsx", "x4.xlsx", "x5.xlsx"]) {
      expect(fs.existsSync(path.join(dir, f))).toBe(false);
    }
  });
});
