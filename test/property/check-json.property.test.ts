/**
 * `duban check --json` over arbitrary workbooks (issue 10): whatever the file holds, the
 * command ends with exit 0, 1 or 2; with 0 or 1 its stdout is JSON of the contract's shape
 * (1 exactly when an error is reported); with 2 nothing is on stdout and one line on stderr.
 */
import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import type { CellValue, SheetGrid } from "../../src/domain/cell";
import { makeTempDir, removeDir, runCli } from "../cli/helpers";
import { SEED, today, workbookGrids } from "./arbitraries";

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => (dir = makeTempDir()));
afterAll(() => removeDir(dir));

function excelValue(v: CellValue): ExcelJS.CellValue {
  switch (v.t) {
    case "empty":
      return null;
    case "date":
      return new Date(`${v.v}T00:00:00Z`);
    case "error":
      return { error: v.v as ExcelJS.CellErrorValue["error"] };
    default:
      return v.v;
  }
}

/** Writes grids as an .xlsx the way a person's workbook holds them (dates formatted, merges kept). */
async function writeGrids(grids: readonly SheetGrid[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.name);
    grid.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v.t === "empty") return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = excelValue(v);
        if (v.t === "date") cell.numFmt = "yyyy-mm-dd";
        if (v.t === "number" && v.fmt) cell.numFmt = v.fmt;
      }),
    );
    for (const m of grid.merges ?? []) {
      try {
        ws.mergeCells(m.top, m.left, m.bottom, m.right);
      } catch {
        // Overlapping merges cannot be saved; a person's file never has them.
      }
    }
  }
  await wb.xlsx.writeFile(file);
}

describe("duban check --json on arbitrary workbooks", () => {
  it("always ends with 0, 1 or 2, and its JSON always parses to the contract's shape", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(workbookGrids, today, async (grids, day) => {
        const file = path.join(dir, `${(n += 1)}.xlsx`);
        await writeGrids(grids, file);
        const r = await runCli(["check", file, "--json", "--today", day]);
        fs.rmSync(file);
        expect([0, 1, 2]).toContain(r.code);
        if (r.code === 2) {
          expect({ stdout: r.stdout, lines: r.stderr.length }).toEqual({ stdout: "", lines: 1 });
          return;
        }
        const json = JSON.parse(r.stdout) as { rows: unknown; issues: Record<string, unknown>[] };
        expect(Number.isInteger(json.rows) && (json.rows as number) >= 0).toBe(true);
        expect(Array.isArray(json.issues)).toBe(true);
        for (const issue of json.issues) {
          expect(Object.keys(issue).sort()).toEqual(
            expect.arrayContaining(["code", "column", "message", "row", "severity"]),
          );
          expect(Number.isInteger(issue.row) && (issue.row as number) >= 1).toBe(true);
          expect(typeof issue.column === "string" && issue.column !== "").toBe(true);
          expect(["error", "warning"]).toContain(issue.severity);
        }
        expect(r.code).toBe(json.issues.some((i) => i.severity === "error") ? 1 : 0);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
