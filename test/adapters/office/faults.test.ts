/**
 * Faults: a sync that throws in the middle of an operation leaves events switched back on, the
 * 操作日志 consistent (every cell that was written has its entry) and every completed write
 * undoable. The fake applies the operations of a failing batch up to the failure, as Excel does.
 */
import { FakeExcel } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { OfficeFailure } from "../../../src/adapters/office/errors";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { gridFromBlock } from "../../../src/adapters/office/read";
import { runNumbering } from "../../../src/app/number";
import { runCheck } from "../../../src/app/check";
import { runUndo } from "../../../src/app/undo";
import { OPERATION_LOG_SHEET, parseOperationLog } from "../../../src/domain/operation-log";
import { registryRows, REGISTRY } from "../contract/fixture";

const TODAY = "2026-11-25";
const ROWS = registryRows({ items: 12, unnumberedEvery: 4 });

function setup(rows = ROWS) {
  const fake = new FakeExcel({ [REGISTRY]: rows });
  const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
  return { fake, office };
}

function logEntries(fake: FakeExcel) {
  if (!fake.hasSheet(OPERATION_LOG_SHEET)) return [];
  const grid = gridFromBlock(OPERATION_LOG_SHEET, {
    rowIndex: 0,
    columnIndex: 0,
    values: fake.rows(OPERATION_LOG_SHEET),
  });
  const { entries, skipped } = parseOperationLog(grid);
  expect(skipped).toBe(0);
  return entries;
}

// The write batch of numbering rows 6, 10, 14: events off, add the log sheet, its header, hide
// it, insert log rows, write them, B6, B10, B14, events on — 10 operations. Sync 3 is that
// batch (1 = names, 2 = sheets).
describe("a failing write batch", () => {
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])(
    "failing after %i of its operations: events on, log covers every written cell, undo restores all",
    async (afterOps) => {
      const { fake, office } = setup();
      const seen: unknown[] = [];
      fake.sheet(REGISTRY).handlers.push((args) => seen.push(args));
      fake.failSync(3, afterOps, "GeneralException");
      await expect(office.operation("number", (s) => runNumbering(s, TODAY))).rejects.toBeInstanceOf(OfficeFailure);
      expect(fake.eventsEnabled).toBe(true);
      expect(seen).toEqual([]); // events were off for the writes that happened
      expect(fake.syncs.map((x) => x.failed ?? "ok")).toEqual(["ok", "ok", "GeneralException", "ok"]);

      const written = ["B6", "B10", "B14"].filter((a) => fake.value(REGISTRY, a) !== "");
      const logged = new Set(logEntries(fake).map((e) => e.address));
      for (const address of written) expect(logged.has(address)).toBe(true);

      const undo = await office.operation("undo", (s) => runUndo(s));
      expect(undo.conflicts).toEqual([]);
      expect(undo.restored).toBe(written.length);
      expect(fake.rows(REGISTRY)).toEqual(setup().fake.rows(REGISTRY));
      expect(fake.eventsEnabled).toBe(true);
    },
  );

  test("when switching events back on fails on the context too, a new Excel.run does it", async () => {
    const { fake, office } = setup();
    fake.failSync(3, 2);
    fake.failSync(4, 0);
    await expect(office.operation("number", (s) => runNumbering(s, TODAY))).rejects.toBeInstanceOf(OfficeFailure);
    expect(fake.syncs.map((s) => s.failed ?? "ok")).toEqual(["ok", "ok", "GeneralException", "GeneralException", "ok"]);
    expect(fake.eventsEnabled).toBe(true);
    expect(fake.runOptions).toHaveLength(2);
  });

  test("a failing read sends no recovery sync and says in Chinese what to do", async () => {
    const { fake, office } = setup();
    fake.failSync(2, 0, "InvalidOperationInCellEditMode");
    const failure = await office.operation("check", (s) => runCheck(s, TODAY)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OfficeFailure);
    expect((failure as OfficeFailure).message).toBe("有单元格正处于编辑状态，请按 Enter 或 Esc 结束编辑后重试");
    expect(fake.syncCount).toBe(2);
    expect(fake.eventsEnabled).toBe(true);
  });

  test("a chunked write failing in its second batch keeps the first batch logged and undoable", async () => {
    // 32,000 unnumbered items: their log (~5 MB) needs two write batches.
    const rows = registryRows({ items: 32000, unnumberedEvery: 1 });
    // A dry run finds which syncs carry the writes (the large requests).
    const dry = setup(rows);
    await dry.office.operation("number", (s) => runNumbering(s, TODAY));
    const writeSyncs = dry.fake.syncs.map((s, i) => (s.requestBytes > 100000 ? i + 1 : 0)).filter((i) => i > 0);
    expect(writeSyncs.length).toBeGreaterThanOrEqual(2);

    const { fake, office } = setup(rows);
    fake.failSync(writeSyncs[1], 3);
    await expect(office.operation("number", (s) => runNumbering(s, TODAY))).rejects.toBeInstanceOf(OfficeFailure);
    expect(fake.eventsEnabled).toBe(true);
    const entries = logEntries(fake);
    const logged = new Set(entries.map((e) => e.address));
    const written = [];
    for (let r = 3; r < rows.length + 1; r++)
      if (fake.value(REGISTRY, `B${r}`) !== rows[r - 1][1]) written.push(`B${r}`);
    expect(written.length).toBeGreaterThan(1000);
    expect(written.length).toBeLessThan(32000);
    for (const a of written) expect(logged.has(a)).toBe(true);
    const undo = await office.operation("undo", (s) => runUndo(s));
    expect(undo.restored).toBe(written.length);
    expect(fake.rows(REGISTRY)).toEqual(
      rows.map((r) => r.map((v) => (v === null ? "" : v))).slice(0, fake.rows(REGISTRY).length),
    );
  });
});

describe("events around the add-in's own writes", () => {
  test("the registry's onChanged handlers see a person's edit but not the add-in's writes", async () => {
    const { fake, office } = setup();
    const seen: unknown[] = [];
    fake.sheet(REGISTRY).handlers.push((args) => seen.push(args));
    await office.operation("number", (s) => runNumbering(s, TODAY));
    expect(seen).toEqual([]);
    fake.userEdit(REGISTRY, "C5", [["改过的内容"]]);
    expect(seen).toEqual([expect.objectContaining({ address: "C5", source: "Local" })]);
  });

  test("writing without the off/on frame would have fired them (the fake does fire for API writes)", async () => {
    const { fake } = setup();
    const seen: unknown[] = [];
    fake.sheet(REGISTRY).handlers.push((args) => seen.push(args));
    await fake.run({}, async (context: never) => {
      const ctx = context as unknown as Excel.RequestContext;
      ctx.workbook.worksheets.getItem(REGISTRY).getRange("B6").values = [["x"]];
      await ctx.sync();
    });
    expect(seen).toHaveLength(1);
  });
});
