/** Both adapters give the same results for the same workbook and use case. */
import { cellText, type CellValue } from "../../../src/domain/cell";
import { isoToSerial } from "../../../src/domain/dates";

/** A cell as Excel stores it: the Office adapter reads values only, so a date is its serial. */
const stored = (c: CellValue) => (c.t === "date" ? String(isoToSerial(c.v)) : cellText(c));
import { runCheck } from "../../../src/app/check";
import { runStatus } from "../../../src/app/status";
import { runNumbering } from "../../../src/app/number";
import { runUndo } from "../../../src/app/undo";
import { generateDocument } from "../../../src/app/documents";
import { numberCoauthored } from "../../../src/app/number-coauthored";
import { runRefresh } from "../../../src/app/refresh";
import { OPERATION_LOG_SHEET } from "../../../src/domain/operation-log";
import { officeHarness, xlsxHarness, type ContractPort, type Harness } from "./harness";
import { registryRows, REGISTRY, NUMBER_COL, HEADERS } from "./fixture";
import { TODAY } from "./contract-suite";

/** A registry with defects: a bad number, a duplicate, a deadline before the issue date, a missing section. */
function rowsWithDefects(): unknown[][] {
  const rows = registryRows({ items: 20, unnumberedEvery: 6 });
  rows[4][NUMBER_COL - 1] = "[2026]3号";
  rows[6][NUMBER_COL - 1] = "〔2026〕2号";
  rows[8][7] = 40000;
  rows[9][8] = "";
  return rows;
}

async function scenario<T>(harness: Harness, fn: (port: ContractPort) => Promise<T>, label = "操作"): Promise<T> {
  const subject = await harness.open(rowsWithDefects());
  return subject.run(label, fn);
}

const both = async <T>(fn: (port: ContractPort) => Promise<T>) =>
  Promise.all([scenario(officeHarness, fn), scenario(xlsxHarness, fn)]);

describe("the Office and xlsx adapters agree", () => {
  test("check: the same issues, in the same order", async () => {
    const [office, xlsx] = await both((p) => runCheck(p, TODAY));
    expect(office.issues.length).toBeGreaterThan(3);
    expect(office.issues).toEqual(xlsx.issues);
    expect(office.items).toEqual(xlsx.items);
  });

  test("status: the same statuses and deadlines", async () => {
    const [office, xlsx] = await both((p) => runStatus(p, TODAY));
    expect(office.items).toEqual(xlsx.items);
  });

  test("numbering and numbering while co-authoring: the same numbers", async () => {
    const [office, xlsx] = await both((p) => runNumbering(p, TODAY));
    expect(office.assigned).toEqual(xlsx.assigned);
    const [o2, x2] = await both((p) => numberCoauthored(p, TODAY));
    expect(o2).toEqual(x2);
  });

  test("a notice: the same sheet, cell by cell", async () => {
    const grids = await Promise.all(
      [officeHarness, xlsxHarness].map(async (h) => {
        const subject = await h.open(rowsWithDefects());
        const result = await subject.run("通知单", (p) =>
          generateDocument(p, "notice", { number: "〔2026〕6号", today: TODAY }),
        );
        const grid = await subject.grid(result.sheetName);
        return grid.rows.map((r) => r.map((c) => cellText(c)));
      }),
    );
    expect(grids[0]).toEqual(grids[1]);
  });

  test("refresh: the same columns, conflicts, notes, and the plan's formula in every row", async () => {
    const results = await Promise.all(
      [officeHarness, xlsxHarness].map(async (h) => {
        const subject = await h.open(rowsWithDefects());
        const result = await subject.run("刷新", (p) => runRefresh(p, p, TODAY));
        const col = HEADERS.length + 1;
        const rows = Array.from({ length: 398 }, (_, i) => i + 3);
        return {
          addedColumns: result.addedColumns,
          conflicts: result.outcome.conflicts,
          notes: result.notes,
          formulas: rows.map((r) => [0, 1, 2].map((d) => subject.inspect.formula(REGISTRY, r, col + d))),
          calendar: [2, 3, 365].map((r) => [8, 9, 10].map((c) => subject.inspect.formula("工作日历", r, c))),
          todayCount: subject.inspect.formula("工作日历", 4, 14),
          formats: subject.inspect.conditionalFormats(REGISTRY),
          names: subject.inspect.names(),
          // The Office adapter also logs the refresh in 操作日志; the xlsx harness does not.
          sheets: (await subject.sheetNames()).filter((n) => n !== OPERATION_LOG_SHEET),
        };
      }),
    );
    expect(results[0].formulas.every(([f]) => f !== null && f.includes("预警阈值"))).toBe(true);
    expect(results[0].calendar[0]).toEqual(['N(H1)+IF(D2="官方",G2,N(B2))', null, null]);
    expect(results[0]).toEqual(results[1]);
    // Both adapters refresh a registry: several seconds on a loaded shared machine; Jest's default 5 s
    // limit would be a speed assertion (speed belongs to the bench).
  }, 60_000);

  test("undo: the same registry afterwards", async () => {
    const results = await Promise.all(
      [officeHarness, xlsxHarness].map(async (h) => {
        const subject = await h.open(rowsWithDefects());
        await subject.run("编号", (p) => runNumbering(p, TODAY));
        const undo = await subject.run("撤销", (p) => runUndo(p));
        const grid = await subject.grid(REGISTRY);
        return {
          undo: { ...undo, operationId: undo.operationId !== null },
          cells: grid.rows.map((r) => r.map(stored)),
        };
      }),
    );
    expect(results[0]).toEqual(results[1]);
  });
});
