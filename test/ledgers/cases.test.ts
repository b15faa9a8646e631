/**
 * The registry cases (test/ledgers/cases/<name>/): each a workbook built by its script the way
 * offices make them, with its expected `check --json` and `status --json` (today from
 * case.json). Every case goes through check, status, number, fix, refresh, notice, report and
 * remind on the command line, and through the Office adapter (the fake Excel, with and without
 * merged areas). Adding a clerk's problem workbook is adding a folder; UPDATE_CASES=1 writes the
 * expected files of a new case, to be reviewed before committing.
 */
import * as path from "path";
import * as ExcelJS from "exceljs";
import { AUTO_FIX_CODES } from "../../src/app/fix";
import { runCheck } from "../../src/app/check";
import { runStatus } from "../../src/app/status";
import { runRefresh } from "../../src/app/refresh";
import { generateDocument } from "../../src/app/documents";
import { numberCoauthored } from "../../src/app/number-coauthored";
import { OfficeWorkbook } from "../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../src/adapters/office/requirements";
import { checkJson, statusJson } from "../../src/cli/render";
import type { RuleCode } from "../../src/domain/rules";
import { loadWorkbook, makeTempDir, removeDir, runCli } from "../cli/helpers";
import { buildCase, caseNames, expectMatches, fakeExcelOf, loadSpec } from "./case-helpers";

interface IssueJson {
  sheet: string;
  row: number;
  column: string;
  code: string;
  fix?: string;
}
interface LayoutJson {
  sheet: string;
  headerRows: number[];
  columns: Record<string, string>;
  skipped: { row: number }[];
  continuations: { row: number; item: number }[];
  mergesKnown: boolean;
}
interface CheckJson {
  rows: number;
  issues: IssueJson[];
  layout: LayoutJson;
  layouts: LayoutJson[];
}
interface StatusJson {
  items: { sheet: string; row: number; number: string | null; status: string }[];
}

const key = (sheet: string, row: number) => `${sheet}!${row}`;

/** Rows of each sheet that are not items: skipped rows, continuation rows and the header band. */
function notItemRows(check: CheckJson): Set<string> {
  const out = new Set<string>();
  for (const l of check.layouts) {
    for (const s of l.skipped) out.add(key(l.sheet, s.row));
    for (const c of l.continuations) out.add(key(l.sheet, c.row));
    for (const r of l.headerRows) out.add(key(l.sheet, r));
  }
  return out;
}

/** Every text of every cell of a workbook's sheets but the ledgers. */
function generatedTexts(wb: ExcelJS.Workbook, ledgers: readonly string[]): string {
  const texts: string[] = [];
  wb.eachSheet((ws) => {
    if (ledgers.includes(ws.name)) return;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Merge) texts.push(String(cell.text));
      }),
    );
  });
  return texts.join("\n");
}

describe.each(caseNames())("registry case %s", (name) => {
  const spec = loadSpec(name);
  let dir: string;
  const cli = (args: string[]) => runCli(args, { cwd: dir, today: spec.today });
  const json = async <T>(args: string[]): Promise<T> => JSON.parse((await cli([...args, "--json"])).stdout) as T;
  let check: CheckJson;
  let status: StatusJson;

  beforeAll(async () => {
    dir = makeTempDir();
    await buildCase(name).xlsx.writeFile(path.join(dir, "登记表.xlsx"));
    check = await json<CheckJson>(["check", "登记表.xlsx"]);
    status = await json<StatusJson>(["status", "登记表.xlsx"]);
  });
  afterAll(() => removeDir(dir));

  test("check --json is the expected one", async () => {
    const run = await cli(["check", "登记表.xlsx", "--json"]);
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(check.issues.some((i) => (i as { severity?: string }).severity === "error") ? 1 : 0);
    expectMatches(name, "check.json", check);
  });

  test("status --json is the expected one", () => {
    expectMatches(name, "status.json", status);
  });

  test("the text reports: no crash, one line per item", async () => {
    const text = await cli(["status", "登记表.xlsx"]);
    expect(text.code).toBe(0);
    // A title line, the table's header, one line per item, the summary.
    expect(text.stdout.split("\n")).toHaveLength(status.items.length + 3);
    const report = await cli(["check", "登记表.xlsx"]);
    expect(report.stderr).toEqual([]);
    expect(report.stdout).toContain(`共 ${check.rows} 项`);
  });

  test("number: only items get numbers (never a skipped or continuation row), numbers stay unique", async () => {
    const run = await cli(["number", "登记表.xlsx", "-o", "编号后.xlsx", "--json"]);
    expect(run).toMatchObject({ code: 0, stderr: [] });
    const assigned = (JSON.parse(run.stdout) as { assigned: { sheet: string; row: number }[] }).assigned;
    const items = new Set(status.items.map((i) => key(i.sheet, i.row)));
    const notItems = notItemRows(check);
    for (const a of assigned) {
      expect(items.has(key(a.sheet, a.row))).toBe(true);
      expect(notItems.has(key(a.sheet, a.row))).toBe(false);
    }
    expect(assigned.length).toBe(status.items.filter((i) => i.number === null).length);
    expectMatches(name, "number.json", assigned);
    const after = await json<CheckJson>(["check", "编号后.xlsx"]);
    const dup = (c: CheckJson) => c.issues.filter((i) => i.code === "number-duplicate").length;
    expect(dup(after)).toBe(dup(check));
    expect(after.rows).toBe(check.rows);
  });

  test("fix: every fix check offers is applied, nothing else changes the reading", async () => {
    const run = await cli(["fix", "登记表.xlsx", "-o", "修正后.xlsx", "--json"]);
    expect(run).toMatchObject({ code: 0, stderr: [] });
    const fixed = (JSON.parse(run.stdout) as { fixed: unknown[] }).fixed;
    const offered = check.issues.filter((i) => i.fix !== undefined && AUTO_FIX_CODES.has(i.code as RuleCode));
    expect(fixed).toHaveLength(new Set(offered.map((i) => `${key(i.sheet, i.row)}${i.column}`)).size);
    const after = await json<CheckJson>(["check", "修正后.xlsx"]);
    expect(after.issues.filter((i) => i.fix !== undefined && AUTO_FIX_CODES.has(i.code as RuleCode))).toEqual([]);
    expect(after.rows).toBe(check.rows);
    expect(await json<StatusJson>(["status", "修正后.xlsx"])).toEqual(status);
  });

  test("refresh: the 状态 formula on item rows only, the reading unchanged", async () => {
    const run = await cli(["refresh", "登记表.xlsx", "-o", "刷新后.xlsx", "--json"]);
    expect(run).toMatchObject({ code: 0, stderr: [] });
    const wb = await loadWorkbook(path.join(dir, "刷新后.xlsx"));
    const notItems = notItemRows(check);
    for (const layout of check.layouts) {
      const ws = wb.getWorksheet(layout.sheet)!;
      const header = layout.headerRows[layout.headerRows.length - 1];
      let statusCol = 0;
      ws.getRow(header).eachCell((cell, col) => {
        if (String(cell.value).replace(/\s+/g, "") === "状态") statusCol = col;
      });
      expect(statusCol).toBeGreaterThan(0);
      for (const item of status.items.filter((i) => i.sheet === layout.sheet)) {
        expect(ws.getCell(item.row, statusCol).formula).toContain("预警阈值");
      }
      for (const k of notItems) {
        const [sheet, row] = k.split("!");
        if (sheet !== layout.sheet || Number(row) <= header) continue;
        expect(ws.getCell(Number(row), statusCol).formula ?? null).toBeNull();
      }
    }
    const after = await json<CheckJson>(["check", "刷新后.xlsx"]);
    expect(after.rows).toBe(check.rows);
    expect(after.layouts.map((l) => [l.sheet, l.headerRows, l.skipped, l.continuations])).toEqual(
      check.layouts.map((l) => [l.sheet, l.headerRows, l.skipped, l.continuations]),
    );
    expect(await json<StatusJson>(["status", "刷新后.xlsx"])).toEqual(status);
  });

  test("notice, report and remind find their numbers on any ledger sheet; a classified item's content is never copied", async () => {
    for (const [kind, number] of Object.entries(spec.documents)) {
      const out = `${kind}.xlsx`;
      const run = await cli([kind, "登记表.xlsx", "--number", number, "-o", out, "--json"]);
      expect(run).toMatchObject({ code: 0 });
      expect(run.stderr.join("")).not.toContain("发生意外错误");
      const wb = await loadWorkbook(path.join(dir, out));
      const texts = generatedTexts(
        wb,
        check.layouts.map((l) => l.sheet),
      );
      expect(texts).toContain(number);
      for (const secret of spec.classified ?? []) expect(texts).not.toContain(secret);
    }
  });

  if (spec.badNumber !== undefined) {
    test("a document for a number typed the wrong way is refused with advice, never suggesting that number", async () => {
      const run = await cli(["notice", "登记表.xlsx", "--number", spec.badNumber!, "-o", "x.xlsx"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toContain("请先把编号改为");
      expect(run.stderr[0]).not.toMatch(new RegExp(`最接近的编号：[^；]*${spec.badNumber}`));
    });
  }

  if (spec.sheet !== undefined) {
    test("--sheet narrows every command to one ledger sheet", async () => {
      const narrow = await json<StatusJson>(["status", "登记表.xlsx", "--sheet", spec.sheet!]);
      expect(narrow.items).toEqual(status.items.filter((i) => i.sheet === spec.sheet));
      const narrowCheck = await json<CheckJson>(["check", "登记表.xlsx", "--sheet", spec.sheet!]);
      expect(narrowCheck.layouts.map((l) => l.sheet)).toEqual([spec.sheet]);
      expect(narrowCheck.issues).toEqual(check.issues.filter((i) => i.sheet === spec.sheet));
      const missing = await cli(["status", "登记表.xlsx", "--sheet", "没有这张表"]);
      expect(missing.code).toBe(2);
      expect(missing.stderr[0]).toContain("没有名为“没有这张表”的台账工作表");
    });
  }

  test.each(["1.13", "1.9"])("the Office adapter (ExcelApi %s) reads the same", async (excelApi) => {
    const fake = await fakeExcelOf(buildCase(name));
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: excelApi }) });
    const checked = checkJson(await office.operation("check", (s) => runCheck(s, spec.today))) as CheckJson;
    const merges = excelApi === "1.13";
    const expected = {
      ...check,
      layout: { ...check.layout, mergesKnown: merges },
      layouts: check.layouts.map((l) => ({ ...l, mergesKnown: merges })),
    };
    expect(checked).toEqual(expected);
    expect(statusJson(await office.operation("status", (s) => runStatus(s, spec.today)))).toEqual(status);
  });

  test("the Office adapter numbers, refreshes and draws the documents without a crash", async () => {
    const fake = await fakeExcelOf(buildCase(name));
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.13" }) });
    const cliNumbers = await json<{ assigned: unknown[] }>(["number", "登记表.xlsx", "-o", "编号2.xlsx"]);
    const numbered = await office.operation("number", (s) => numberCoauthored(s, spec.today));
    expect(numbered.clashes).toEqual([]);
    expect(numbered.assigned).toEqual(cliNumbers.assigned);
    const refreshed = await office.operation("refresh", (s) => runRefresh(s, s, spec.today));
    expect(refreshed.ledgers.map((l) => l.sheet)).toEqual(check.layouts.map((l) => l.sheet));
    for (const kind of ["notice", "report", "remind"] as const) {
      const number = spec.documents[kind];
      const doc = await office.operation({ kind: "document", label: "文书" }, (s) =>
        generateDocument(s, kind, { number, today: spec.today }),
      );
      expect(doc.number).toBe(number);
    }
  });
});
