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
import { OPERATION_LOG_SHEET, parseOperationLog } from "../../../src/domain/operation-log";
import { buildSetupPlan } from "../../../src/domain/setup-plan";
import { registryRows, REGISTRY, HEADERS } from "../contract/fixture";

const TODAY = "2026-11-25";
/** 状态 is added right of the fixture's columns: W, then 截止日期 (X) and 剩余工作日 (Y). */
const W = HEADERS.length + 1;
/** The registry's formats: not-a-date on its six date columns, duplicate numbers, four status colours. */
const OUR_FORMATS = 11;
/** The ranges of the registry's formats after a refresh of a registry formatted down to `last`. */
const ranges = (last: number) => [
  ...["G", "H", "L", "S", "T", "V"].map((c) => `${c}3:${c}${last}`),
  `B3:B${last}`,
  ...new Array(4).fill(`A3:Y${last}`),
];

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
    office.operation("refresh", async (s) => ({ result: await runRefresh(s, s, TODAY), warnings: [...s.warnings] }));
  const log = () =>
    parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
  return { fake, office, refresh, log, reg: () => fake.sheet(REGISTRY) };
}

describe("the 操作日志 and events of a refresh", () => {
  test("every written cell is in the log under one 操作编号: per cell, per run of formulas into empty cells, per created sheet", async () => {
    const { refresh, log } = setup();
    const { result } = await refresh();
    const created = result.outcome.changes.filter((c) => c.kind === "sheet-created").map((c) => c.sheet);
    const written = result.outcome.changes
      .filter((c) => (c.kind === "cells" || c.kind === "cells-cleared") && !created.includes(c.sheet))
      .reduce((n, c) => n + c.count, 0);
    const { entries, skipped } = log();
    expect(skipped).toBe(0);
    expect(entries.filter((e) => e.sheetAction === "created").map((e) => e.sheet)).toEqual(created);
    const covered = entries.filter((e) => !e.sheetAction).reduce((n, e) => n + (e.lastRow ?? e.row) - e.row + 1, 0);
    expect(covered).toBe(written);
    expect(new Set(entries.map((e) => `${e.id}|${e.operation}`))).toEqual(new Set(["op1|刷新"]));
    expect(entries.find((e) => e.address === "W3:W400")).toMatchObject({ old: { t: "empty" }, lastRow: 400 });
    const status = entries.find((e) => e.sheet === REGISTRY && e.address === "W3:W400")!;
    expect(status.old).toEqual({ t: "empty" });
    expect(status.new).toMatchObject({ t: "string" });
    expect((status.new as { v: string }).v).toMatch(/^=IF\(COUNTA\(B3:V3\)=0,.*…$/);
    expect(entries.find((e) => e.sheet === REGISTRY && e.address === "X3:X400")?.new).toEqual({
      t: "string",
      v: "=IF(ISNUMBER(T3),INT(T3),IF(ISNUMBER(H3),INT(H3…",
    });
    expect((status.new as { v: string }).v.length).toBeLessThanOrEqual(48);
    expect(entries.filter((e) => e.sheet === "工作日历")).toEqual([
      expect.objectContaining({ sheetAction: "created" }),
    ]);
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
    expect(reg().conditionalFormats).toHaveLength(OUR_FORMATS);
    expect(reg().get(3, W)?.formula).toContain("预警阈值");
    const again = await refresh();
    expect(again.result.outcome).toEqual({ changes: [], conflicts: [] });
    expect(again.warnings).toEqual([PRINT_SETUP_FALLBACK]);
  });
});

describe("print settings Excel ignored (office-js issue 1860)", () => {
  test("fit to one page wide is checked after writing; when ignored, a scale is set instead and the person told", async () => {
    const { refresh, reg, fake } = setup();
    fake.ignoreFitToPages = true;
    for (let c = 1; c <= 14; c++) reg().columnWidths.set(c, 80); // 1,120 pt: wider than A4 landscape
    const { warnings } = await refresh();
    expect(warnings).toHaveLength(2); // the registry and the board
    expect(warnings[0]).toContain("“督办事项登记表”的“调整为一页宽”");
    expect(warnings[0]).toMatch(/已改为按 \d+% 缩放打印/);
    // (842 pt − two margins of 50.4 pt) / 1,120 pt
    expect(reg().pageLayout.zoom).toEqual({ scale: 66 });
    expect(reg().pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", printArea: "A1:N14" });
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([]);
    expect(again.warnings).toEqual([]);
  });

  test("where Excel takes the fit, the zoom is the fit and nothing is said", async () => {
    const { refresh, reg } = setup();
    const { warnings } = await refresh();
    expect(warnings).toEqual([]);
    expect(reg().pageLayout.zoom).toEqual({ horizontalFitToPages: 1 });
  });
});

describe("what people did to the workbook", () => {
  test("a person's own conditional format is kept, ahead of the refresh's", async () => {
    const { refresh, reg } = setup();
    const mine: FakeConditionalFormat = { id: "mine", range: "C3:C20", type: "Custom", formula: "=LEN(C3)>50" };
    reg().conditionalFormats.push(mine);
    await refresh();
    expect(reg().conditionalFormats[0]).toBe(mine);
    expect(reg().conditionalFormats).toHaveLength(OUR_FORMATS + 1);
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([]);
    expect(reg().conditionalFormats.map((c) => c.id)).toEqual(expect.arrayContaining(["mine"]));
  });

  test("formats of ours between a person's are all replaced, in descending priority, and the person's survive", async () => {
    const { refresh, reg, fake } = setup();
    await refresh();
    // The person's formats sit between ours: deleting ours by stale positions in ascending
    // order would delete the person's (their ids are positions, Microsoft documents).
    const list = reg().conditionalFormats;
    list.splice(2, 0, { id: "mine1", range: "C3:C20", type: "Custom", formula: "=LEN(C3)>50" });
    list.splice(5, 0, { id: "mine2", range: "D3:D20", type: "DataBar" });
    list.find((c) => c.formula === '=$W3="逾期"')!.fill = "#00FF00";
    const again = await refresh();
    expect(again.warnings).toEqual([]);
    expect(again.result.outcome.changes).toEqual([
      { sheet: REGISTRY, kind: "conditional-formats", count: OUR_FORMATS },
    ]);
    expect(
      reg()
        .conditionalFormats.slice(0, 2)
        .map((c) => c.id),
    ).toEqual(["mine1", "mine2"]);
    expect(
      reg()
        .conditionalFormats.slice(2)
        .map((c) => c.range),
    ).toEqual(ranges(400));
    expect((await refresh()).result.outcome.changes).toEqual([]);
    void fake;
  });

  test("a changed colour rule of ours is replaced; the other formats are not duplicated", async () => {
    const { refresh, reg } = setup();
    await refresh();
    const overdue = reg().conditionalFormats.find((c) => c.formula === '=$W3="逾期"')!;
    overdue.fill = "#00FF00";
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([
      { sheet: REGISTRY, kind: "conditional-formats", count: OUR_FORMATS },
    ]);
    expect(reg().conditionalFormats.map((c) => [c.formula, c.fill])).toContainEqual(['=$W3="逾期"', "#FFC7CE"]);
    expect(reg().conditionalFormats).toHaveLength(OUR_FORMATS);
  });

  test.each([
    ["cut short", "A3:Y300"],
    ["spread wider", "A3:Z400"],
    ["moved down", "A4:Y401"],
    ["split in two", "A3:Y200,A202:Y400"],
  ])("a colour rule whose range was %s is set again on the planned range", async (_how, range) => {
    const { refresh, reg } = setup();
    await refresh();
    reg().conditionalFormats.find((c) => c.formula === '=$W3="临期"')!.range = range;
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual([
      { sheet: REGISTRY, kind: "conditional-formats", count: OUR_FORMATS },
    ]);
    expect(reg().conditionalFormats.map((c) => c.range)).toEqual(ranges(400));
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

  test.each([["1.8"], ["1.9"]])(
    "ExcelApi %s: every 状态 cell is read exactly — an old formula of ours is replaced, a person's formula and typed value kept and reported",
    async (version) => {
      const { refresh, reg, fake } = setup({ sets: { ExcelApi: version } });
      await refresh();
      fake.userEdit(REGISTRY, "W5", [["=1+1"]]);
      fake.userEdit(REGISTRY, "W7", [["=INDEX(日历序,1)+预警阈值"]]);
      fake.userEdit(REGISTRY, "W9", [["已办结"]]);
      fake.userEdit(REGISTRY, "W10", [[""]]);
      fake.userEdit(REGISTRY, "W333", [["=2+2"]]);
      const again = await refresh();
      expect(again.result.outcome.conflicts.map((c) => [c.address, c.found])).toEqual([
        ["W5", "=1+1"],
        ["W9", "已办结"],
        ["W333", "=2+2"],
      ]);
      expect(again.result.outcome.changes).toEqual([{ sheet: REGISTRY, kind: "cells", count: 2 }]);
      expect(reg().get(5, W)?.formula).toBe("=1+1");
      expect(reg().get(7, W)?.formula).toContain("IF(X7<TODAY()");
      expect(reg().get(9, W)).toMatchObject({ value: "已办结", formula: undefined });
      expect(reg().get(10, W)?.formula).toContain("IF(X10<TODAY()");
      expect(reg().get(333, W)?.formula).toBe("=2+2");
    },
  );

  test("a registry that grew past its formatted block gets formulas, lists and colours down to the new block", async () => {
    const { refresh, reg, fake } = setup();
    await refresh();
    const more = registryRows({ items: 130 }).slice(14);
    fake.userEdit(REGISTRY, `A15:V${14 + more.length}`, more);
    const again = await refresh();
    expect(again.result.outcome.changes).toEqual(
      expect.arrayContaining([
        { sheet: REGISTRY, kind: "cells", count: 300 }, // W401:Y500
        { sheet: REGISTRY, kind: "conditional-formats", count: OUR_FORMATS },
      ]),
    );
    expect(reg().conditionalFormats.map((c) => c.range)).toEqual(ranges(500));
    expect(reg().get(500, W)?.formula).toContain("IF(X500<TODAY()");
    expect(reg().get(500, W + 2)?.formula).toBe('=IFERROR(INDEX(日历累计,MATCH(X500,日历日期,0))-今日累计,"")');
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
    expect(reg().get(6, W)?.formula).toContain("预警阈值");
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

/**
 * A registry from 2016 whose 工作日历 (12 years) holds what a refresh must rewrite on every row:
 * dates typed as text, notes of its own in 说明 — thousands of logged cell writes.
 */
/** The cells (sheet!row,col) whose value or formula differ between two snapshots. */
function changedCells(before: Map<string, string>, after: Map<string, string>): number {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).length;
}

/** Every stored cell of the given sheets: value and formula. */
function snapshot(fake: FakeExcel, sheets: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of sheets) {
    for (const [k, c] of fake.sheet(name).cells) {
      if (c.value !== "" || c.formula !== undefined) out.set(`${name}!${k}`, JSON.stringify([c.value, c.formula]));
    }
  }
  return out;
}

function staleCalendarBook(): FakeExcel {
  const rows: unknown[][] = [["日期", "是否工作日", "类型", "来源", "说明", "星期", "甲", "乙", "丙", "丁", "戊"]];
  for (let serial = 42370; serial <= 46752; serial++) {
    const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
    const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
    rows.push([date, 1, "工作日", "官方", "旧版说明", "?", "旧", "旧", "旧", "旧", "旧"]);
  }
  return new FakeExcel({ [REGISTRY]: registryRows({ items: 12, year: 2016 }), 工作日历: rows });
}

describe("batches", () => {
  test("writes past the 4 MB budget (a stale 12-year calendar rewritten cell by cell) go in several batches, all logged, events on", async () => {
    const fake = staleCalendarBook();
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    const refresh = () => office.operation("refresh", (s) => runRefresh(s, s, TODAY));
    const before = snapshot(fake, [REGISTRY, "工作日历"]);
    const { calendarYears, outcome } = await refresh();
    expect(calendarYears).toEqual({ first: 2016, last: 2027 });
    const writes = fake.syncs.filter((x) => x.requestBytes > 1024 * 1024);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(fake.syncs.every((x) => !x.failed && x.requestBytes < 5 * 1024 * 1024)).toBe(true);
    expect(outcome.changes.filter((c) => c.kind === "cells").length).toBeGreaterThan(0);
    const log = parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
    const covered = log.entries.filter((e) => !e.sheetAction).reduce((n, e) => n + (e.lastRow ?? e.row) - e.row + 1, 0);
    expect(covered).toBe(changedCells(before, snapshot(fake, [REGISTRY, "工作日历"])));
    expect(fake.eventsEnabled).toBe(true);
    expect(fake.sheet("工作日历").get(4384, 1)?.value).toBe(46752); // 2027-12-31
    expect((await refresh()).outcome).toEqual({ changes: [], conflicts: [] });
  }, 60000);

  test.each([["payload"], ["GeneralException"]] as const)(
    "a read refused as too large (%s) is read again in chunks sized by the plan",
    async (oversize) => {
      const fake = new FakeExcel({ [REGISTRY]: registryRows({ items: 11000 }) });
      fake.oversizeCode = oversize;
      const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
      const outcome = await office.operation("refresh", async (s) => {
        const loaded = await loadRegistry(s, TODAY);
        const plan = buildSetupPlan({ grids: loaded.grids, analysis: loaded, today: TODAY });
        // Between the read and the setup, a co-author refreshes too: the 状态 column and its
        // helpers fill with the planned formulas. Estimated as empty (outside what was read),
        // they no longer fit one response; estimated at their planned size, they do.
        const rows = plan.sheets[0].cells.filter((c) => c.row > 2 && c.col >= W && c.col <= W + 2);
        const last = Math.max(...rows.map((c) => c.row));
        const grid = Array.from({ length: last - 2 }, () => ["", "", ""]);
        for (const c of rows) grid[c.row - 3][c.col - W] = `=${(c.value as { f: string }).f}`;
        fake.coauthorEdit(REGISTRY, `W3:Y${last}`, grid);
        return s.applySetupPlan(plan);
      });
      const failed = fake.syncs.filter((x) => x.failed);
      expect(failed.map((x) => x.failed)).toEqual([
        oversize === "payload" ? "ResponsePayloadSizeLimitExceeded" : "GeneralException",
      ]);
      expect(fake.syncs.filter((x) => !x.failed).every((x) => x.responseBytes < 5 * 1024 * 1024)).toBe(true);
      expect(outcome.conflicts).toEqual([]);
      // Only the three headers are written: every formula read back is the planned one.
      expect(outcome.changes.find((c) => c.sheet === REGISTRY && c.kind === "cells")).toEqual({
        sheet: REGISTRY,
        kind: "cells",
        count: 3,
      });
      expect(fake.eventsEnabled).toBe(true);
    },
    60000,
  );

  test("a write batch refused as too large is split and sent again (older Excel on the web: GeneralException)", async () => {
    const fake = staleCalendarBook();
    fake.oversizeCode = "GeneralException";
    fake.payloadLimit = 2 * 1024 * 1024; // this host refuses what the adapter's 4 MB budget allows
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    const before = snapshot(fake, [REGISTRY, "工作日历"]);
    await office.operation("refresh", (s) => runRefresh(s, s, TODAY));
    const failed = fake.syncs.filter((x) => x.failed);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.every((x) => x.failed === "GeneralException" && x.requestBytes > 2 * 1024 * 1024)).toBe(true);
    const log = parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
    const covered = log.entries.filter((e) => !e.sheetAction).reduce((n, e) => n + (e.lastRow ?? e.row) - e.row + 1, 0);
    expect(covered).toBe(changedCells(before, snapshot(fake, [REGISTRY, "工作日历"])));
    expect(new Set(log.entries.map((e) => `${e.sheet}!${e.address}`)).size).toBe(log.entries.length);
    expect(fake.sheet("工作日历").get(4384, 1)?.value).toBe(46752);
    expect(fake.eventsEnabled).toBe(true);
  }, 60000);
});

describe("undo after a refresh", () => {
  test("stops at the refresh: it changed nothing typed, and taking its values back would empty the calendar", async () => {
    const { refresh, office, fake, reg } = setup();
    await refresh();
    const calendar = [...fake.sheet("工作日历").cells.values()].map((c) => c.value);
    const registry = fake.rows(REGISTRY);
    const undo = await office.operation("undo", (s) => runUndo(s));
    expect(undo).toMatchObject({ operationId: null, operation: "刷新", restored: 0 });
    expect(undo.message).toMatch(/^上次操作是“刷新”，不能撤销/);
    expect([...fake.sheet("工作日历").cells.values()].map((c) => c.value)).toEqual(calendar);
    expect(fake.rows(REGISTRY)).toEqual(registry);
    expect(reg().get(3, W)?.formula).toContain("预警阈值");
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
    const undo = await office.operation("undo", (s) => runUndo(s));
    expect(undo.operation).toBe("刷新");
    expect(fake.sheet("督办看板").get(1, 1)?.value ?? "").toBe(title);
  });
});
