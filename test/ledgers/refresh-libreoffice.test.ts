/**
 * The workbook's own formulas on ledgers as offices keep them: the two-row-header, merged-item,
 * 合计/footer and per-year cases are refreshed as of 2026-12-02 (DATE(2026,12,2) in place of
 * TODAY()), LibreOffice recalculates them, and every item row's 状态 agrees with the engine,
 * continuation and skipped rows show no status, and the 督办看板 counts (summed over every
 * ledger sheet) are the engine's. Skipped without soffice, except under CI=true.
 */
import * as fs from "fs";
import * as path from "path";
import { xlsxSetupTarget } from "../../src/adapters/xlsx/apply-plan";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { runCheck } from "../../src/app/check";
import { runRefresh } from "../../src/app/refresh";
import { runStatus } from "../../src/app/status";
import { BOARD_STATUSES } from "../../src/domain/dashboard-plan";
import { findSoffice, recalculate } from "../cli/libreoffice";
import { loadWorkbook, makeTempDir, removeDir } from "../cli/helpers";
import { buildCase } from "./case-helpers";

jest.setTimeout(300_000);

const SOFFICE = findSoffice();
const CASES = ["two-row-header", "merged-items", "totals-and-footer", "per-year-sheets"];
const TODAY = "2026-12-02";

interface Outcome {
  /** "sheet!row: LibreOffice … engine …" for every disagreement. */
  readonly mismatches: string[];
  readonly compared: number;
  /** Status cells of rows that are no items but show something. */
  readonly stray: string[];
  readonly board: { readonly lo: string[]; readonly engine: string[] };
  readonly statuses: Set<string>;
}

const suite = SOFFICE ? describe : describe.skip;
if (!SOFFICE && process.env.CI === "true") {
  it("LibreOffice (soffice) is installed for the formula cross-check", () => {
    throw new Error("CI=true 时必须能运行 LibreOffice：PATH 中没有 soffice");
  });
}

suite("the 状态 formula and the 督办看板 on ledgers as offices keep them, recalculated by LibreOffice", () => {
  let dir: string;
  const results = new Map<string, Outcome>();

  beforeAll(async () => {
    dir = makeTempDir();
    const files: string[] = [];
    for (const name of CASES) {
      const book = await XlsxWorkbook.fromBuffer(Buffer.from(await buildCase(name).xlsx.writeBuffer()));
      const result = await runRefresh(book, xlsxSetupTarget(book), TODAY, { todayFormula: "DATE(2026,12,2)" });
      expect(result.notes.filter((n) => n.code === "formula-reads-differently")).toEqual([]);
      const file = path.join(dir, `${name}.xlsx`);
      await book.save(file);
      files.push(file);
    }
    const recalculated = recalculate(SOFFICE!, files, path.join(dir, "out"), path.join(dir, "profile"));
    for (const [i, name] of CASES.entries()) {
      const book = await XlsxWorkbook.load(files[i]);
      const engine = await runStatus(book, TODAY);
      const check = await runCheck(book, TODAY);
      const wb = await loadWorkbook(recalculated[i]);
      const value = (sheet: string, row: number, col: number) => {
        const v = wb.getWorksheet(sheet)!.getCell(row, col).value as { result?: unknown } | string | number | null;
        if (v !== null && typeof v === "object")
          return v.result === undefined || v.result === null ? "" : String(v.result);
        return v === null ? "" : String(v);
      };
      const mismatches: string[] = [];
      const stray: string[] = [];
      let compared = 0;
      for (const ledger of check.ledgers) {
        const sheet = ledger.layout.sheetName;
        const ws = wb.getWorksheet(sheet)!;
        let statusCol = 0;
        ws.getRow(ledger.layout.headerRow).eachCell((c, col) => {
          if (String(c.value) === "状态") statusCol = col;
        });
        expect(statusCol).toBeGreaterThan(0);
        const items = new Map(engine.items.filter((it) => it.sheet === sheet).map((it) => [it.row, it.status]));
        const lastRow = ws.rowCount; // reading cells below it would add rows
        for (let row = ledger.layout.headerRow + 1; row <= lastRow; row++) {
          const got = value(sheet, row, statusCol);
          const expected = items.get(row) ?? "";
          if (items.has(row)) compared += 1;
          if (got !== expected)
            (items.has(row) ? mismatches : stray).push(`${sheet}!${row}：LibreOffice“${got}”，引擎“${expected}”`);
        }
      }
      const counts = (status: string) => String(engine.items.filter((it) => it.status === status).length);
      results.set(name, {
        mismatches,
        compared,
        stray,
        board: {
          lo: BOARD_STATUSES.map((s, j) => `${s}:${value("督办看板", 6 + j, 2) || "0"}`),
          engine: BOARD_STATUSES.map((s) => `${s}:${counts(s)}`),
        },
        statuses: new Set(engine.items.map((it) => it.status)),
      });
    }
    if (process.env.DUBAN_KEEP_OUTPUT === "1") {
      const keep = path.resolve(__dirname, "../../out/ledger-crosscheck");
      fs.mkdirSync(keep, { recursive: true });
      for (const [i, name] of CASES.entries()) {
        fs.copyFileSync(files[i], path.join(keep, `${name}.xlsx`));
        fs.copyFileSync(recalculated[i], path.join(keep, `${name}-recalculated.xlsx`));
      }
    }
  });

  afterAll(() => dir && removeDir(dir));

  it.each(CASES)("%s: every item's 状态 is the engine's status", (name) => {
    const r = results.get(name)!;
    expect(r.mismatches).toEqual([]);
    expect(r.compared).toBeGreaterThanOrEqual(4);
  });

  it.each(CASES)("%s: continuation rows, 合计, footers and notes show no status", (name) => {
    expect(results.get(name)!.stray).toEqual([]);
  });

  it.each(CASES)("%s: the 督办看板 counts what the engine counts", (name) => {
    const { board } = results.get(name)!;
    expect(board.lo).toEqual(board.engine);
  });

  it("the cases between them show every status but 已终止 (the vocabulary case has it)", () => {
    const all = new Set(CASES.flatMap((n) => [...results.get(n)!.statuses]));
    expect([...all].sort()).toEqual(["临期", "办理中", "已办结", "逾期"]);
  });
});
