import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { runCheck } from "../../src/app/check";
import { runStatus } from "../../src/app/status";
import { buildSampleData, DEMO_HEADERS, DEMO_TODAY } from "../../src/cli/demo/sample-data";
import { buildSampleWorkbook } from "../../src/cli/demo/sample";
import { loadWorkbook, makeTempDir, removeDir, runCli } from "./helpers";

let dir: string;
beforeAll(() => (dir = makeTempDir()));
afterAll(() => removeDir(dir));

/** The workbook as ExcelJS reads the bytes (an independent reader, to inspect the file). */
async function loadWorkbookBytes(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function sampleBook(): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(Buffer.from(await buildSampleWorkbook().xlsx.writeBuffer()));
}

describe("the demo sample", () => {
  const data = buildSampleData();

  it("is the same on every run (seeded)", () => {
    expect(buildSampleData()).toEqual(data);
  });

  it("another seed gives other rows", () => {
    expect(buildSampleData(7).rows).not.toEqual(data.rows);
  });

  it("holds 40–80 items over 2025 and 2026, in several sections", () => {
    expect(data.rows.length).toBeGreaterThanOrEqual(40);
    expect(data.rows.length).toBeLessThanOrEqual(80);
    const years = new Set(data.rows.map((r) => (r[6].t === "date" ? r[6].v.slice(0, 4) : "text")));
    expect(years).toEqual(new Set(["2025", "2026", "text"]));
    const sections = new Set(data.rows.map((r) => (r[8].t === "string" ? r[8].v : "")));
    for (const s of ["办公室", "秘书科", "督导室", "组织科", "基础教育科", "安全管理科", "财务科"])
      expect(sections).toContain(s);
  });

  it("has the official headers with line breaks, then the product's columns", () => {
    expect(DEMO_HEADERS).toContain("任务下\n达时间");
    expect(DEMO_HEADERS).toContain("来文\n编号");
    expect(DEMO_HEADERS.map((h) => h.replace(/\s/g, "")).slice(14)).toEqual([
      "承办单位",
      "事项来源",
      "重大事项",
      "签发领导",
      "办结日期",
      "延期至",
      "延期批准人",
      "报告日期",
      "状态",
    ]);
  });

  it("check finds exactly the planted defects as errors (the duplicate on both its rows)", async () => {
    const result = await runCheck(await sampleBook(), DEMO_TODAY);
    const errors = result.issues.filter((i) => i.severity === "error");
    for (const defect of data.defects) {
      expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ row: defect.row, code: defect.code })]));
    }
    expect(data.defects.map((x) => x.code).sort()).toEqual(
      ["date-impossible", "deadline-before-issue", "number-duplicate", "number-format", "required-missing"].sort(),
    );
    const planted = new Set(data.defects.map((x) => `${x.row}:${x.code}`));
    const unexpected = errors.filter((e) => !planted.has(`${e.row}:${e.code}`) && e.code !== "number-duplicate");
    expect(unexpected).toEqual([]);
    expect(errors.filter((e) => e.code === "number-duplicate")).toHaveLength(2);
  });

  it("shows every status from the demo's today, including items due today and across holidays", async () => {
    const { items } = await runStatus(await sampleBook(), DEMO_TODAY);
    const count = (s: string) => items.filter((i) => i.status === s).length;
    for (const s of ["逾期", "临期", "办理中", "已办结", "已终止"]) expect(count(s)).toBeGreaterThan(0);
    expect(count("逾期")).toBeGreaterThanOrEqual(3);
    expect(items.some((i) => i.deadline === "2026-10-09" && i.status === "已办结")).toBe(true); // across National Day
    expect(items.some((i) => i.deadline === DEMO_TODAY && i.status === "临期" && i.workingDaysLeft === 0)).toBe(true);
    expect(items.filter((i) => i.number === null).length).toBeGreaterThanOrEqual(4);
  });

  it("the workbook has the merged title above the header and a 设置 sheet the engine reads", async () => {
    const book = await sampleBook();
    const ws = (await loadWorkbookBytes(await book.toBuffer())).getWorksheet("督办事项登记表")!;
    expect(ws.getCell("A1").value).toBe("江津区教育委员会督办事项登记表");
    expect(ws.model.merges).toEqual([`A1:${ws.getColumn(DEMO_HEADERS.length).letter}1`]);
    expect(await book.sheetNames()).toEqual(["督办事项登记表", "设置"]);
    const result = await runCheck(book, DEMO_TODAY);
    expect(result.issues.filter((i) => i.column === "设置")).toEqual([]);
    expect(result.issues.some((i) => i.code === "leaders-not-configured")).toBe(false);
  });
});

describe("duban demo", () => {
  it("writes the sample and a numbered copy, prints check, status and numbering, exit 0", async () => {
    const out = path.join(dir, "demo");
    const { code, stdout, stderr } = await runCli(["demo", "--out", out]);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["登记表-已编号.xlsx", "登记表.xlsx"]);
    expect(stdout).toContain("$ duban check 登记表.xlsx --today 2026-11-25");
    expect(stdout).toMatch(/共 \d+ 项：错误 6 条，警告 \d+ 条/);
    expect(stdout).toMatch(/共 \d+ 项：逾期 \d+ 项，临期 \d+ 项，办理中 \d+ 项，已办结 \d+ 项，已终止 \d+ 项/);
    expect(stdout).toMatch(/已为 \d+ 项编号/);
    expect(stdout).toContain(out);
    const numbered = await XlsxWorkbook.load(path.join(out, "登记表-已编号.xlsx"));
    const { items } = await runStatus(numbered, DEMO_TODAY);
    expect(items.every((i) => i.number !== null)).toBe(true);
    const original = (await loadWorkbook(path.join(out, "登记表.xlsx"))).getWorksheet("督办事项登记表")!;
    const unnumbered = buildSampleData().rows.filter((r) => r[1].t === "empty").length;
    expect(stdout).toContain(`已为 ${unnumbered} 项编号`);
    expect(original.getCell("A1").value).toBe("江津区教育委员会督办事项登记表");
  });

  it("--today changes the day the statuses are seen from", async () => {
    const out = path.join(dir, "demo-today");
    const { code, stdout } = await runCli(["demo", "-o", out, "--today", "2027-03-01"]);
    expect(code).toBe(0);
    expect(stdout).toContain("截至 2027-03-01");
    expect(stdout).not.toContain("临期");
  });

  it("defaults to ./demo-output in the working folder", async () => {
    const cwd = path.join(dir, "cwd");
    fs.mkdirSync(cwd);
    expect((await runCli(["demo"], { cwd })).code).toBe(0);
    expect(fs.existsSync(path.join(cwd, "demo-output", "登记表.xlsx"))).toBe(true);
  });

  it("an output folder that cannot be made is exit 2 with one line", async () => {
    const blocker = path.join(dir, "a-file");
    fs.writeFileSync(blocker, "x");
    const { code, stderr } = await runCli(["demo", "--out", path.join(blocker, "sub")]);
    expect(code).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/无法创建输出文件夹/);
  });
});
