import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import {
  addRegistrySheet,
  d,
  item,
  loadWorkbook,
  makeTempDir,
  removeDir,
  runCli,
  sha256,
  writeWorkbook,
} from "./helpers";

let dir: string;
beforeAll(() => (dir = makeTempDir()));
afterAll(() => removeDir(dir));

let counter = 0;
/** A fresh folder holding 登记表.xlsx: numbered and unnumbered items plus everything else a file carries. */
async function fixture(): Promise<{ folder: string; file: string }> {
  counter += 1;
  const folder = path.join(dir, `case-${counter}`);
  fs.mkdirSync(folder);
  const wb = new ExcelJS.Workbook();
  const { sheet } = addRegistrySheet(
    wb,
    [
      item("〔2026〕1号", "2026-03-02", "2026-03-31", { 督办结果: "按期办结" }),
      item("", "2025-12-01", "2025-12-31", { 督办结果: "按期办结" }),
      item("", "2026-11-02", "2026-11-30"),
      item("〔2026〕3号", "2026-06-01", "2026-06-30", { 督办结果: "按期办结" }),
      item("", "2026-11-16", "2026-12-18"),
    ],
    { blankAfter: [1] },
  );
  // Items are on rows 3, 4, 6, 7, 8 (a blank row after the second).
  sheet.getCell("A3").value = 1;
  sheet.getCell("A4").value = { formula: "A3+1", result: 2 };
  sheet.getCell("C3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  sheet.getCell("C3").font = { name: "仿宋_GB2312", size: 12, bold: true };
  sheet.getCell("C3").note = "经办人：张德华";
  sheet.getCell("B6").border = { bottom: { style: "thin" } };
  sheet.getColumn(3).width = 44;
  sheet.getRow(2).height = 34;
  sheet.addConditionalFormatting({
    ref: "A3:N200",
    rules: [
      { type: "expression", priority: 1, formulae: ['$M3="逾期"'], style: { font: { color: { argb: "FFFF0000" } } } },
    ],
  });
  sheet.getCell("E3").dataValidation = { type: "list", allowBlank: true, formulae: ['"特急,加急,一般"'] };
  const settings = wb.addWorksheet("设置");
  settings.getRow(1).values = ["临期预警工作日", 3];
  const log = wb.addWorksheet("催办记录");
  log.getRow(1).values = ["催办日期", "督办事项编号"];
  log.getRow(2).values = [d("2026-11-20"), "〔2026〕1号"];
  const file = await writeWorkbook(wb, path.join(folder, "登记表.xlsx"));
  return { folder, file };
}

const EXPECTED = [
  { sheet: "督办事项登记表", row: 4, number: "〔2025〕1号" },
  { sheet: "督办事项登记表", row: 6, number: "〔2026〕4号" },
  { sheet: "督办事项登记表", row: 8, number: "〔2026〕5号" },
];

describe("duban number FILE -o OUT", () => {
  it("numbers the unnumbered rows by year, top to bottom, and prints exactly the contract's JSON", async () => {
    const { folder, file } = await fixture();
    const out = path.join(folder, "编号后.xlsx");
    const { code, stdout, stderr } = await runCli(["number", file, "-o", out, "--json"]);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toEqual({ assigned: EXPECTED });
    for (const a of json.assigned) expect(Object.keys(a)).toEqual(["sheet", "row", "number"]);
    const ws = (await loadWorkbook(out)).getWorksheet("督办事项登记表")!;
    for (const { row, number } of EXPECTED) expect(ws.getCell(row, 2).value).toBe(number);
    expect(ws.getCell("B3").value).toBe("〔2026〕1号");
    expect(ws.getCell("B7").value).toBe("〔2026〕3号");
  });

  it("leaves FILE byte-identical", async () => {
    const { folder, file } = await fixture();
    const before = sha256(file);
    const mtime = fs.statSync(file).mtimeMs;
    await runCli(["number", file, "-o", path.join(folder, "out.xlsx")]);
    expect(sha256(file)).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it("keeps everything else in OUT: values, formulas, styles, merges, widths, notes, validation, other sheets", async () => {
    const { folder, file } = await fixture();
    const out = path.join(folder, "out.xlsx");
    await runCli(["number", file, "-o", out]);
    const [a, b] = [await loadWorkbook(file), await loadWorkbook(out)];
    const [wa, wb] = [a.getWorksheet("督办事项登记表")!, b.getWorksheet("督办事项登记表")!];
    const numbered = new Set(EXPECTED.map((e) => `B${e.row}`));
    wa.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const at = cell.address;
        if (!numbered.has(at)) expect([at, wb.getCell(at).value]).toEqual([at, cell.value]);
        expect([at, wb.getCell(at).style]).toEqual([at, cell.style]);
      }),
    );
    expect(wb.getCell("A4").value).toEqual({ formula: "A3+1", result: 2 });
    expect(wb.getCell("C3").note).toBe("经办人：张德华");
    expect(wb.getCell("C3").font).toEqual({ name: "仿宋_GB2312", size: 12, bold: true });
    expect(wb.getCell("B6").border).toEqual({ bottom: { style: "thin" } });
    expect(wb.model.merges).toEqual(wa.model.merges);
    expect(wb.getColumn(3).width).toBe(44);
    expect(wb.getRow(2).height).toBe(34);
    const formats = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(formats(wb)).toEqual(formats(wa));
    expect(formats(wb)).toHaveLength(1);
    expect(wb.getCell("E3").dataValidation).toEqual(wa.getCell("E3").dataValidation);
    expect(b.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "设置", "催办记录"]);
    expect(b.getWorksheet("催办记录")!.getCell("A2").value).toEqual(a.getWorksheet("催办记录")!.getCell("A2").value);
    expect(b.getWorksheet("设置")!.getCell("B1").value).toBe(3);
  });

  it("prints what it did in Chinese without --json", async () => {
    const { folder } = await fixture();
    const { stdout } = await runCli(["number", "登记表.xlsx", "-o", "out.xlsx"], { cwd: folder });
    expect(stdout.split("\n")).toEqual([
      "已为 3 项编号：",
      "  第 4 行  〔2025〕1号",
      "  第 6 行  〔2026〕4号",
      "  第 8 行  〔2026〕5号",
      "已写入：out.xlsx",
    ]);
  });

  it("an item without 任务下达时间 takes the year of --today", async () => {
    const folder = path.join(dir, "today");
    fs.mkdirSync(folder);
    const wb = new ExcelJS.Workbook();
    addRegistrySheet(wb, [item("", "2026-11-02", "2026-11-30", { 任务下达时间: undefined })]);
    const file = await writeWorkbook(wb, path.join(folder, "a.xlsx"));
    const json = JSON.parse(
      (await runCli(["number", file, "-o", path.join(folder, "b.xlsx"), "--json", "--today", "2027-01-05"])).stdout,
    );
    expect(json).toEqual({ assigned: [{ sheet: "督办事项登记表", row: 3, number: "〔2027〕1号" }] });
  });

  it("with nothing to number, OUT is still written and the list is empty", async () => {
    const folder = path.join(dir, "none");
    fs.mkdirSync(folder);
    const wb = new ExcelJS.Workbook();
    addRegistrySheet(wb, [item("〔2026〕1号", "2026-11-02", "2026-11-30")]);
    const file = await writeWorkbook(wb, path.join(folder, "a.xlsx"));
    const out = path.join(folder, "b.xlsx");
    const { code, stdout } = await runCli(["number", file, "-o", out, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ assigned: [] });
    expect(fs.existsSync(out)).toBe(true);
  });

  it("leaves no temp file next to OUT", async () => {
    const { folder, file } = await fixture();
    await runCli(["number", file, "-o", path.join(folder, "out.xlsx")]);
    expect(fs.readdirSync(folder).sort()).toEqual(["out.xlsx", "登记表.xlsx"]);
  });
});

describe("duban number refuses to touch FILE unless asked", () => {
  async function refused(argv: (file: string, folder: string) => string[], pattern: RegExp) {
    const { folder, file } = await fixture();
    const before = sha256(file);
    const listing = fs.readdirSync(folder).sort();
    const { code, stdout, stderr } = await runCli(argv(file, folder), { cwd: folder });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(pattern);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(folder).sort()).toEqual(listing);
  }

  it("without -o or --in-place", () => refused((f) => ["number", f], /-o/));
  it("when OUT is FILE", () => refused((f) => ["number", f, "-o", f], /输出文件与输入文件相同/));
  it("when OUT is FILE by another spelling", () =>
    refused(() => ["number", "登记表.xlsx", "-o", "./sub/../登记表.xlsx"], /相同/));
  it("when OUT is a symbolic link to FILE", () =>
    refused((f, folder) => {
      const link = path.join(dir, `link-${counter}.xlsx`);
      fs.symlinkSync(f, link);
      void folder;
      return ["number", f, "-o", link];
    }, /相同/));
  it("when OUT is a hard link to FILE", () =>
    refused((f) => {
      const link = path.join(dir, `hard-${counter}.xlsx`);
      fs.linkSync(f, link);
      return ["number", f, "-o", link];
    }, /相同/));
  it("when both -o and --in-place are given", () =>
    refused((f, folder) => ["number", f, "-o", path.join(folder, "x.xlsx"), "--in-place"], /不能同时使用/));
  it("when OUT is a folder", () => refused((f, folder) => ["number", f, "-o", folder], /文件夹/));
  it("when OUT's folder does not exist", () =>
    refused((f, folder) => ["number", f, "-o", path.join(folder, "无此目录", "out.xlsx")], /无法写入/));
});

describe("duban number --in-place", () => {
  it("backs FILE up byte for byte, then writes the numbers into FILE", async () => {
    const { folder, file } = await fixture();
    const original = fs.readFileSync(file);
    const { code, stdout } = await runCli(["number", file, "--in-place", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ assigned: EXPECTED });
    const backup = path.join(folder, "登记表.backup-1.xlsx");
    expect(fs.readFileSync(backup).equals(original)).toBe(true);
    const ws = (await loadWorkbook(file)).getWorksheet("督办事项登记表")!;
    expect(ws.getCell("B6").value).toBe("〔2026〕4号");
    expect(fs.readdirSync(folder).sort()).toEqual(["登记表.backup-1.xlsx", "登记表.xlsx"]);
  });

  it("through a symbolic link, writes the real file and keeps the link", async () => {
    const { folder, file } = await fixture();
    const link = path.join(dir, `via-link-${counter}.xlsx`);
    fs.symlinkSync(file, link);
    const original = fs.readFileSync(file);
    expect((await runCli(["number", link, "--in-place"])).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(folder, "登记表.backup-1.xlsx")).equals(original)).toBe(true);
    expect((await loadWorkbook(file)).getWorksheet("督办事项登记表")!.getCell("B6").value).toBe("〔2026〕4号");
  });

  it("never overwrites an existing backup", async () => {
    const { folder, file } = await fixture();
    const existing = path.join(folder, "登记表.backup-1.xlsx");
    fs.writeFileSync(existing, "an older backup");
    const original = fs.readFileSync(file);
    const { stdout } = await runCli(["number", file, "--in-place"]);
    expect(fs.readFileSync(existing, "utf8")).toBe("an older backup");
    expect(fs.readFileSync(path.join(folder, "登记表.backup-2.xlsx")).equals(original)).toBe(true);
    expect(stdout).toContain("登记表.backup-2.xlsx");
  });

  it("with nothing to number, leaves FILE alone and makes no backup", async () => {
    const { folder, file } = await fixture();
    await runCli(["number", file, "--in-place"]);
    const after = sha256(file);
    const listing = fs.readdirSync(folder).sort();
    const { code, stdout } = await runCli(["number", file, "--in-place", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ assigned: [] });
    expect(sha256(file)).toBe(after);
    expect(fs.readdirSync(folder).sort()).toEqual(listing);
  });
});
