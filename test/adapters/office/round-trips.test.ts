/**
 * Round trips and request sizes on large registries: every operation on 10,000 rows uses at
 * most 3 context.sync() calls (refresh too, first and second run) with every request and response under 5 MB; at
 * 50,000 rows the reads and writes are chunked, each batch still under the limit.
 */
import { FakeExcel, PAYLOAD_LIMIT } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { numberCoauthored } from "../../../src/app/number-coauthored";
import { runCheck } from "../../../src/app/check";
import { runStatus } from "../../../src/app/status";
import { runNumbering } from "../../../src/app/number";
import { runUndo } from "../../../src/app/undo";
import { generateDocument } from "../../../src/app/documents";
import { runRefresh } from "../../../src/app/refresh";
import { BATCH_BUDGET_BYTES } from "../../../src/adapters/office/size";
import { OPERATION_LOG_SHEET, parseOperationLog } from "../../../src/domain/operation-log";
import { gridFromBlock } from "../../../src/adapters/office/read";
import { registryRows, REGISTRY, NUMBER_COL } from "../contract/fixture";

const TODAY = "2026-11-25";

function setup(items: number, unnumberedEvery: number, excelApi = "1.9") {
  const fake = new FakeExcel({ [REGISTRY]: registryRows({ items, unnumberedEvery }) });
  const office = new OfficeWorkbook(fake.run, {
    requirements: fixedRequirements({ ExcelApi: excelApi }),
    now: () => new Date(2026, 10, 25, 9, 0, 0),
  });
  /** Runs an operation and returns its result and the syncs it made. */
  const measure = async <T>(fn: () => Promise<T>) => {
    const start = fake.syncCount;
    const result = await fn();
    return { result, syncs: fake.syncs.slice(start) };
  };
  return { fake, office, measure };
}

const largest = (syncs: readonly { requestBytes: number; responseBytes: number }[]) => ({
  request: Math.max(...syncs.map((s) => s.requestBytes)),
  response: Math.max(...syncs.map((s) => s.responseBytes)),
});

describe("10,000-row registry: at most 3 syncs per operation, every batch under 5 MB", () => {
  const { fake, office, measure } = setup(10000, 7);

  test.each([
    ["检查 (check)", () => office.operation("check", (s) => runCheck(s, TODAY)), 2],
    ["状态 (status)", () => office.operation("status", (s) => runStatus(s, TODAY)), 2],
    ["编号 (number, 1,428 rows)", () => office.operation("number", (s) => runNumbering(s, TODAY)), 3],
    [
      "通知单 (notice)",
      () =>
        office.operation({ kind: "notice", label: "通知单" }, (s) =>
          generateDocument(s, "notice", { number: "〔2026〕5号", today: TODAY }),
        ),
      3,
    ],
    [
      "撤销上次操作 (undo of the notice: log, the notice sheet, its deletion)",
      () => office.operation("undo", (s) => runUndo(s)),
      3,
    ],
    [
      "撤销上次操作 again (undo of the numbering: log, registry, writes)",
      () => office.operation("undo", (s) => runUndo(s)),
      3,
    ],
  ])("%s", async (_name, op, expected) => {
    const { syncs } = await measure(op as () => Promise<unknown>);
    expect(syncs).toHaveLength(expected as number);
    expect(syncs.every((s) => !s.failed)).toBe(true);
    const big = largest(syncs);
    expect(big.request).toBeLessThan(PAYLOAD_LIMIT);
    expect(big.response).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.eventsEnabled).toBe(true);
  });

  test("the read of 10,000 rows is one response of 2–5 MB (the estimate is realistic, not tiny)", () => {
    const read = fake.syncs[1];
    expect(read.responseBytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(read.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("the first undo deleted the notice sheet, and each undo undid the operation before it", () => {
    expect(fake.hasSheet("通知单〔2026〕5号")).toBe(false);
    const log = parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
    const undone = [...new Set(log.entries.filter((e) => e.undoes !== "").map((e) => e.undoes))];
    const operationOf = (id: string) => log.entries.find((e) => e.id === id && e.undoes === "")?.operation;
    expect(undone.map(operationOf)).toEqual(["编号", "通知单"]);
  });

  test("undo restored every number the numbering wrote", () => {
    const rows = fake.rows(REGISTRY);
    expect(rows.filter((r, i) => i >= 2 && r[NUMBER_COL - 1] === "")).toHaveLength(1428);
  });

  test("every run was Excel.run with delayForCellEdit", () => {
    expect(fake.runOptions.length).toBeGreaterThan(0);
    expect(fake.runOptions.every((o) => (o as { delayForCellEdit?: boolean }).delayForCellEdit === true)).toBe(true);
  });
});

describe("ExcelApi 1.13 (merged areas read with the values): the same round trips on 10,000 rows", () => {
  const { office, measure } = setup(10000, 7, "1.13");
  test.each([
    ["检查 (check)", () => office.operation("check", (s) => runCheck(s, TODAY)), 2],
    ["编号 (number)", () => office.operation("number", (s) => runNumbering(s, TODAY)), 3],
    ["刷新 (refresh)", () => office.operation("refresh", (s) => runRefresh(s, s, TODAY)), 3],
  ])(
    "%s",
    async (_name, op, expected) => {
      const { syncs } = await measure(op as () => Promise<unknown>);
      expect(syncs).toHaveLength(expected as number);
      expect(syncs.every((s) => !s.failed)).toBe(true);
      expect(largest(syncs).request).toBeLessThan(PAYLOAD_LIMIT);
      expect(largest(syncs).response).toBeLessThan(PAYLOAD_LIMIT);
    },
    60000,
  );
});

describe("refresh of a 10,000-row registry", () => {
  const { fake, office, measure } = setup(10000, 7);
  const refresh = () => measure(() => office.operation("refresh", (s) => runRefresh(s, s, TODAY)));
  let first: Awaited<ReturnType<typeof refresh>>;
  beforeAll(async () => {
    first = await refresh();
  }, 60000);

  test("3 syncs: names with the sheets, one read, one write (formulas in R1C1, a short log); every request under 5 MB", () => {
    expect(first.syncs).toHaveLength(3);
    expect(first.syncs.every((s) => !s.failed)).toBe(true);
    const big = largest(first.syncs);
    // The fake measures what was sent; the adapter kept its own estimate under its 4 MB budget.
    expect(big.request).toBeLessThan(PAYLOAD_LIMIT);
    expect(big.request).toBeLessThan(BATCH_BUDGET_BYTES);
    // One write: the calendar's values, and a log of one entry per created sheet and per run of
    // formulas (not 31,000 cell entries).
    expect(big.request).toBeGreaterThan(100 * 1024);
    expect(big.response).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.eventsEnabled).toBe(true);
  });

  test("10,398 rows of 状态, 截止日期 and 剩余工作日 go as one R1C1 formula per run of 2,000 rows, each reading its own row", () => {
    const sheet = fake.sheet(REGISTRY);
    const col = 23;
    expect(first.result.outcome.changes).toContainEqual({ sheet: REGISTRY, kind: "cells", count: 3 * 10398 + 3 });
    for (const row of [3, 2002, 2003, 10002, 10400]) {
      expect(sheet.get(row, col)?.formula).toContain(`FIND(办结用语,M${row})`);
      expect(sheet.get(row, col)?.formula).toContain(`IF(X${row}<TODAY()`);
      expect(sheet.get(row, col + 2)?.formula).toContain(`MATCH(X${row},日历日期,0)`);
    }
    expect(sheet.get(10401, col)).toBeUndefined();
    expect(Math.max(...first.syncs.map((x) => x.requestBytes))).toBeLessThan(BATCH_BUDGET_BYTES);
  });

  test("the 状态 column of 10,000 rows reads back exactly, formulas and values, in well under 5 MB", async () => {
    // As the refresh reads it (setup-read.ts): `values` and `formulas` of the column, one load.
    const { result, syncs } = await measure(() =>
      fake.run({}, async (context: Excel.RequestContext) => {
        const range = context.workbook.worksheets.getItem(REGISTRY).getRange("W3:W10400").load("values,formulas");
        await context.sync();
        return range.formulas.map((r) => r[0]);
      }),
    );
    expect(result.every((f, i) => typeof f === "string" && f.includes(`M${i + 3}`))).toBe(true);
    const read = syncs[syncs.length - 1];
    expect(read.responseBytes).toBeGreaterThan(1024 * 1024);
    expect(read.responseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test("a second refresh adds nothing in at most 3 syncs: every formula cell read back exactly", async () => {
    const sheet = fake.sheet(REGISTRY);
    const formats = sheet.conditionalFormats.length;
    const validations = sheet.validations.length;
    const logRows = fake.rows(OPERATION_LOG_SHEET).length;
    const second = await refresh();
    expect(second.result.outcome).toEqual({ changes: [], conflicts: [] });
    expect(sheet.conditionalFormats).toHaveLength(formats);
    expect(sheet.validations).toHaveLength(validations);
    expect(fake.rows(OPERATION_LOG_SHEET)).toHaveLength(logRows);
    // Nothing to write: names with the sheets, the reads, and the ranges of the formats of ours
    // (with the last batch of the reads).
    expect(second.syncs.every((s) => s.ops > 0 && !s.failed)).toBe(true);
    expect(second.syncs.length).toBeLessThanOrEqual(3);
    expect(largest(second.syncs).request).toBeLessThan(PAYLOAD_LIMIT);
    expect(largest(second.syncs).response).toBeLessThan(PAYLOAD_LIMIT);
  }, 60000);

  test("a typed status and a person's formula far down are reported (no sampling), in 3 syncs at most", async () => {
    fake.userEdit(REGISTRY, "W8000", [["已办结"]]);
    fake.userEdit(REGISTRY, "W8001", [["=1+1"]]);
    const third = await refresh();
    expect(third.result.outcome).toEqual({
      changes: [],
      conflicts: [
        { sheet: REGISTRY, row: 8000, col: 23, address: "W8000", found: "已办结" },
        { sheet: REGISTRY, row: 8001, col: 23, address: "W8001", found: "=1+1" },
      ],
    });
    expect(third.syncs.length).toBeLessThanOrEqual(3);
    expect(largest(third.syncs).response).toBeLessThan(PAYLOAD_LIMIT);
    expect(fake.sheet(REGISTRY).get(8000, 23)).toMatchObject({ value: "已办结", formula: undefined });
    expect(fake.sheet(REGISTRY).get(8001, 23)?.formula).toBe("=1+1");
  }, 60000);
});

describe("numbering on 10,000 rows while co-authoring", () => {
  test("3 syncs without a clash (writes and read-back share one), 4 with one", async () => {
    const { fake, office, measure } = setup(10000, 7);
    const plain = await measure(() => office.operation("number", (s) => numberCoauthored(s, TODAY)));
    expect(plain.syncs).toHaveLength(3);
    expect(plain.result.clashes).toEqual([]);

    const second = setup(10000, 7);
    // 8,573 is the next number; a co-author writes it below the registry meanwhile. The add-in's
    // numbers run to 10,000, so its row takes 10,001.
    second.fake.beforeNextWrite(() => second.fake.coauthorEdit(REGISTRY, `B${10003}`, [["〔2026〕8573号"]]));
    const clash = await second.measure(() => second.office.operation("number", (s) => numberCoauthored(s, TODAY)));
    expect(clash.syncs).toHaveLength(4);
    expect(clash.result.clashes).toHaveLength(1);
    expect(clash.result.clashes[0]).toMatchObject({ row: 9, takenBy: [10003], renumbered: "〔2026〕10001号" });
    expect(largest(clash.syncs).request).toBeLessThan(PAYLOAD_LIMIT);
    void fake;
  });
});

describe("refresh's first sync at 50,000 rows", () => {
  test("the sheets too large to come with the names: the names alone, then the chunked read", async () => {
    const { office, measure } = setup(50000, 2);
    const { result, syncs } = await measure(() =>
      office.operation("refresh", async (s) => {
        const names = await s.sheetNames();
        const [grid] = await s.readSheets([REGISTRY]);
        return { names, rows: grid.rows.length };
      }),
    );
    expect(result.names).toContain(REGISTRY);
    expect(result.rows).toBeGreaterThan(50000);
    expect(syncs.map((s) => s.failed ?? "ok").slice(0, 3)).toEqual(["ResponsePayloadSizeLimitExceeded", "ok", "ok"]);
    expect(largest(syncs.filter((s) => !s.failed)).response).toBeLessThan(PAYLOAD_LIMIT);
    // The next refresh knows: no attempt at the names with the sheets.
    const next = await measure(() => office.operation("refresh", (s) => s.sheetNames()));
    expect(next.syncs.map((s) => s.failed ?? "ok")).toEqual(["ok"]);
  }, 60000);
});

describe("50,000 rows: chunked below the 5 MB limit", () => {
  const { fake, office, measure } = setup(50000, 2);

  test("a check falls back from one read to sizes + sample and row chunks, each under 5 MB", async () => {
    const { result, syncs } = await measure(() => office.operation("check", (s) => runCheck(s, TODAY)));
    expect(result.rows).toBe(50000);
    expect(syncs.map((s) => s.failed ?? "ok")).toEqual([
      "ok", // sheet names
      "ResponsePayloadSizeLimitExceeded", // the attempt at one batch
      ...new Array(syncs.length - 2).fill("ok"),
    ]);
    expect(syncs.length).toBeGreaterThanOrEqual(6); // names, attempt, sizes, ≥ 3 chunks of ~4 MB
    const ok = syncs.filter((s) => !s.failed);
    expect(largest(ok).response).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("the next read of the same sheet skips the attempt at one batch", async () => {
    const { syncs } = await measure(() => office.operation("status", (s) => runStatus(s, TODAY)));
    expect(syncs.every((s) => !s.failed)).toBe(true);
  });

  test("numbering 25,000 rows sends its writes and log in batches under 5 MB, all logged", async () => {
    const { result, syncs } = await measure(() => office.operation("number", (s) => runNumbering(s, TODAY)));
    expect(result.assigned).toHaveLength(25000);
    const writes = syncs.filter((s) => s.requestBytes > 100000);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(largest(syncs).request).toBeLessThan(PAYLOAD_LIMIT);
    const log = parseOperationLog(
      gridFromBlock(OPERATION_LOG_SHEET, { rowIndex: 0, columnIndex: 0, values: fake.rows(OPERATION_LOG_SHEET) }),
    );
    expect(log.entries).toHaveLength(25000);
    expect(new Set(log.entries.map((e) => e.address)).size).toBe(25000);
    expect(fake.value(REGISTRY, "B4")).toBe("〔2026〕25001号");
    expect(fake.eventsEnabled).toBe(true);
  });
});
