/** Year-end archive as a plan: what moves, what stays, nothing lost, numbers never reused, a repeat refused. */
import { analyzeRegistry } from "../../../src/domain/analyze";
import { cellText, type SheetGrid } from "../../../src/domain/cell";
import { assignNumbers } from "../../../src/domain/numbers";
import { archivable, issueYear, planArchive, type ArchivePlan } from "../../../src/domain/archive/plan";
import {
  archivedNumberRows,
  archiveSheetName,
  archiveYearOf,
  locateArchive,
  readArchives,
} from "../../../src/domain/archive/sheets";
import { applyWrites, verifyArchive } from "../../../src/domain/archive/verify";
import type { RegistryItem } from "../../../src/domain/model";
import { ALL_HEADERS, GOOD_ROW, registrySheet } from "../grid-helpers";
import { item } from "../documents/fixtures";
import { LEDGER, ledgerGrids, rowOf } from "../analysis/ledger-fixture";

const grids = ledgerGrids();
const registry: SheetGrid = {
  ...grids[0],
  // The title merged over the header's width, as offices keep it.
  merges: [{ top: 1, left: 1, bottom: 1, right: ALL_HEADERS.length }],
};
const analysis = analyzeRegistry([registry, ...grids.slice(1)], "2022-01-10");
if (!analysis) throw new Error("the fixture is a registry");
const { items, layout } = analysis;

function plan(year = 2021, options: { names?: string[]; grid?: SheetGrid; today?: string } = {}): ArchivePlan {
  const r = planArchive({
    year,
    today: options.today ?? "2022-01-10",
    ledgers: [{ grid: options.grid ?? registry, layout }],
    items,
    sheetNames: options.names ?? ["督办事项登记表", "设置"],
  });
  if (!r.ok) throw new Error(r.message);
  return r.plan;
}

/** By hand: the rows issued in 2021 (任务下达时间, else the number's year) that are closed or terminated. */
const CLOSED = new Set(["closedOnTime", "closedLate", "terminated"]);
const yearOfRow = (i: number) => {
  const issued = LEDGER[i].spec["任务下达时间"] as { v: string } | undefined;
  return issued
    ? Number(issued.v.slice(0, 4))
    : Number(/〔(\d{4})〕/.exec(String(LEDGER[i].spec["督办事项编号"]))?.[1]);
};
const expectedMoved = LEDGER.map((_, i) => i).filter((i) => yearOfRow(i) === 2021 && CLOSED.has(LEDGER[i].expected));

describe("what moves", () => {
  const p = plan();

  it("the closed and terminated items issued in the year, in registry order, under the band", () => {
    expect(p.moved.map((m) => m.from)).toEqual(expectedMoved.map(rowOf));
    expect(p.moved.map((m) => m.to)).toEqual(expectedMoved.map((_, k) => layout.headerRow + 1 + k));
    expect(p.sheetName).toBe("2021年归档");
  });

  it("everything else stays, and the open items of the year are counted", () => {
    expect(p.kept.length + p.moved.length).toBe(items.length);
    const openOf2021 = LEDGER.filter((r, i) => yearOfRow(i) === 2021 && !CLOSED.has(r.expected)).length;
    expect(p.keptOfYear).toBe(openOf2021);
  });

  it.each([
    [{ issuedOn: "2021-03-05", result: "按期办结", closedOn: null, number: "" }, 2021, true],
    [{ issuedOn: "2021-03-05", result: "", closedOn: "2021-04-01", number: "" }, 2021, true],
    [{ issuedOn: "2021-03-05", result: "终止", closedOn: null, number: "" }, 2021, true],
    [{ issuedOn: "2021-03-05", result: "尚未办结", closedOn: null, number: "" }, 2021, false],
    [{ issuedOn: "2020-12-31", result: "按期办结", closedOn: null, number: "〔2021〕1号" }, 2021, false],
    [{ issuedOn: null, result: "按期办结", closedOn: null, number: "〔2021〕1号" }, 2021, true],
    [{ issuedOn: null, result: "按期办结", closedOn: null, number: "" }, 2021, false],
  ])("%j moves to %s: %s", (changes, year, moves) => {
    expect(archivable(item(changes as Partial<RegistryItem>), year)).toBe(moves);
  });

  it("an item without a date counts in its number's year", () => {
    expect(issueYear({ issuedOn: null, number: "江津教督〔2020〕7号" })).toBe(2020);
    expect(issueYear({ issuedOn: null, number: "待编" })).toBeNull();
  });
});

describe("what is written", () => {
  const p = plan();

  it("copies every value of each moved row, dates as dates with a format", () => {
    for (const m of p.moved) {
      const source = registry.rows[m.from - 1];
      const written = p.archiveWrites.filter((w) => w.row === m.to);
      expect(written.map((w) => [w.col, w.value])).toEqual(
        source.flatMap((cell, c) => (cellText(cell) === "" ? [] : [[c + 1, cell]])),
      );
      for (const w of written) if (w.value.t === "date") expect(w.numFmt).toBe('yyyy"年"m"月"d"日"');
    }
  });

  it("empties the moved rows on the registry, recording what each cell held; nothing else", () => {
    const rows = new Set(p.moved.map((m) => m.from));
    expect(p.clearWrites.every((w) => rows.has(w.row) && w.value.t === "empty" && w.sheet === "督办事项登记表")).toBe(
      true,
    );
    for (const w of p.clearWrites) expect(w.old).toEqual(registry.rows[w.row - 1][w.col - 1]);
  });

  it("never empties the 状态 column (its formula stays for the next item typed there)", () => {
    const status = layout.columns.status;
    expect(status).toBeDefined();
    const grid = {
      ...registry,
      rows: registry.rows.map((r, i) =>
        i < 2 ? r : r.map((c, k) => (k + 1 === status ? { t: "string" as const, v: "已办结" } : c)),
      ),
    };
    const withStatus = plan(2021, { grid });
    expect(withStatus.clearWrites.some((w) => w.col === status)).toBe(false);
    expect(withStatus.archiveWrites.some((w) => w.col === status)).toBe(true);
  });

  it("the new sheet carries the header band with its merge, A4 landscape", () => {
    expect(p.layout.name).toBe("2021年归档");
    expect(p.layout.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: ALL_HEADERS.length });
    const header = p.layout.cells.filter((c) => c.row === layout.headerRow).map((c) => c.value);
    expect(header).toEqual(ALL_HEADERS);
    expect(p.layout.page).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: 1 });
    expect(p.layout.rowHeights).toHaveLength(layout.headerRow + p.moved.length);
  });

  it("a merge inside one moved row moves with it", () => {
    const from = p.moved[0].from;
    const grid = {
      ...registry,
      merges: [...(registry.merges ?? []), { top: from, left: 14, bottom: from, right: 15 }],
    };
    const q = plan(2021, { grid });
    expect(q.layout.merges).toContainEqual({ top: q.moved[0].to, left: 14, bottom: q.moved[0].to, right: 15 });
  });
});

describe("nothing is lost", () => {
  const p = plan();
  const after = () => ({
    ledgers: [{ grid: applyWrites(registry, p.clearWrites), layout }],
    archive: applyWrites({ name: p.sheetName, rows: [] }, p.archiveWrites, p.layout),
  });
  const logNumbers = ["〔2021〕19号", "[2021]5号", "〔2021〕3号"];

  it("every item is in exactly one place, field for field", () => {
    expect(verifyArchive(items, p, after(), logNumbers)).toEqual([]);
  });

  it("the archive sheet reads back as a ledger sheet holding the moved items", () => {
    const archive = after().archive;
    expect(locateArchive(archive)?.headerRow).toBe(layout.headerRow);
    const [read] = readArchives([archive]);
    expect(read.year).toBe(2021);
    expect(read.items.map((i) => i.number)).toEqual(p.moved.map((m) => m.item.number));
  });

  it("a write left out is caught, naming the item", () => {
    const lost = p.archiveWrites.filter((w) => !(w.row === p.moved[2].to && w.col === 3));
    const problems = verifyArchive(
      items,
      { ...p, archiveWrites: lost },
      { ...after(), archive: applyWrites({ name: p.sheetName, rows: [] }, lost, p.layout) },
      logNumbers,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(String(p.moved[2].item.number));
    expect(problems[0]).toContain("内容与原来不同");
  });

  it("a row not emptied is caught (the item would be in two places)", () => {
    const kept = p.clearWrites.filter((w) => w.row !== p.moved[0].from);
    const problems = verifyArchive(
      items,
      p,
      { ...after(), ledgers: [{ grid: applyWrites(registry, kept), layout }] },
      logNumbers,
    );
    expect(problems.some((x) => x.includes("登记表应有"))).toBe(true);
  });

  it("a missing archive sheet is caught", () => {
    expect(verifyArchive(items, p, { ...after(), archive: undefined }, logNumbers)).toEqual([
      "没有找到归档工作表“2021年归档”",
    ]);
  });

  it("a log entry whose item vanished is caught", () => {
    const gone = p.archiveWrites.filter((w) => w.row !== p.moved.find((m) => m.item.number === "〔2021〕3号")?.to);
    const problems = verifyArchive(
      items,
      p,
      { ...after(), archive: applyWrites({ name: p.sheetName, rows: [] }, gone, p.layout) },
      logNumbers,
    );
    expect(problems.some((x) => x.includes("〔2021〕3号归档后找不到"))).toBe(true);
  });
});

describe("numbers are never reused", () => {
  it("the next number of a year comes after the highest archived one", () => {
    // 〔2021〕2号 and 3号 are closed and move; 1号 stays open. Without the archive's numbers,
    // a late 2021 item would get 〔2021〕2号 again.
    const small = registrySheet([
      { ...GOOD_ROW, 督办事项编号: "〔2021〕1号" },
      { ...GOOD_ROW, 督办事项编号: "〔2021〕2号", 督办结果: "按期办结" },
      { ...GOOD_ROW, 督办事项编号: "〔2021〕3号", 督办结果: "终止" },
    ]);
    const a = analyzeRegistry([small], "2022-01-10")!;
    const r = planArchive({
      year: 2021,
      today: "2022-01-10",
      ledgers: [{ grid: small, layout: a.layout }],
      items: a.items,
      sheetNames: [],
    });
    if (!r.ok) throw new Error(r.message);
    const archive = applyWrites({ name: r.plan.sheetName, rows: [] }, r.plan.archiveWrites, r.plan.layout);
    const left = analyzeRegistry([applyWrites(small, r.plan.clearWrites)], "2022-01-10")!.items;
    expect(left.map((i) => i.number)).toEqual(["〔2021〕1号"]);
    const rows = [
      ...left.map((i) => ({ row: i.row, number: i.number, issuedOn: i.issuedOn })),
      { row: 99, number: "", issuedOn: "2021-12-20" },
    ];
    expect(assignNumbers(rows, "2022-01-10", "")).toEqual([{ row: 99, number: "〔2021〕2号" }]);
    expect(assignNumbers([...rows, ...archivedNumberRows(readArchives([archive]))], "2022-01-10", "")).toEqual([
      { row: 99, number: "〔2021〕4号" },
    ]);
  });
});

describe("refusals", () => {
  const refuse = (input: Partial<Parameters<typeof planArchive>[0]>) =>
    planArchive({
      year: 2021,
      today: "2022-01-10",
      ledgers: [{ grid: registry, layout }],
      items,
      sheetNames: [],
      ...input,
    });

  it.each([["2021年归档"], [" 2021年归档 "]])("a year archived already (%j exists)", (name) => {
    const r = refuse({ sheetNames: ["督办事项登记表", name] });
    expect(r).toMatchObject({ ok: false, code: "archive-exists" });
    if (!r.ok) expect(r.message).toContain("不能重复归档");
  });

  it("a year still to come", () => {
    expect(refuse({ year: 2023 })).toMatchObject({ ok: false, code: "year-future" });
  });

  it.each([1899, 10000, 2021.5])("year %s", (year) => {
    expect(refuse({ year })).toMatchObject({ ok: false, code: "year-invalid" });
  });

  it("a merged cell spanning a moved and a kept row", () => {
    // A moved row whose next row stays.
    const index = expectedMoved.find((i) => !expectedMoved.includes(i + 1));
    if (index === undefined) throw new Error("fixture");
    const moved = rowOf(index);
    const grid = { ...registry, merges: [{ top: moved, left: 9, bottom: moved + 1, right: 9 }] };
    const r = refuse({ ledgers: [{ grid, layout }] });
    expect(r).toMatchObject({ ok: false, code: "merge-across" });
    if (!r.ok) expect(r.message).toContain(`“督办事项登记表”第${moved}至${moved + 1}行`);
  });

  it("the current year is allowed, with a warning", () => {
    expect(plan(2022, { today: "2022-12-28" }).warnings[0]).toContain("2022年尚未结束");
  });

  it("a year with nothing closed gives an empty plan", () => {
    expect(plan(2019).moved).toEqual([]);
  });
});

describe("archive sheet names", () => {
  it.each([
    ["2021年归档", 2021],
    [" 2021年归档", 2021],
    ["2021年归档(2)", null],
    ["21年归档", null],
    ["归档", null],
  ])("%j holds %s", (name, year) => {
    expect(archiveYearOf(name)).toBe(year);
  });

  it("archiveSheetName", () => {
    expect(archiveSheetName(2021)).toBe("2021年归档");
  });
});

describe("items over several rows, and several ledger sheets", () => {
  const col = (header: string) => ALL_HEADERS.indexOf(header) + 1;
  const closed = { ...GOOD_ROW, 督办结果: "按期办结" };
  /** Row 3–4: 〔2021〕1号 over two rows (one per 承办单位), closed; row 5: 〔2021〕2号, open. */
  function sheet(
    name: string,
    extra: { merges?: { top: number; left: number; bottom: number; right: number }[] } = {},
  ) {
    const grid = registrySheet(
      [
        { ...closed, 督办事项编号: "〔2021〕1号", 承办单位: "江津中学" },
        { 承办单位: "江津二中", 督办结果: "按期办结" },
        { ...GOOD_ROW, 督办事项编号: "〔2021〕2号", 承办单位: "几江小学" },
      ],
      { name },
    );
    const merged = ["序号", "督办事项编号", "督办事项内容", "任务下达时间", "要求完成时间"].map((h) => ({
      top: 3,
      left: col(h),
      bottom: 4,
      right: col(h),
    }));
    return { ...grid, merges: [...merged, ...(extra.merges ?? [])] };
  }
  const planOf = (grids: SheetGrid[]) => {
    const a = analyzeRegistry(grids, "2022-01-10");
    if (!a) throw new Error("fixture");
    const ledgers = a.ledgers.map((l) => ({
      layout: l.layout,
      grid: grids.find((g) => g.name === l.layout.sheetName)!,
    }));
    return { a, result: planArchive({ year: 2021, today: "2022-01-10", ledgers, items: a.items, sheetNames: [] }) };
  };

  it("an item over two rows moves whole: both rows, its merges at their new rows, both rows emptied", () => {
    const { a, result } = planOf([sheet("督办事项登记表")]);
    expect(a.items.map((i) => [i.row, i.lastRow])).toEqual([
      [3, 4],
      [5, undefined],
    ]);
    if (!result.ok) throw new Error(result.message);
    const p = result.plan;
    expect(p.moved.map((m) => [m.from, m.to, m.height])).toEqual([[3, 3, 2]]);
    expect(new Set(p.archiveWrites.map((w) => w.row))).toEqual(new Set([3, 4]));
    expect(p.layout.merges).toContainEqual({
      top: 3,
      left: col("督办事项编号"),
      bottom: 4,
      right: col("督办事项编号"),
    });
    expect(new Set(p.clearWrites.map((w) => w.row))).toEqual(new Set([3, 4]));
    const archive = applyWrites({ name: p.sheetName, rows: [] }, p.archiveWrites, p.layout);
    const registry = applyWrites(sheet("督办事项登记表"), p.clearWrites);
    expect(verifyArchive(a.items, p, { ledgers: [{ grid: registry, layout: a.layout }], archive }, [])).toEqual([]);
    expect(readArchives([archive])[0].items.map((i) => [i.number, i.hostUnit])).toEqual([
      ["〔2021〕1号", "江津中学、江津二中"],
    ]);
  });

  it("a merge over a finished and an open item is refused, naming the sheet and rows", () => {
    const over = { top: 3, left: col("督办科室或单位"), bottom: 5, right: col("督办科室或单位") };
    const { result } = planOf([sheet("督办事项登记表", { merges: [over] })]);
    expect(result).toMatchObject({ ok: false, code: "merge-across" });
    if (!result.ok) expect(result.message).toContain("“督办事项登记表”第3至5行");
  });

  it("items of the year on two ledger sheets with the same columns go to one archive, each sheet emptied", () => {
    const { a, result } = planOf([sheet("2021年"), sheet("2021年续")]);
    if (!result.ok) throw new Error(result.message);
    const p = result.plan;
    expect(p.sources).toEqual(["2021年", "2021年续"]);
    expect(p.moved.map((m) => [m.sheet, m.from, m.to])).toEqual([
      ["2021年", 3, 3],
      ["2021年续", 3, 5],
    ]);
    expect([...new Set(p.clearWrites.map((w) => `${w.sheet}!${w.row}`))].sort()).toEqual(
      ["2021年!3", "2021年!4", "2021年续!3", "2021年续!4"].sort(),
    );
    const ledgers = ["2021年", "2021年续"].map((name) => ({
      grid: applyWrites(sheet(name), p.clearWrites),
      layout: a.ledgers.find((l) => l.layout.sheetName === name)!.layout,
    }));
    const archive = applyWrites({ name: p.sheetName, rows: [] }, p.archiveWrites, p.layout);
    expect(verifyArchive(a.items, p, { ledgers, archive }, [])).toEqual([]);
  });

  it("items of the year on two ledger sheets whose columns differ are refused", () => {
    const withoutDocNo = Object.fromEntries(Object.entries(closed).filter(([k]) => k !== "来文编号"));
    const other = registrySheet([{ ...withoutDocNo, 督办事项编号: "〔2021〕9号" }], {
      name: "2021年续",
      headers: ALL_HEADERS.filter((h) => h !== "来文编号"),
    });
    const { result } = planOf([sheet("2021年"), other]);
    expect(result).toMatchObject({ ok: false, code: "layouts-differ" });
    if (!result.ok) expect(result.message).toContain("“2021年”和“2021年续”两张表中，两表的列不同");
  });
});
