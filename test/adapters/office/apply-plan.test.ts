/**
 * Applying the setup plan through Office.js (src/adapters/office/apply-plan.ts) on the fake
 * Excel: what the shared contract suite cannot see — the 操作日志 of a refresh, events, hosts
 * without ExcelApi 1.9, a person's own conditional formats, repairs of what people changed,
 * a registry that grew, merged cells, a read refused as too large, undo, generated sheets.
 */
import { FakeExcel, type FakeConditionalFormat } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { PRINT_SETUP_FALLBACK } from "../../../src/adapters/office/apply-plan";
import { gridFromBlock } from "../../../src/adapters/office/read";
import { runRefresh } from "../../../src/app/refresh";
import { runUndo } from "../../../src/app/undo";
import { loadRegistry } from "../../../src/app/registry";
import { OPERATION_LOG_SHEET, parseOperationLog } from "../../../src/app/ports/operation-log";
import { buildSetupPlan } from "../../../src/domain/setup-plan";
import { registryRows, REGISTRY, HEADERS } from "../contract/fixture";

const TODAY = "2026-11-25";
/** 状态 is added right of the fixture's columns: W. */
const W = HEADERS.length + 1;

function setup(options: { items?: number; sets?: Record<string, string> } = {}) {
  const fake = new FakeExcel({ [REGISTRY]: registryRows({ items: options.items ?? 12, unnumberedEvery: 4 }) });
  const office = new OfficeWorkbook(fake.run, {
    requirements: fixedRequirements(options.sets ?? { ExcelApi: "1.9" }),
    now: () => new Date(2026, 10, 25, 9, 0, 0),
    newId: (() => {
      let n = 0;
      return () => `op${++n}`;
    })(),
  });
  const refresh = () =>
    office.operation("刷新", async (s) => ({ result: await runRefresh(s, s, TODAY), warnings: [...s.warnings] }));
  const log = () =>
    parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
  return { fake, office, refresh, log, reg: () => fake.sheet(REGISTRY) };
}

describe("the 操作日志 and events of a refresh", () => {
  test("every written cell has one log row under one 操作编号; long formulas are abbreviated", async () => {
    const { refresh, log } = setup();
    const { result } = await refresh();
    const written = result.outcome.changes
      .filter((c) => c.kind === "cells" || c.kind === "cells-cleared")
      .reduce((n, c) => n + c.count, 0);
    const { entries, skipped } = log();
    expect(skipped).toBe(0);
    expect(entries).toHaveLength(written);
    expect(new Set(entries.map((e) => `${e.id}|${e.operation}`))).toEqual(new Set(["op1|刷新"]));
    const status = entries.find((e) => e.sheet === REGISTRY && e.address === "W3")!;
    expect(status.old).toEqual({ t: "empty" });
    expect(status.new).toMatchObject({ t: "string" });
    expect((status.new as { v: string }).v).toMatch(/^=IF\(COUNTIF\(B3:V3,.*…$/);
    expect((status.new as { v: string }).v.length).toBeLessThanOrEqual(48);
    expect(entries.find((e) => e.sheet === "工作日历" && e.address === "A2")?.new).toEqual({
      t: "date",
      v: "2026-01-01",
    });
  });

  test("the add-in's own writes fire no change events, and events are on afterwards", async () => {
    const { fake, refresh, reg } = setup();
    const seen: unknown[] = [];
    reg().handlers.push((args) => seen.push(args));
    await refresh();
    expect(seen).toEqual([]);
    expect(fake.eventsEnabled).toBe(true);
    fake.userEdit(REGISTRY, "C3", [["改过的内容"]]);
    expect(seen).toHaveLength(1);
  });
});

describe("hosts without newer requirement sets", () => {
  test("Excel 2019 (ExcelApi 1.8): print setup is skipped with a Chinese warning, the rest is set", async () => {
    const { refresh, reg, fake } = setup({ sets: { ExcelApi: "1.8" } });
    const { result, warnings } = await refresh();
    expect(warnings).toEqual([PRINT_SETUP_FALLBACK]);
    expect(warnings[0]).toContain("duban refresh");
    expect(warnings[0]).toContain("Microsoft 365");
    expect(result.outcome.changes.filter((c) => c.kind === "print")).toEqual([]);
    expect(reg().pageLayout).toEqual({});
    expect(fake.sheet("督办看板").pageLayout).toEqual({});
    expect(reg().conditionalFormats).toHaveLength(5);
    expect(reg().get(3, W)?.formula).toContain("日历序");
    const again = await refresh();
    expect(again.result.outcome).toEqual({ changes: [], conflicts: [] });
    expect(again.warnings).toEqual([PRINT_SETUP_FALLBACK]);
  });
});

describe("what people did to the workbook", () => {
  test("a person's own conditional format is kept, ahead of the refresh's", async () => {
    const { refresh, reg } = setup();
    const mine: FakeConditionalFormat = { id: "mine", range: "C3:C20", type: "Custom", formula: "=LEN(C3)>50" };
    reg().conditionalFormats.push(mine);
    await refresh();
    expect(reg().conditionalFormats[0]).toBe(mine);
    expect(reg().conditionalFormats).toHaveLength(6);
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([]);
    expect(reg().conditionalFormats.map((c) => c.id)).toEqual(expect.arrayContaining(["mine"]));
  });

  test("a changed colour rule of ours is replaced; the other formats are not duplicated", async () => {
    const { refresh, reg } = setup();
    await refresh();
    const overdue = reg().conditionalFormats.find((c) => c.formula === '=$W3="逾期"')!;
    overdue.fill = "#00FF00";
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([{ sheet: REGISTRY, kind: "conditional-formats", count: 5 }]);
    expect(reg().conditionalFormats.map((c) => [c.formula, c.fill])).toContainEqual(['=$W3="逾期"', "#FFC7CE"]);
    expect(reg().conditionalFormats).toHaveLength(5);
  });

  test.each([
    ["cut short", "A3:W300"],
    ["spread wider", "A3:X400"],
    ["moved down", "A4:W401"],
  ])("a colour rule whose range was %s is set again on the planned range", async (_how, range) => {
    const { refresh, reg } = setup();
    await refresh();
    reg().conditionalFormats.find((c) => c.formula === '=$W3="临期"')!.range = range;
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([{ sheet: REGISTRY, kind: "conditional-formats", count: 5 }]);
    expect(reg().conditionalFormats.map((c) => c.range)).toEqual(["B3:B400", ...new Array(4).fill("A3:W400")]);
  });

  test("a cell pasted without its list gets it back; nothing else is set again", async () => {
    const { refresh, reg } = setup();
    await refresh();
    reg().validationCells.delete("7,5"); // 紧急程度 of row 7
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([{ sheet: REGISTRY, kind: "validations", count: 398 }]);
    expect(reg().validationAt(7, 5)?.rule).toEqual({ list: { inCellDropDown: true, source: "特急,加急,一般" } });
    expect((await refresh()).result.outcome.changes).toEqual([]);
  });

  test("ExcelApi 1.8: a stale formula of ours is replaced; a person's formula and typed value are kept and reported", async () => {
    const { refresh, reg, fake } = setup({ sets: { ExcelApi: "1.8" } });
    await refresh();
    fake.userEdit(REGISTRY, "W5", [["=1+1"]]);
    fake.userEdit(REGISTRY, "W7", [["=INDEX(日历序,1)"]]);
    fake.userEdit(REGISTRY, "W9", [["已办结"]]);
    const again = await refresh();
    expect(again.result.outcome.conflicts.map((c) => [c.address, c.found])).toEqual([
      ["W5", "=1+1"],
      ["W9", "已办结"],
    ]);
    expect(again.result.outcome.changes).toEqual([{ sheet: REGISTRY, kind: "cells", count: 1 }]);
    expect(reg().get(5, W)?.formula).toBe("=1+1");
    expect(reg().get(7, W)?.formula).toContain('"已销号"},M7)');
    expect(reg().get(9, W)).toMatchObject({ value: "已办结", formula: undefined });
  });

  test("ExcelApi 1.9 (special cells): a typed value is kept and reported; formulas in unsampled 状态 cells count as ours", async () => {
    const { refresh, reg, fake } = setup();
    await refresh();
    fake.userEdit(REGISTRY, "W5", [["=1+1"]]);
    fake.userEdit(REGISTRY, "W7", [["=INDEX(日历序,1)"]]);
    fake.userEdit(REGISTRY, "W9", [["已办结"]]);
    fake.userEdit(REGISTRY, "W10", [[""]]);
    const again = await refresh();
    // Only typed cells are read exactly; W5 and W7 are formula cells between the sampled rows,
    // taken to hold the planned formula (the documented limit, TESTING.md); W10 was emptied.
    expect(again.result.outcome.conflicts.map((c) => [c.address, c.found])).toEqual([["W9", "已办结"]]);
    expect(again.result.outcome.changes).toEqual([{ sheet: REGISTRY, kind: "cells", count: 1 }]);
    expect(reg().get(5, W)?.formula).toBe("=1+1");
    expect(reg().get(9, W)).toMatchObject({ value: "已办结", formula: undefined });
    expect(reg().get(10, W)?.formula).toContain('"已销号"},M10)');
  });

  test("ExcelApi 1.9: a sampled 状态 cell holding another formula makes the column be read exactly", async () => {
    const { refresh, reg, fake } = setup();
    await refresh();
    fake.userEdit(REGISTRY, "W3", [["=INDEX(日历序,1)"]]); // the first row is always sampled
    fake.userEdit(REGISTRY, "W5", [["=1+1"]]);
    const again = await refresh();
    expect(again.result.outcome.conflicts.map((c) => [c.address, c.found])).toEqual([["W5", "=1+1"]]);
    expect(again.result.outcome.changes).toEqual([{ sheet: REGISTRY, kind: "cells", count: 1 }]);
    expect(reg().get(3, W)?.formula).toContain('"已销号"},M3)');
  });

  test("a registry that grew past its formatted block gets formulas, lists and colours down to the new block", async () => {
    const { refresh, reg, fake } = setup();
    await refresh();
    const more = registryRows({ items: 130 }).slice(14);
    fake.userEdit(REGISTRY, `A15:V${14 + more.length}`, more);
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual(
      expect.arrayContaining([
        { sheet: REGISTRY, kind: "cells", count: 100 }, // W401:W500
        { sheet: REGISTRY, kind: "conditional-formats", count: 5 },
      ]),
    );
    expect(reg().conditionalFormats.map((c) => c.range)).toEqual(["B3:B500", ...new Array(4).fill("A3:W500")]);
    expect(reg().get(500, W)?.formula).toContain('"已销号"},M500)');
    expect(reg().validationAt(500, 5)).toBeDefined();
    expect((await refresh()).result.outcome.changes).toEqual([]);
  });

  test("with ExcelApi 1.13 a planned cell inside a merged area is reported, not written", async () => {
    const { refresh, reg } = setup({ sets: { ExcelApi: "1.13" } });
    reg().merges.push("V5:W5");
    const { result } = await refresh();
    expect(result.outcome.conflicts).toEqual([
      { sheet: REGISTRY, row: 5, col: W, address: "W5", found: "（合并单元格）" },
    ]);
    expect(reg().get(5, W)).toBeUndefined();
    expect(reg().get(6, W)?.formula).toContain("日历序");
  });

  test("a generated sheet's cells the plan no longer lists are cleared, and logged", async () => {
    const { refresh, fake, log } = setup();
    await refresh();
    fake.userEdit("督办看板", "B40", [["过时的数字"]]);
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([{ sheet: "督办看板", kind: "cells-cleared", count: 1 }]);
    expect(fake.value("督办看板", "B40")).toBe("");
    expect(log().entries[0]).toMatchObject({
      sheet: "督办看板",
      address: "B40",
      old: { t: "string", v: "过时的数字" },
    });
  });

  test("a generated cell whose look was changed gets its look back", async () => {
    const { refresh, fake } = setup();
    await refresh();
    fake.sheet("工作日历").format(1, 1).fill = "#FF0000";
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([{ sheet: "工作日历", kind: "cells", count: 1 }]);
    expect(fake.sheet("工作日历").format(1, 1).fill).toBe("#D9E1F2");
  });
});

describe("batches", () => {
  test("writes past the 4 MB budget (a 12-year calendar) go in several batches, all logged, events on", async () => {
    const fake = new FakeExcel({ [REGISTRY]: registryRows({ items: 12, year: 2016 }) });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    const refresh = () => office.operation("刷新", (s) => runRefresh(s, s, TODAY));
    const { calendarYears, outcome } = await refresh();
    expect(calendarYears).toEqual({ first: 2016, last: 2027 });
    const writes = fake.syncs.filter((x) => x.requestBytes > 1024 * 1024);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(fake.syncs.every((x) => !x.failed && x.requestBytes < 5 * 1024 * 1024)).toBe(true);
    const written = outcome.changes.filter((c) => c.kind === "cells").reduce((n, c) => n + c.count, 0);
    const log = parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
    expect(log.entries).toHaveLength(written);
    expect(fake.eventsEnabled).toBe(true);
    expect(fake.sheet("工作日历").get(4384, 1)?.value).toBe(46752); // 2027-12-31
    expect((await refresh()).outcome).toEqual({ changes: [], conflicts: [] });
  }, 60000);

  test("a read refused as too large is read again in chunks sized by the plan", async () => {
    const fake = new FakeExcel({ [REGISTRY]: registryRows({ items: 3000 }) });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    const outcome = await office.operation("刷新", async (s) => {
      const loaded = await loadRegistry(s, TODAY);
      const plan = buildSetupPlan({ grids: loaded.grids, analysis: loaded, today: TODAY });
      // Between the read and the setup, a co-author fills the 状态 column with a long formula of
      // their own (not longer than the status formula): estimated as empty (outside what was
      // read), it no longer fits one response; estimated at the planned size, it does.
      const mine = `=IF(A3="${"很长的说明".repeat(120)}",1,0)`;
      fake.coauthorEdit(
        REGISTRY,
        "W3:W3400",
        new Array(3398).fill(0).map((_, i) => [mine.replace("A3", `A${i + 3}`)]),
      );
      return s.applySetupPlan(plan);
    });
    const failed = fake.syncs.filter((x) => x.failed);
    expect(failed.map((x) => x.failed)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    expect(fake.syncs.filter((x) => !x.failed).every((x) => x.responseBytes < 5 * 1024 * 1024)).toBe(true);
    expect(outcome.conflicts).toHaveLength(3398);
    expect(outcome.conflicts[0]).toMatchObject({ address: "W3", found: expect.stringMatching(/^=IF\(A3="很长/) });
    expect(fake.eventsEnabled).toBe(true);
  }, 30000);
});

describe("undo after a refresh", () => {
  test("stops at the refresh: it changed nothing typed, and taking its values back would empty the calendar", async () => {
    const { refresh, office, fake, reg } = setup();
    await refresh();
    const calendar = [...fake.sheet("工作日历").cells.values()].map((c) => c.value);
    const registry = fake.rows(REGISTRY);
    const undo = await office.operation("撤销上次操作", (s) => runUndo(s));
    expect(undo).toMatchObject({ operationId: null, operation: "刷新", restored: 0 });
    expect(undo.message).toMatch(/^上次操作是“刷新”，不能撤销/);
    expect([...fake.sheet("工作日历").cells.values()].map((c) => c.value)).toEqual(calendar);
    expect(fake.rows(REGISTRY)).toEqual(registry);
    expect(reg().get(3, W)?.formula).toContain("日历序");
  });

  test("a person's formula a refresh replaced on a generated sheet is shown in the log; undo stops at the refresh", async () => {
    const { refresh, office, fake, log } = setup();
    await refresh();
    const title = fake.value("督办看板", "A1");
    expect(title).not.toBe("");
    fake.userEdit("督办看板", "A1", [["=1+1"]]);
    await refresh();
    const entry = log().entries.find((e) => e.sheet === "督办看板" && e.address === "A1")!;
    expect(entry.old).toEqual({ t: "empty" });
    expect(fake.rows(OPERATION_LOG_SHEET).find((r) => r[6] === "A1" && r[5] === "督办看板")?.[7]).toBe("=1+1");
    const undo = await office.operation("撤销上次操作", (s) => runUndo(s));
    expect(undo.operation).toBe("刷新");
    expect(fake.sheet("督办看板").get(1, 1)?.value ?? "").toBe(title);
  });
});
