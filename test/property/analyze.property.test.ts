/**
 * Properties of the engine over arbitrary workbooks (issue 10): whatever cells and layout a
 * ledger has, analysing it never throws, and every issue it reports points at a real place —
 * a row of the sheet it names and a column the registry has (or the 设置 / 工作日历 sheet).
 */
import fc from "fast-check";
import { analyzeRegistry } from "../../src/domain/analyze";
import { HEADER_OF } from "../../src/domain/registry";
import { CALENDAR_ISSUE_COLUMN } from "../../src/domain/calendar-sheet";
import { SETTINGS_ISSUE_COLUMN } from "../../src/domain/settings";
import type { ColumnKey } from "../../src/domain/columns";
import { SEED, today, workbookGrids } from "./arbitraries";

const RUNS = { seed: SEED, numRuns: 400 };

describe("analyzeRegistry over arbitrary ledgers", () => {
  it("never throws", () => {
    fc.assert(
      fc.property(workbookGrids, today, (grids, day) => {
        analyzeRegistry(grids, day);
      }),
      RUNS,
    );
  });

  it("names, in every issue, a real row of its sheet and a column the sheet has", () => {
    fc.assert(
      fc.property(workbookGrids, today, (grids, day) => {
        const analysis = analyzeRegistry(grids, day);
        if (analysis === null) return;
        const rowsOf = (name: string) => grids.find((g) => g.name.trim() === name)?.rows.length ?? 0;
        const registryRows = rowsOf(analysis.layout.sheetName);
        const columns = new Set((Object.keys(analysis.layout.columns) as ColumnKey[]).map((k) => HEADER_OF[k]));
        for (const issue of analysis.issues) {
          const where = JSON.stringify(issue);
          if (issue.column === SETTINGS_ISSUE_COLUMN || issue.column === CALENDAR_ISSUE_COLUMN) {
            expect({ where, ok: issue.row >= 1 && issue.row <= rowsOf(issue.column) }).toEqual({ where, ok: true });
          } else {
            expect({
              where,
              row: issue.row >= 1 && issue.row <= registryRows,
              column: columns.has(issue.column),
            }).toEqual({
              where,
              row: true,
              column: true,
            });
          }
          expect(issue.message.trim()).not.toBe("");
          expect(["error", "warning"]).toContain(issue.severity);
        }
      }),
      RUNS,
    );
  });

  it("reads every item from a row below the header, each once", () => {
    fc.assert(
      fc.property(workbookGrids, today, (grids, day) => {
        const analysis = analyzeRegistry(grids, day);
        if (analysis === null) return;
        const rows = analysis.items.map((i) => i.row);
        expect(new Set(rows).size).toBe(rows.length);
        for (const row of rows) expect(row).toBeGreaterThan(analysis.layout.headerRow);
      }),
      RUNS,
    );
  });
});
