/**
 * Live checking: only changed rows are read (one sync per debounced check) and checked, with
 * the same issues a full check gives for them; co-authors' changes update the state without
 * dialogs; the add-in's own writes are not seen.
 */
import { FakeExcel } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { LiveChecker, mergeBlocks, rowsOfAddress, type LiveUpdate } from "../../../src/adapters/office/live-check";
import { runNumbering } from "../../../src/app/number";
import { runCheck } from "../../../src/app/check";
import { checkChangedRows, startLiveState } from "../../../src/app/live-check";
import { registryRows, REGISTRY } from "../contract/fixture";

const TODAY = "2026-11-25";

function setup(items = 40) {
  const fake = new FakeExcel({ [REGISTRY]: registryRows({ items, unnumberedEvery: 4 }) });
  const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
  const updates: LiveUpdate[] = [];
  const timers: (() => void)[] = [];
  const checker = new LiveChecker(office, {
    today: () => TODAY,
    onUpdate: (u) => updates.push(u),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => timers.splice(0),
    removeHandler: async (h) => h.remove(),
  });
  /** Lets the debounce timer fire and waits for the check. */
  const settle = async () => {
    for (const fn of timers.splice(0)) fn();
    await checker.checkNow();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { fake, office, checker, updates, settle };
}

const fullIssuesFor = async (office: OfficeWorkbook, rows: readonly number[]) =>
  (await office.operation("check", (s) => runCheck(s, TODAY))).issues.filter((i) => rows.includes(i.row));

describe("live checking in Excel", () => {
  test("start reads the registry and listens (3 syncs: names, sheets, the handler), reporting every issue once", async () => {
    const { fake, checker, updates } = setup();
    await checker.start();
    expect(fake.syncCount).toBe(3);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ full: true, mayOpenDialog: false });
    expect(fake.sheet(REGISTRY).handlers).toHaveLength(1);
  });

  test("a person's edits are debounced into one read of the changed rows, checked like a full check", async () => {
    const { fake, office, checker, updates, settle } = setup();
    await checker.start();
    const before = fake.syncCount;
    fake.userEdit(REGISTRY, "B7", [["[2026]3号"]]); // wrong brackets, and a duplicate of row 5
    fake.userEdit(REGISTRY, "H8", [["2026-02-01"]]); // deadline before issue date
    await settle();
    expect(fake.syncCount - before).toBe(1);
    const update = updates[1];
    expect(update).toMatchObject({ full: false, source: "local", mayOpenDialog: true });
    expect(update.rows).toEqual([5, 7, 8]);
    expect(update.issues.map((i) => i.code).sort()).toEqual(
      ["deadline-before-issue", "number-duplicate", "number-duplicate", "number-format"].sort(),
    );
    expect(update.issues).toEqual(await fullIssuesFor(office, update.rows));
  });

  test("a co-author's change updates the state but never asks for a dialog", async () => {
    const { fake, checker, updates, settle } = setup();
    await checker.start();
    fake.coauthorEdit(REGISTRY, "C9", [[""]]);
    await settle();
    expect(updates[1]).toMatchObject({ source: "remote", mayOpenDialog: false, rows: [9] });
    expect(updates[1].issues.map((i) => i.code)).toContain("required-missing");
  });

  test("the add-in's own writes are not seen (events are off for them)", async () => {
    const { office, checker, updates, settle } = setup();
    await checker.start();
    await office.operation("number", (s) => runNumbering(s, TODAY));
    await settle();
    expect(updates).toHaveLength(1);
  });

  test("a change in the header row or a row insertion checks everything again", async () => {
    const { fake, checker, updates, settle } = setup();
    await checker.start();
    fake.userEdit(REGISTRY, "C2", [["督办事项内容"]]);
    await settle();
    expect(updates[1].full).toBe(true);
    fake.fire(fake.sheet(REGISTRY), { r1: 5, c1: 1, r2: 5, c2: 16384 }, "Remote", "RowInserted");
    await settle();
    expect(updates[2]).toMatchObject({ full: true, source: "remote" });
  });

  test("with one sheet per year every ledger sheet is watched; a change on another year's sheet checks everything again", async () => {
    const older = "2025年";
    const fake = new FakeExcel({
      [REGISTRY]: registryRows({ items: 12 }),
      [older]: registryRows({ items: 8, year: 2025 }),
    });
    const office = new OfficeWorkbook(fake.run, { requirements: fixedRequirements({ ExcelApi: "1.9" }) });
    const updates: LiveUpdate[] = [];
    const timers: (() => void)[] = [];
    const checker = new LiveChecker(office, {
      today: () => TODAY,
      onUpdate: (u) => updates.push(u),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => timers.splice(0),
      removeHandler: async (h) => h.remove(),
    });
    await checker.start();
    expect(fake.syncCount).toBe(3);
    expect(fake.sheet(REGISTRY).handlers).toHaveLength(1);
    expect(fake.sheet(older).handlers).toHaveLength(1);
    expect(updates[0].issues.some((i) => i.code === "number-format")).toBe(false);
    fake.userEdit(older, "B5", [["[2025]3号"]]);
    for (const fn of timers.splice(0)) fn();
    await checker.checkNow();
    expect(updates[1]).toMatchObject({ full: true, source: "local" });
    const full = await office.operation("check", (s) => runCheck(s, TODAY));
    expect(updates[1].issues).toEqual(full.issues);
    expect(updates[1].issues.filter((i) => i.code === "number-format")).toHaveLength(1);
    await checker.stop();
    expect(fake.sheet(REGISTRY).handlers).toHaveLength(0);
    expect(fake.sheet(older).handlers).toHaveLength(0);
  });

  test("stop removes the handler", async () => {
    const { fake, checker } = setup();
    await checker.start();
    await checker.stop();
    expect(fake.sheet(REGISTRY).handlers).toHaveLength(0);
  });
});

describe("checkChangedRows gives the issues a full check gives for the rows it checks", () => {
  const base = registryRows({ items: 30, unnumberedEvery: 5 });
  const asGrid = (rows: unknown[][]) => ({
    name: REGISTRY,
    rows: rows.map((r) =>
      r.map((v) =>
        v === ""
          ? { t: "empty" as const }
          : typeof v === "number"
            ? { t: "number" as const, v }
            : { t: "string" as const, v: String(v) },
      ),
    ),
  });
  const edits: [string, number, number, unknown][] = [
    ["a number made a duplicate", 9, 2, "〔2026〕2号"],
    ["a duplicate resolved", 4, 2, "〔2026〕99号"],
    ["content cleared", 12, 3, ""],
    ["an unknown urgency", 13, 5, "很急"],
    ["an impossible date", 14, 7, "2026-02-30"],
    ["a row added below", 40, 3, "新增事项"],
  ];
  test.each(edits)("%s", (_name, row, col, value) => {
    const rows = base.map((r) => [...r]);
    const state = startLiveState([asGrid(rows)], TODAY)!;
    while (rows.length < row) rows.push(new Array(rows[1].length).fill(""));
    rows[row - 1][col - 1] = value;
    const changed = asGrid([rows[row - 1]]).rows;
    const result = checkChangedRows(state, [{ firstRow: row, rows: changed }]);
    const full = startLiveState([asGrid(rows)], TODAY)!.analysis.issues.filter((i) => result.rows.includes(i.row));
    expect(result.full).toBe(false);
    expect(result.rows).toContain(row);
    expect(result.issues).toEqual(full);
  });
});

describe("addresses of change events", () => {
  test.each([
    ["B5", { from: 5, to: 5 }],
    ["A3:D7", { from: 3, to: 7 }],
    ["'督办事项登记表'!$C$9", { from: 9, to: 9 }],
    ["4:6", { from: 4, to: 6 }],
    ["C:C", null],
  ])("%s", (address, rows) => expect(rowsOfAddress(address)).toEqual(rows));

  test("blocks merge when they touch or overlap", () => {
    expect(
      mergeBlocks([
        { from: 5, to: 5 },
        { from: 6, to: 8 },
        { from: 2, to: 2 },
        { from: 7, to: 9 },
      ]),
    ).toEqual([
      { from: 2, to: 2 },
      { from: 5, to: 9 },
    ]);
  });
});
