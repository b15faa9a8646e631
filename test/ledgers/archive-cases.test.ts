/**
 * Year-end archive on the real-ledger cases (test/ledgers/cases): every year with items is
 * archived in turn on the command line, and afterwards every item row of every ledger sheet is
 * in exactly one place — still on its ledger sheet, or on its year's archive sheet — with the
 * same cells; a second archive of a year is refused and writes nothing. What moved is worked out
 * here from `duban status --json` (closed and terminated items by their year), independently of
 * the archive's own plan; what the rows hold is read with ExcelJS.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../src/adapters/office/requirements";
import { runArchive } from "../../src/app/archive";
import { runUndo } from "../../src/app/undo";
import { loadWorkbook, makeTempDir, removeDir, runCli } from "../cli/helpers";
import { buildCase, caseNames, fakeExcelOf, loadSpec } from "./case-helpers";

interface LayoutJson {
  sheet: string;
  headerRows: number[];
  skipped: { row: number }[];
}
interface StatusItem {
  sheet: string;
  row: number;
  number: string | null;
  status: string;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "formula" in v) return "";
  if (typeof v === "object" && "result" in v) return String(v.result ?? "");
  return String(v);
}

/** The text of one row (its formula cells, such as 状态, left out), "" when empty. */
function rowText(ws: ExcelJS.Worksheet, r: number): string {
  const row = ws.getRow(r);
  const texts: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const cell = row.getCell(c);
    texts.push(cell.type === ExcelJS.ValueType.Merge ? "" : cellText(cell.value));
  }
  return texts.join("|").replace(/\|+$/, "");
}

/**
 * Item rows of the ledger sheets (below the header band, not 合计/footer/note rows), and of the
 * archive sheets every row below the band they copied (their rows up to the last one that
 * repeats a ledger's band row).
 */
function itemRows(wb: ExcelJS.Workbook, layouts: readonly LayoutJson[]): string[] {
  const bandTexts = new Set<string>();
  for (const l of layouts) {
    const ws = wb.getWorksheet(l.sheet);
    for (let r = 1; ws && r <= Math.max(...l.headerRows); r++) bandTexts.add(rowText(ws, r));
  }
  const out: string[] = [];
  wb.eachSheet((ws) => {
    const layout = layouts.find((l) => l.sheet === ws.name);
    const archive = /^\d{4}年归档$/.test(ws.name);
    if (!layout && !archive) return;
    let band = layout ? Math.max(...layout.headerRows) : 0;
    if (!layout) for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) if (bandTexts.has(rowText(ws, r))) band = r;
    const skipped = new Set((layout?.skipped ?? []).map((s) => s.row));
    for (let r = band + 1; r <= ws.rowCount; r++) {
      if (skipped.has(r)) continue;
      const text = rowText(ws, r);
      if (text !== "") out.push(text);
    }
  });
  return out.sort();
}

/** The year an item counts in: its number's year, for items the status lists. */
function yearOfNumber(n: string | null): number | null {
  const m = /[〔[（(](\d{4})[〕\]）)]/.exec(n ?? "");
  return m ? Number(m[1]) : null;
}

describe.each(caseNames())("archive on the case %s", (name) => {
  const spec = loadSpec(name);
  let dir: string;
  const cli = (args: string[]) => runCli(args, { cwd: dir, today: spec.today });
  beforeAll(async () => {
    dir = makeTempDir();
    await buildCase(name).xlsx.writeFile(path.join(dir, "in.xlsx"));
  });
  afterAll(() => removeDir(dir));

  test("archives every year in turn, losing nothing, and refuses a repeat", async () => {
    const check = JSON.parse((await cli(["check", "in.xlsx", "--json"])).stdout) as { layouts: LayoutJson[] };
    const status = JSON.parse((await cli(["status", "in.xlsx", "--json"])).stdout) as { items: StatusItem[] };
    const before = itemRows(await loadWorkbook(path.join(dir, "in.xlsx")), check.layouts);
    const years = [...new Set(status.items.map((i) => yearOfNumber(i.number)).filter((y): y is number => y !== null))];
    expect(years.length).toBeGreaterThan(0);
    let file = "in.xlsx";
    let archivedYear: number | null = null;
    for (const year of years.sort()) {
      const out = `归档${year}.xlsx`;
      const run = await cli(["archive", file, "--year", String(year), "-o", out, "--json"]);
      expect({ year, stderr: run.stderr, code: run.code }).toEqual({ year, stderr: [], code: 0 });
      const result = JSON.parse(run.stdout) as { archived: number };
      const finished = status.items.filter(
        (i) => yearOfNumber(i.number) === year && (i.status === "已办结" || i.status === "已终止"),
      );
      // Numbered items only: an unnumbered item's year comes from its date, not known here.
      expect(result.archived).toBeGreaterThanOrEqual(finished.length);
      if (result.archived > 0) archivedYear ??= year;
      file = out;
    }
    const after = itemRows(await loadWorkbook(path.join(dir, file)), check.layouts);
    expect(after).toEqual(before);

    // A case with nothing finished archives nothing (no sheet written): nothing to repeat.
    if (archivedYear === null) return;
    const repeat = await cli(["archive", file, "--year", String(archivedYear), "-o", "again.xlsx", "--json"]);
    expect(repeat.code).not.toBe(0);
    expect(repeat.stderr.join("\n")).toContain("不能重复归档");
    expect(fs.existsSync(path.join(dir, "again.xlsx"))).toBe(false);
  });

  test.each(["1.13", "1.9"])(
    "through the Office adapter (ExcelApi %s): the same items move, the read-back check passes, undo restores",
    async (excelApi) => {
      const status = JSON.parse((await cli(["status", "in.xlsx", "--json"])).stdout) as { items: StatusItem[] };
      const years = [
        ...new Set(status.items.map((i) => yearOfNumber(i.number)).filter((y): y is number => y !== null)),
      ];
      const fake = await fakeExcelOf(buildCase(name));
      const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: excelApi }) });
      const sheetsBefore = fake.sheets.map((sh) => [sh.name, JSON.stringify(fake.rows(sh.name))]);
      for (const year of years.sort()) {
        const cliRun = await cli(["archive", "in.xlsx", "--year", String(year), "-o", `o${year}.xlsx`, "--json"]);
        const expected = JSON.parse(cliRun.stdout) as { archived: number; kept: number };
        const result = await office.operation("archive", (s) => runArchive(s, { year, today: spec.today }));
        expect({ year, archived: result.archived, kept: result.kept }).toEqual({ year, ...pick(expected) });
        if (result.archived > 0) await office.operation("undo", (s) => runUndo(s));
      }
      const sheetsAfter = fake.sheets
        .filter((sh) => sh.name !== "操作日志")
        .map((sh) => [sh.name, JSON.stringify(fake.rows(sh.name))]);
      expect(sheetsAfter).toEqual(sheetsBefore);
    },
  );
});

function pick(r: { archived: number; kept: number }) {
  return { archived: r.archived, kept: r.kept };
}

/** The analysis and status of a file, as the command line gives them. */
async function figures(cli: (args: string[]) => Promise<{ stdout: string }>, file: string) {
  const analysis = JSON.parse(
    (await cli(["analysis", file, "--from", "2021-01-01", "--to", "2026-12-31", "--json"])).stdout,
  ) as { total: { items: number; closedOnTime: number; closedLate: number; overdue: number } };
  const status = JSON.parse((await cli(["status", file, "--json"])).stdout) as { items: StatusItem[] };
  return { total: analysis.total, numbers: status.items.map((i) => i.number) };
}

describe("one ledger per year (per-year-sheets): each year's items archived from their own sheet, counted once", () => {
  const spec = loadSpec("per-year-sheets");
  let dir: string;
  const cli = (args: string[]) => runCli(args, { cwd: dir, today: spec.today });
  beforeAll(async () => {
    dir = makeTempDir();
    await buildCase("per-year-sheets").xlsx.writeFile(path.join(dir, "in.xlsx"));
  });
  afterAll(() => removeDir(dir));

  test("2021 leaves the 2021年 sheet, 2022 the 2022年 sheet; the analysis counts the same 7 items throughout", async () => {
    const before = await figures(cli, "in.xlsx");
    // By hand (build.ts): 2021年 holds 3 items, all finished; 2022年 holds 4 (one issued in
    // December 2021 and open, 〔2022〕1号 finished, two open).
    expect(before.total.items).toBe(7);
    const y2021 = JSON.parse(
      (await cli(["archive", "in.xlsx", "--year", "2021", "-o", "a.xlsx", "--json"])).stdout,
    ) as { archived: number; kept: number };
    expect(y2021).toMatchObject({ archived: 3, kept: 4 });
    const y2022 = JSON.parse((await cli(["archive", "a.xlsx", "--year", "2022", "-o", "b.xlsx", "--json"])).stdout) as {
      archived: number;
      kept: number;
    };
    expect(y2022).toMatchObject({ archived: 1, kept: 3 });
    const after = await figures(cli, "b.xlsx");
    expect(after.total).toEqual(before.total);
    expect(after.numbers.sort()).toEqual(["〔2022〕2号", "〔2022〕3号", null].sort());

    const wb = await loadWorkbook(path.join(dir, "b.xlsx"));
    const numbersOn = (sheet: string) => {
      const ws = wb.getWorksheet(sheet);
      const out: string[] = [];
      ws?.eachRow((_, r) => {
        const text = rowText(ws, r);
        const m = /〔\d{4}〕\d+号/.exec(text);
        if (m && r > 3) out.push(m[0]);
      });
      return out;
    };
    expect(numbersOn("2021年归档")).toEqual(["〔2021〕1号", "〔2021〕2号", "〔2021〕3号"]);
    expect(numbersOn("2022年归档")).toEqual(["〔2022〕1号"]);
    expect(numbersOn("2021年")).toEqual([]);
    // The next number of 2021 is never one archived: the open December item gets 〔2021〕4号.
    const numbered = JSON.parse((await cli(["number", "b.xlsx", "-o", "c.xlsx", "--json"])).stdout) as {
      assigned: { number: string }[];
    };
    expect(numbered.assigned.map((a) => a.number)).toEqual(["〔2021〕4号"]);
  });
});

describe("items over several rows (merged-items): an item moves whole, with its merges", () => {
  const spec = loadSpec("merged-items");
  let dir: string;
  const cli = (args: string[]) => runCli(args, { cwd: dir, today: spec.today });
  beforeAll(async () => {
    dir = makeTempDir();
    await buildCase("merged-items").xlsx.writeFile(path.join(dir, "in.xlsx"));
  });
  afterAll(() => removeDir(dir));

  test("〔2026〕12号 (three rows, closed for every unit) moves; 〔2026〕11号 (one unit open) stays", async () => {
    const before = await figures(cli, "in.xlsx");
    const run = await cli(["archive", "in.xlsx", "--year", "2026", "-o", "a.xlsx", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ archived: 1, kept: 3 });
    const after = await figures(cli, "a.xlsx");
    expect(after.total).toEqual(before.total);
    expect(after.numbers).not.toContain("〔2026〕12号");

    const wb = await loadWorkbook(path.join(dir, "a.xlsx"));
    const archive = wb.getWorksheet("2026年归档");
    if (!archive) throw new Error("no archive sheet");
    let first = 0;
    archive.eachRow((_, r) => {
      if (first === 0 && rowText(archive, r).includes("〔2026〕12号")) first = r;
    });
    expect(first).toBeGreaterThan(0);
    const rows = [first, first + 1, first + 2].map((r) => rowText(archive, r));
    expect(rows.map((t) => /几江小学|东门小学|鼎山小学/.exec(t)?.[0])).toEqual(["几江小学", "东门小学", "鼎山小学"]);
    // 编号 and 内容 merged over the item's three rows, as on the ledger.
    const merges = (archive.model as { merges?: string[] }).merges ?? [];
    expect(merges).toEqual(expect.arrayContaining([`B${first}:B${first + 2}`, `C${first}:C${first + 2}`]));
    expect(archive.rowCount).toBe(first + 2);
  });
});
