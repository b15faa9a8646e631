import * as fs from "fs";
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
  type RegistryOptions,
} from "./helpers";

let dir: string;
beforeAll(() => (dir = makeTempDir()));
afterAll(() => removeDir(dir));

let counter = 0;
async function registry(items: readonly ItemSpec[], options: RegistryOptions = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addRegistrySheet(wb, items, options);
  counter += 1;
  return writeWorkbook(wb, path.join(dir, `登记表-${counter}.xlsx`));
}

const ISSUE_KEYS = ["sheet", "row", "column", "severity", "code", "message"];

describe("duban check", () => {
  it("a clean registry exits 0 with no issues", async () => {
    const file = await registry([
      item("〔2026〕1号", "2026-11-02", "2026-11-30"),
      item("〔2026〕2号", "2026-11-03", "2026-12-15"),
    ]);
    const { code, stdout, stderr } = await runCli(["check", file, "--json"]);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ rows: 2, issues: [] });
    expect(json.layout).toEqual({
      sheet: "督办事项登记表",
      headerRows: [2],
      columns: expect.objectContaining({ 序号: "A", 督办事项编号: "B", 督办事项内容: "C", 备注: "N" }),
      skipped: [],
      continuations: [],
      mergesKnown: true,
    });
    expect(json.layouts).toEqual([json.layout]);
  });

  it("errors exit 1; each issue has exactly the contract's keys, sheet rows and header text without white space", async () => {
    const file = await registry([
      item("[2026]1号", "2026-11-02", "2026-11-30"),
      item("〔2026〕2号", "2026-11-03", "2026-11-30", { 要求完成时间: undefined }),
      item("〔2026〕3号", "2026-11-10", "2026-11-05"),
    ]);
    const { code, stdout } = await runCli(["check", file, "--json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["rows", "issues", "layout", "layouts"]);
    expect(json.rows).toBe(3);
    for (const issue of json.issues) expect(Object.keys(issue).filter((k) => k !== "fix")).toEqual(ISSUE_KEYS);
    const found = json.issues.map((i: { row: number; column: string; code: string; severity: string }) => [
      i.row,
      i.column,
      i.code,
      i.severity,
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        [3, "督办事项编号", "number-format", "error"],
        [4, "要求完成时间", "required-missing", "error"],
        [5, "要求完成时间", "deadline-before-issue", "error"],
      ]),
    );
    expect(json.issues.every((i: { message: string }) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
  });

  it("warnings alone exit 0", async () => {
    const file = await registry([item("〔2026〕1号", "2026-11-02", "2026-11-30", { 签收日期: d("2026-12-01") })]);
    const { code, stdout } = await runCli(["check", file, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.issues.length).toBeGreaterThan(0);
    expect(json.issues.every((i: { severity: string }) => i.severity === "warning")).toBe(true);
  });

  it("--today decides what lies in the future", async () => {
    const file = await registry([item("〔2026〕1号", "2026-11-02", "2026-11-30", { 签收日期: d("2026-12-01") })]);
    const later = JSON.parse((await runCli(["check", file, "--json", "--today", "2026-12-02"])).stdout);
    expect(later.issues).toEqual([]);
  });

  it("an overdue item is not a defect: exit 0", async () => {
    const file = await registry([item("〔2026〕1号", "2026-10-08", "2026-10-30")]);
    const { code, stdout } = await runCli(["check", file, "--json", "--today", "2026-11-25"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  });

  it("rows are the sheet's own: title row, header with line breaks and blank rows counted", async () => {
    const file = await registry(
      [item("〔2026〕1号", "2026-11-02", "2026-11-30"), item("〔2026〕1号", "2026-11-03", "2026-11-30")],
      {
        blankAfter: [0],
      },
    );
    const json = JSON.parse((await runCli(["check", file, "--json"])).stdout);
    expect(json.rows).toBe(2);
    const dupRows = json.issues
      .filter((i: { code: string }) => i.code === "number-duplicate")
      .map((i: { row: number }) => i.row);
    expect(dupRows.sort()).toEqual([3, 5]);
  });

  it("without a title row the first item is on row 2", async () => {
    const file = await registry([item("〔21〕1号", "2021-03-01", "2021-03-31")], { title: false });
    const json = JSON.parse((await runCli(["check", file, "--json"])).stdout);
    expect(json.issues).toEqual([expect.objectContaining({ row: 2, column: "督办事项编号", code: "number-format" })]);
  });

  it("a registry on a sheet with another name is found by its headers", async () => {
    const file = await registry([item("〔2026〕1号", "2026-11-02", "2026-11-30")], { sheetName: "Sheet1" });
    const { code, stdout } = await runCli(["check", file, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).rows).toBe(1);
  });

  it("prints a readable table and a summary line without --json", async () => {
    const file = await registry([
      item("[2026]1号", "2026-11-02", "2026-11-30"),
      item("〔2026〕2号", "2026-11-02", "2026-11-30", { 签收日期: d("2026-12-01") }),
    ]);
    const { code, stdout } = await runCli(["check", file]);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[1]).toMatch(/^行\s+列\s+级别\s+问题$/);
    expect(stdout).toMatch(/3\s+督办事项编号\s+错误\s+.*〔2026〕1号/);
    expect(lines[lines.length - 1]).toBe("共 2 项：错误 1 条，警告 1 条");
    expect(stdout).not.toContain("\x1b[");
  });

  it("colours only when stdout is a terminal", async () => {
    const file = await registry([item("[2026]1号", "2026-11-02", "2026-11-30")]);
    expect((await runCli(["check", file], { isTTY: true })).stdout).toContain("\x1b[31m");
    expect((await runCli(["check", file, "--json"], { isTTY: true })).stdout).not.toContain("\x1b[");
  });

  it("reports no issues in words when there are none", async () => {
    const file = await registry([item("〔2026〕1号", "2026-11-02", "2026-11-30")]);
    const { stdout } = await runCli(["check", file]);
    expect(stdout).toContain("未发现问题");
    expect(stdout.split("\n").pop()).toBe("共 1 项：错误 0 条，警告 0 条");
  });

  it("never modifies the file it checks", async () => {
    const file = await registry([item("[2026]1号", "2026-11-02", "2026-11-30")]);
    const before = sha256(file);
    const mtime = fs.statSync(file).mtimeMs;
    await runCli(["check", file, "--json"]);
    await runCli(["check", file]);
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it("a relative FILE is resolved against the working folder", async () => {
    const file = await registry([item("〔2026〕1号", "2026-11-02", "2026-11-30")]);
    const { code } = await runCli(["check", path.basename(file), "--json"], { cwd: dir });
    expect(code).toBe(0);
  });
});
