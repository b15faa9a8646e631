import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
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
function folder(): string {
  counter += 1;
  const f = path.join(dir, `case-${counter}`);
  fs.mkdirSync(f);
  return f;
}

/** A registry as people keep it: merged title, headers broken over lines, a formula, notes of their own. */
async function registryFile(f: string, extra: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const { sheet } = addRegistrySheet(wb, [
    item("〔2026〕1号", "2026-11-02", "2026-11-20"),
    item("〔2026〕2号", "2026-11-02", "2026-11-30", { 督办结果: "按期办结", 备注: "已报送" }),
    item("", "2026-11-16", "2026-12-18", { 要求完成时间: "2026.12.18", 紧急程度: "特急" }),
    item("〔2026〕2号", "2026-10-08", "2026-10-30", { 督办结果: "终止" }),
  ]);
  sheet.getCell("A3").value = 1;
  sheet.getCell("A4").value = { formula: "A3+1", result: 2 } as ExcelJS.CellFormulaValue;
  sheet.getCell("P3").value = "自己的备忘";
  sheet.getCell("C5").value = { richText: [{ text: "富文本" }, { text: "内容", font: { bold: true } }] };
  sheet.getColumn(3).width = 40;
  extra(sheet);
  return writeWorkbook(wb, path.join(f, "登记表.xlsx"));
}

/** Every non-empty cell of every sheet: "sheet!A1" → JSON of its value. */
async function snapshot(file: string): Promise<Map<string, string>> {
  const wb = await loadWorkbook(file);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value !== null && cell.value !== undefined)
          out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    );
  }
  return out;
}

/** Every formula of every sheet of a package, by sheet name (from the XML: what Excel reads). */
function packageFormulas(file: string): Map<string, { cell: string; text: string }[]> {
  const zip = unzipSync(fs.readFileSync(file));
  const text = (name: string) => strFromU8(zip[name]);
  const rels = text("xl/_rels/workbook.xml.rels");
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const out = new Map<string, { cell: string; text: string }[]>();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?xl\//, "");
    const xml = text(`xl/${target}`);
    const found = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>([^<]*)<\/f>/g)].map((f) => ({
      cell: f[1],
      text: unescape(f[2]),
    }));
    out.set(unescape(m[1]), found);
  }
  return out;
}

describe("duban refresh", () => {
  it("writes short formulas: none over 600 characters, 状态 at most 400, the calendar a running sum", async () => {
    const f = folder();
    await registryFile(f);
    const { code } = await runCli(["refresh", "登记表.xlsx", "-o", "刷新后.xlsx"], { cwd: f, today: "2026-11-26" });
    expect(code).toBe(0);
    const formulas = packageFormulas(path.join(f, "刷新后.xlsx"));
    const all = [...formulas.values()].flat();
    expect(all.length).toBeGreaterThan(1000);
    expect(Math.max(...all.map((x) => x.text.length))).toBeLessThanOrEqual(600);
    const status = formulas.get("督办事项登记表")!.filter((x) => /^Y\d+$/.test(x.cell));
    expect(status.length).toBeGreaterThan(300);
    expect(Math.max(...status.map((x) => x.text.length))).toBeLessThanOrEqual(400);
    const calendar = formulas.get("工作日历")!;
    expect(calendar.filter((x) => /COUNTIF/.test(x.text))).toEqual([]);
    // Linear: each row's count is the row above plus one flag, the same few dozen characters.
    const counts = calendar.filter((x) => /^H\d+$/.test(x.cell));
    expect(counts).toHaveLength(730);
    expect(Math.max(...counts.map((x) => x.text.length))).toBeLessThan(50);
  });

  it("adds the sheets, columns, formula and colours without changing one existing value", async () => {
    const f = folder();
    const input = await registryFile(f);
    const before = await snapshot(input);
    const hash = sha256(input);
    const { code, stdout, stderr } = await runCli(["refresh", "登记表.xlsx", "-o", "刷新后.xlsx"], {
      cwd: f,
      today: "2026-11-26",
    });
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    expect(sha256(input)).toBe(hash);
    expect(stdout).toContain("已写入 刷新后.xlsx");
    expect(stdout).toContain(
      "登记表新增列：承办单位、事项来源、重大事项、签发领导、办结日期、延期至、延期批准人、报告日期、状态",
    );
    expect(stdout).toContain("“督办看板”：新建工作表");
    expect(stdout).toContain("工作日历：2026—2027 年");

    const out = path.join(f, "刷新后.xlsx");
    const after = await snapshot(out);
    for (const [address, value] of before) expect([address, after.get(address)]).toEqual([address, value]);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "督办看板", "设置", "工作日历"]);
    const ws = wb.getWorksheet("督办事项登记表")!;
    // Extension columns go after the user's own column P.
    expect(ws.getCell("Q2").value).toBe("承办单位");
    expect(ws.getCell("Y2").value).toBe("状态");
    expect(ws.getCell("Y3").formula).toContain('IF(AA3<=预警阈值,"临期"');
    expect([ws.getCell("Z2").value, ws.getCell("AA2").value]).toEqual(["截止日期", "剩余工作日"]);
    expect(ws.getCell("Z3").formula).toBe('IF(ISNUMBER(V3),INT(V3),IF(ISNUMBER(H3),INT(H3),""))');
    expect(ws.getColumn(3).width).toBe(40);
  });

  it("changes nothing more the second time", async () => {
    const f = folder();
    await registryFile(f);
    await runCli(["refresh", "登记表.xlsx", "-o", "一.xlsx"], { cwd: f, today: "2026-11-26" });
    const second = await runCli(["refresh", "一.xlsx", "-o", "二.xlsx", "--json"], { cwd: f, today: "2026-11-26" });
    expect(second.code).toBe(0);
    const json = JSON.parse(second.stdout);
    expect(json.changes).toEqual([]);
    expect(json.conflicts).toEqual([]);
    expect(await snapshot(path.join(f, "二.xlsx"))).toEqual(await snapshot(path.join(f, "一.xlsx")));
    const text = await runCli(["refresh", "二.xlsx", "-o", "三.xlsx"], { cwd: f, today: "2026-11-26" });
    expect(text.stdout).toContain("工作簿已是最新设置，没有需要修改的内容。");
    // Three refreshes through ExcelJS: about 3 s alone, over 5 s on a loaded shared machine. Jest's
    // default 5 s limit would be a speed assertion; speed belongs to the bench.
  }, 60_000);

  it("keeps a status someone typed and reports it", async () => {
    const f = folder();
    await registryFile(f, (ws) => {
      ws.getCell("Q2").value = "状态";
      ws.getCell("Q4").value = "已办结";
    });
    const { code, stdout } = await runCli(["refresh", "登记表.xlsx", "-o", "out.xlsx"], {
      cwd: f,
      today: "2026-11-26",
    });
    expect(code).toBe(0);
    expect(stdout).toContain("督办事项登记表!Q4：已有“已办结”");
    const ws = (await loadWorkbook(path.join(f, "out.xlsx"))).getWorksheet("督办事项登记表")!;
    expect(ws.getCell("Q4").value).toBe("已办结");
    expect(ws.getCell("Q3").formula).toContain("预警阈值");
  });

  it("in place: backs the file up, and does not write at all when nothing changes", async () => {
    const f = folder();
    const input = await registryFile(f);
    const first = await runCli(["refresh", "登记表.xlsx", "--in-place"], { cwd: f, today: "2026-11-26" });
    expect(first.code).toBe(0);
    expect(fs.existsSync(path.join(f, "登记表.backup-1.xlsx"))).toBe(true);
    const hash = sha256(input);
    const second = await runCli(["refresh", "登记表.xlsx", "--in-place"], { cwd: f, today: "2026-11-26" });
    expect(second.stdout).toContain("没有需要修改的内容");
    expect(sha256(input)).toBe(hash);
    expect(fs.existsSync(path.join(f, "登记表.backup-2.xlsx"))).toBe(false);
  });

  it("says what the formula would read differently", async () => {
    const f = folder();
    await registryFile(f, (ws) => (ws.getCell("H5").value = "２０２６-12-18"));
    const { stdout } = await runCli(["refresh", "登记表.xlsx", "-o", "out.xlsx"], { cwd: f, today: "2026-11-26" });
    expect(stdout).toContain("请注意：");
    expect(stdout).toContain("第5行要求完成时间“２０２６-12-18”");
  });

  it("exits 2 with one line for a file that is not a registry, or without -o", async () => {
    const f = folder();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "随便";
    await writeWorkbook(wb, path.join(f, "其他.xlsx"));
    const bad = await runCli(["refresh", "其他.xlsx", "-o", "out.xlsx"], { cwd: f });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toHaveLength(1);
    expect(fs.existsSync(path.join(f, "out.xlsx"))).toBe(false);
    const noOut = await runCli(["refresh", "其他.xlsx"], { cwd: f });
    expect(noOut.code).toBe(2);
    expect(noOut.stderr[0]).toContain("-o");
  });
});

describe("duban init", () => {
  it("produces a registry a new office can type into, that check, status and refresh accept", async () => {
    const f = folder();
    const { code, stdout } = await runCli(["init", "-o", "新台账.xlsx"], { cwd: f, today: "2026-11-26" });
    expect(code).toBe(0);
    expect(stdout).toContain("已新建督办事项登记表");
    const wb = await loadWorkbook(path.join(f, "新台账.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "督办看板", "设置", "工作日历"]);
    const ws = wb.getWorksheet("督办事项登记表")!;
    expect(ws.getCell("A1").value).toBe("督办事项登记表");
    expect(ws.getCell("N2").value).toBe("备注");
    expect(ws.getCell("W3").formula).toContain("预警阈值");
    expect(ws.getCell("E3").dataValidation).toMatchObject({ type: "list", formulae: ['"特急,加急,一般"'] });
    expect(ws.getCell("I3").dataValidation).toMatchObject({ type: "list", formulae: ["科室列表"] });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      printArea: "A1:N2",
      printTitlesRow: "1:2",
    });

    const check = await runCli(["check", "新台账.xlsx", "--json"], { cwd: f, today: "2026-11-26" });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).issues).toEqual([]);
    const status = await runCli(["status", "新台账.xlsx", "--json"], { cwd: f, today: "2026-11-26" });
    expect(JSON.parse(status.stdout)).toEqual({ items: [] });
    const refresh = await runCli(["refresh", "新台账.xlsx", "-o", "再刷新.xlsx", "--json"], {
      cwd: f,
      today: "2026-11-26",
    });
    expect(JSON.parse(refresh.stdout).changes).toEqual([]);
  });

  it("a first item typed into it is read with the settings and calendar it made", async () => {
    const f = folder();
    await runCli(["init", "-o", "新台账.xlsx"], { cwd: f, today: "2026-11-26" });
    const wb = await loadWorkbook(path.join(f, "新台账.xlsx"));
    const ws = wb.getWorksheet("督办事项登记表")!;
    ws.getCell("C3").value = "第一件事";
    ws.getCell("H3").value = d("2026-11-30");
    await writeWorkbook(wb, path.join(f, "已填写.xlsx"));
    const status = await runCli(["status", "已填写.xlsx", "--json"], { cwd: f, today: "2026-11-26" });
    expect(JSON.parse(status.stdout).items).toEqual([
      { sheet: "督办事项登记表", row: 3, number: null, status: "临期", deadline: "2026-11-30", workingDaysLeft: 2 },
    ]);
  });

  it("never overwrites an existing file", async () => {
    const f = folder();
    fs.writeFileSync(path.join(f, "已有.xlsx"), "x");
    const { code, stderr } = await runCli(["init", "-o", "已有.xlsx"], { cwd: f });
    expect(code).toBe(2);
    expect(stderr[0]).toContain("已存在");
    expect(fs.readFileSync(path.join(f, "已有.xlsx"), "utf8")).toBe("x");
  });
});
