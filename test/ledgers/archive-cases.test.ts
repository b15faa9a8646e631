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
import { loadWorkbook, makeTempDir, removeDir, runCli } from "../cli/helpers";
import { buildCase, caseNames, loadSpec } from "./case-helpers";

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

/** Item rows (below the header band, not 合计/footer/note rows) of the ledger sheets, and every row below the band of the archives. */
function itemRows(wb: ExcelJS.Workbook, layouts: readonly LayoutJson[]): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) => {
    const layout = layouts.find((l) => l.sheet === ws.name);
    const archive = /^\d{4}年归档$/.test(ws.name);
    if (!layout && !archive) return;
    const band = layout ? Math.max(...layout.headerRows) : archiveBand(ws);
    const skipped = new Set((layout?.skipped ?? []).map((s) => s.row));
    for (let r = band + 1; r <= ws.rowCount; r++) {
      if (skipped.has(r)) continue;
      const text = rowText(ws, r);
      if (text !== "") out.push(text);
    }
  });
  return out.sort();
}

/** The header row of an archive sheet: the last row of its band holding 督办事项内容 (or 内容). */
function archiveBand(ws: ExcelJS.Worksheet): number {
  let band = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    if (rowText(ws, r).includes("内容") || rowText(ws, r).includes("编号")) band = r;
  }
  return band;
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
      file = out;
    }
    const after = itemRows(await loadWorkbook(path.join(dir, file)), check.layouts);
    expect(after).toEqual(before);

    const repeat = await cli(["archive", file, "--year", String(years[0]), "-o", "again.xlsx", "--json"]);
    expect(repeat.code).not.toBe(0);
    expect(repeat.stderr.join("\n")).toContain("不能重复归档");
    expect(fs.existsSync(path.join(dir, "again.xlsx"))).toBe(false);
  });
});
