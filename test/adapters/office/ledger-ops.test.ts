/**
 * Analysis, accountability and archive through the Office adapter (the fake Excel): bounded
 * round trips, the 督办分析报告 drawn, a recorded measure and an archive logged in the 操作日志
 * and taken back by 撤销上次操作.
 */
import { FakeExcel } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { runAnalysis, writeAnalysisSheet } from "../../../src/app/analysis";
import { recordMeasures, runAccountability } from "../../../src/app/accountability";
import { runArchive } from "../../../src/app/archive";
import { runUndo } from "../../../src/app/undo";
import { semesterPeriod } from "../../../src/domain/analysis/period";
import { HEADERS, registryRows, REGISTRY } from "../contract/fixture";

const TODAY = "2026-11-25";
const RESULT_COL = HEADERS.indexOf("督办结果");

/** 12 items of 2026 (all past their deadline by late November); items 3, 6, 9 and 12 closed. */
function open() {
  const rows = registryRows({ items: 12, unnumberedEvery: 0, year: 2026 });
  rows.forEach((row, r) => {
    if (r >= 2 && (r - 1) % 3 === 0) row[RESULT_COL] = "按期办结";
  });
  const fake = new FakeExcel({ [REGISTRY]: rows });
  let id = 0;
  const office = new OfficeWorkbook(fake.run, {
    requirements: fixedRequirements({ ExcelApi: "1.9" }),
    now: () => new Date(2026, 10, 25, 9, 0, 0),
    newId: () => `op${++id}`,
  });
  const measure = async <T>(fn: () => Promise<T>) => {
    const start = fake.syncCount;
    const result = await fn();
    return { result, syncs: fake.syncCount - start };
  };
  const undo = () => office.operation("undo", (s) => runUndo(s));
  return { fake, office, measure, undo, rows };
}

describe("analysis on the Office adapter", () => {
  test("reads in 2 syncs (names, then every sheet it needs) and draws the report with its numbers", async () => {
    const { fake, office, measure } = open();
    const { result, syncs } = await measure(() =>
      office.operation("analysis", (s) => runAnalysis(s, { period: semesterPeriod(2026, "spring"), today: TODAY })),
    );
    expect(syncs).toBe(2);
    expect(result.figures.total).toMatchObject({ items: 12, closedOnTime: 4, overdue: 8 });
    const written = await office.operation("analysis-report", (s) => writeAnalysisSheet(s, result));
    expect(fake.hasSheet(written.sheetName)).toBe(true);
    const rows = fake.rows(written.sheetName);
    const total = rows.find((r) => r[0] === "合计");
    expect(total?.filter((v) => typeof v === "number").slice(0, 6)).toEqual([12, 4, 0, 0, 8, 0]);
  });
});

describe("accountability on the Office adapter", () => {
  test("recording creates 问责记录; one undo takes the sheet back", async () => {
    const { fake, office, undo } = open();
    const before = await office.operation("accountability", (s) => runAccountability(s, TODAY));
    expect(before.suggestions.map((s) => s.measure)).toEqual(Array(8).fill("约谈"));
    const recorded = await office.operation("accountability-record", (s) =>
      recordMeasures(s, { today: TODAY, numbers: ["〔2026〕2号"], handler: "王芳" }),
    );
    expect(recorded.recorded).toEqual([expect.objectContaining({ number: "〔2026〕2号", measure: "约谈", row: 2 })]);
    expect(fake.rows("问责记录")[1].slice(1, 4)).toEqual(["江津区第二中学", "〔2026〕2号", "约谈"]);
    const after = await office.operation("accountability", (s) => runAccountability(s, TODAY));
    expect(after.suggestions).toHaveLength(7);
    const result = await undo();
    expect(result.deletedSheets).toEqual(["问责记录"]);
    expect(fake.hasSheet("问责记录")).toBe(false);
  });

  test("a second measure is a row of the sheet; undo empties just that row", async () => {
    const { fake, office, undo } = open();
    await office.operation("accountability-record", (s) =>
      recordMeasures(s, { today: TODAY, numbers: ["〔2026〕2号"] }),
    );
    await office.operation("accountability-record", (s) =>
      recordMeasures(s, { today: TODAY, numbers: ["〔2026〕3号"], measure: "追究责任", basis: "经研究" }),
    );
    expect(fake.rows("问责记录")[2].slice(2, 5)).toEqual(["〔2026〕3号", "追究责任", "经研究"]);
    const result = await undo();
    expect(result.conflicts).toEqual([]);
    expect(fake.rows("问责记录")).toHaveLength(2);
    expect(fake.rows("问责记录")[1][2]).toBe("〔2026〕2号");
  });
});

describe("archive on the Office adapter", () => {
  test("moves the closed items in 3 syncs, checks by reading back in the write batch, and undo restores all", async () => {
    const { fake, office, measure, undo, rows } = open();
    const { result, syncs } = await measure(() =>
      office.operation("archive", (s) => runArchive(s, { year: 2026, today: "2026-12-31" })),
    );
    // Names, the read, then the writes with the read-back in the same batch.
    expect(syncs).toBe(3);
    expect(result).toMatchObject({ archived: 4, kept: 8, sheet: "2026年归档" });
    const archived = fake.rows("2026年归档");
    expect(archived.slice(2).map((r) => r[1])).toEqual(["〔2026〕3号", "〔2026〕6号", "〔2026〕9号", "〔2026〕12号"]);
    // Item 3 sat on row 5: emptied, the row kept.
    expect(fake.rows(REGISTRY)[4].every((v) => v === "" || v === null)).toBe(true);
    expect(fake.rows(REGISTRY)[2][1]).toBe("〔2026〕1号");
    expect(fake.eventsEnabled).toBe(true);

    const back = await undo();
    expect(back.conflicts).toEqual([]);
    expect(back.deletedSheets).toEqual(["2026年归档"]);
    expect(fake.hasSheet("2026年归档")).toBe(false);
    const now = fake.rows(REGISTRY);
    for (let r = 2; r < rows.length; r++) {
      expect(now[r].map((v) => (v === null ? "" : v))).toEqual(rows[r].map((v) => (v === null ? "" : v)));
    }
  });

  test("a second archive of the year is refused before anything is written", async () => {
    const { fake, office } = open();
    await office.operation("archive", (s) => runArchive(s, { year: 2026, today: "2026-12-31" }));
    const logRows = fake.rows("操作日志").length;
    await expect(
      office.operation("archive", (s) => runArchive(s, { year: 2026, today: "2026-12-31" })),
    ).rejects.toThrow("不能重复归档");
    expect(fake.rows("操作日志")).toHaveLength(logRows);
  });
});
