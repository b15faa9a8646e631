/** `duban archive`: lossless, numbers never reused, the analysis unchanged, a repeat refused. */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { addRegistrySheet, item, loadWorkbook, makeTempDir, removeDir, runCli, sha256 } from "./helpers";
import { LEDGER, ledgerWorkbook, TODAY } from "../domain/analysis/ledger-fixture";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = makeTempDir();
  file = path.join(dir, "登记表.xlsx");
  await ledgerWorkbook().xlsx.writeFile(file);
});
afterAll(() => removeDir(dir));

const run = (argv: string[], today = "2022-01-10") => runCli(argv, { cwd: dir, today });

/** By hand: rows issued in 2021 (任务下达时间, else number) whose label is closed or terminated. */
const CLOSED = new Set(["closedOnTime", "closedLate", "terminated"]);
const of2021 = LEDGER.filter((r) => {
  const issued = r.spec["任务下达时间"] as { v: string } | undefined;
  return (issued ? issued.v : String(r.spec["督办事项编号"])).includes("2021");
});
const MOVED = of2021.filter((r) => CLOSED.has(r.expected)).length;

/** Every item of a workbook's registry and archive sheets, by number: where it is and its cells. */
async function itemsOf(file: string): Promise<Map<string, string[]>> {
  const wb = await loadWorkbook(file);
  const found = new Map<string, string[]>();
  for (const ws of wb.worksheets) {
    if (ws.name !== "督办事项登记表" && !/^\d{4}年归档$/.test(ws.name)) continue;
    ws.eachRow((row, r) => {
      if (r <= 2) return;
      const number = row.getCell(2).text;
      if (number === "") return;
      const cells = (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "")));
      found.set(number, [...(found.get(number) ?? []), `${ws.name}|${cells.join("|")}`]);
    });
  }
  return found;
}

describe("duban archive --year 2021", () => {
  let out: Record<string, unknown>;
  beforeAll(async () => {
    const { code, stdout, stderr } = await run([
      "archive",
      "登记表.xlsx",
      "--year",
      "2021",
      "-o",
      "归档后.xlsx",
      "--json",
    ]);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    out = JSON.parse(stdout);
  });

  it("answers {archived, kept, …} as the labels say", () => {
    expect(Object.keys(out).slice(0, 2)).toEqual(["archived", "kept"]);
    expect(out).toMatchObject({
      archived: MOVED,
      kept: LEDGER.length - MOVED,
      year: 2021,
      sheet: "2021年归档",
      keptOfYear: of2021.length - MOVED,
    });
  });

  it("leaves FILE untouched", async () => {
    const before = await itemsOf(file);
    expect(before.size).toBe(LEDGER.length);
    expect([...before.values()].every((places) => places.every((p) => p.startsWith("督办事项登记表|")))).toBe(true);
  });

  it("every item is in exactly one place afterwards, its cells unchanged", async () => {
    const before = await itemsOf(file);
    const after = await itemsOf(path.join(dir, "归档后.xlsx"));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [number, places] of after) {
      expect(places).toHaveLength(1);
      const [sheet, ...cells] = places[0].split("|");
      const [, ...original] = before.get(number)![0].split("|");
      expect(cells.slice(0, 14)).toEqual(original.slice(0, 14));
      const moved = sheet === "2021年归档";
      const label = LEDGER.find((r) => r.spec["督办事项编号"] === number)!;
      expect(moved).toBe(of2021.includes(label) && CLOSED.has(label.expected));
    }
  });

  it("the archive sheet carries the header band; the registry keeps its rows, emptied", async () => {
    const wb = await loadWorkbook(path.join(dir, "归档后.xlsx"));
    const archive = wb.getWorksheet("2021年归档")!;
    expect(archive.getCell(1, 1).value).toBe("督办事项登记表");
    expect(archive.getCell(2, 3).value).toBe("督办事项内容");
    expect(archive.getCell(1, 1).isMerged).toBe(true);
    expect(archive.getCell(3, 7).value).toEqual(new Date("2021-01-31T00:00:00Z"));
    const registry = wb.getWorksheet("督办事项登记表")!;
    expect(registry.rowCount).toBe(LEDGER.length + 2);
    expect(registry.getCell(3, 2).text).toBe("");
  });

  it("the semester analysis still counts the archived items", async () => {
    for (const semester of ["2020-autumn", "2021-spring", "2021-autumn"]) {
      const argv = ["analysis", "--semester", semester, "--json", "--today", TODAY];
      const before = JSON.parse((await run(["analysis", "登记表.xlsx", ...argv.slice(1)])).stdout);
      const after = JSON.parse((await run(["analysis", "归档后.xlsx", ...argv.slice(1)])).stdout);
      expect(after.total).toEqual(before.total);
      expect(after.sections).toEqual(before.sections);
    }
  });

  it("status reads the registry after archiving: the items left", async () => {
    const status = JSON.parse((await run(["status", "归档后.xlsx", "--json"])).stdout);
    expect(status.items).toHaveLength(LEDGER.length - MOVED);
  });

  it("refuses to archive 2021 again, writing nothing", async () => {
    const { code, stdout, stderr } = await run(["archive", "归档后.xlsx", "--year", "2021", "-o", "再次.xlsx"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toEqual([expect.stringContaining("2021年已经归档（工作表“2021年归档”已存在），不能重复归档")]);
    expect(fs.existsSync(path.join(dir, "再次.xlsx"))).toBe(false);
  });

  it("another year can follow", async () => {
    const { code, stdout } = await run(["archive", "归档后.xlsx", "--year", "2020", "-o", "再归档.xlsx", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ archived: 1, sheet: "2020年归档" });
  });
});

describe("numbers after archiving", () => {
  it("a late 2021 item gets a number after the archived ones, never one of theirs", async () => {
    const wb = new ExcelJS.Workbook();
    addRegistrySheet(wb, [
      item("〔2021〕1号", "2021-03-01", "2021-03-31"),
      item("〔2021〕2号", "2021-04-01", "2021-04-30", { 督办结果: "按期办结" }),
      item("", "2021-12-20", "2022-01-31"),
    ]);
    await wb.xlsx.writeFile(path.join(dir, "编号.xlsx"));
    expect((await run(["archive", "编号.xlsx", "--year", "2021", "-o", "编号-归档.xlsx"])).code).toBe(0);
    const { stdout } = await run(["number", "编号-归档.xlsx", "-o", "编号-后.xlsx", "--json"]);
    expect(JSON.parse(stdout)).toEqual({ assigned: [{ sheet: "督办事项登记表", row: 5, number: "〔2021〕3号" }] });
  });
});

describe("in place and nothing to do", () => {
  it("--in-place keeps a backup of the file before archiving", async () => {
    const copy = path.join(dir, "副本.xlsx");
    fs.copyFileSync(file, copy);
    const before = sha256(copy);
    const { code, stdout } = await run(["archive", "副本.xlsx", "--year", "2021", "--in-place"]);
    expect(code).toBe(0);
    expect(stdout).toContain("原文件已备份为");
    expect(sha256(path.join(dir, "副本.backup-1.xlsx"))).toBe(before);
    expect((await loadWorkbook(copy)).getWorksheet("2021年归档")).toBeDefined();
  });

  it("a year with nothing closed: archived 0, no sheet, in place leaves the file alone", async () => {
    const copy = path.join(dir, "副本2.xlsx");
    fs.copyFileSync(file, copy);
    const before = sha256(copy);
    const { code, stdout } = await run(["archive", "副本2.xlsx", "--year", "2019", "--in-place", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ archived: 0, kept: LEDGER.length, sheet: null });
    expect(sha256(copy)).toBe(before);
    expect(fs.existsSync(path.join(dir, "副本2.backup-1.xlsx"))).toBe(false);
  });
});

describe("duban archive: mistakes get exit 2 and one Chinese line", () => {
  it.each([
    [["archive", "登记表.xlsx", "-o", "y.xlsx"], "需要 --year"],
    [["archive", "登记表.xlsx", "--year", "21", "-o", "y.xlsx"], "四位年份"],
    [["archive", "登记表.xlsx", "--year", "2030", "-o", "y.xlsx"], "2030年尚未到来"],
    [["archive", "登记表.xlsx", "--year", "2021"], "需要用 -o 指定输出文件"],
  ])("%j", async (argv, words) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain(words);
    expect(fs.existsSync(path.join(dir, "y.xlsx"))).toBe(false);
  });

  it("a merged cell across a moved and a kept row is refused", async () => {
    const wb = new ExcelJS.Workbook();
    const { sheet } = addRegistrySheet(wb, [
      item("〔2021〕1号", "2021-03-01", "2021-03-31", { 督办结果: "按期办结" }),
      item("〔2021〕2号", "2021-04-01", "2021-04-30"),
    ]);
    sheet.mergeCells(3, 9, 4, 9);
    await wb.xlsx.writeFile(path.join(dir, "合并.xlsx"));
    const { code, stderr } = await run(["archive", "合并.xlsx", "--year", "2021", "-o", "合并-后.xlsx"]);
    expect(code).toBe(2);
    expect(stderr[0]).toContain("合并单元格");
  });
});
