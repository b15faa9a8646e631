/**
 * A workbook as offices keep it over the years: one ledger sheet per year (2021年, 2022年) and
 * the archive of 2021 (`2021年归档`, carrying the same header band). Each item is counted
 * exactly once by loadLedger, the analysis and the accountability suggestions — the archive is
 * read as an archive, never also as a ledger — and archiving 2022 takes its finished items from
 * the 2022年 sheet. Expected figures worked out by hand from the rows below (today 2022-12-30).
 */
import { MemoryPort } from "./memory-port";
import { loadLedger } from "../../src/app/ledger";
import { runAnalysis } from "../../src/app/analysis";
import { runAccountability } from "../../src/app/accountability";
import { runArchive } from "../../src/app/archive";
import { runNumbering } from "../../src/app/number";
import { datePeriod } from "../../src/domain/analysis/period";
import type { DocumentPort } from "../../src/app/documents";
import type { SheetLayout } from "../../src/domain/layout/types";
import { date, GOOD_ROW, registrySheet } from "../domain/grid-helpers";

const TODAY = "2022-12-30";

class LayoutPort extends MemoryPort implements DocumentPort {
  async writeLayout(layout: SheetLayout): Promise<void> {
    this.sheets.set(layout.name, []);
    this.apply(
      layout.cells.map((c) => ({ sheet: layout.name, row: c.row, col: c.col, value: { t: "string", v: c.value } })),
    );
  }
}

const item = (number: string, issued: string, due: string, result = "") => ({
  ...GOOD_ROW,
  督办事项编号: number,
  督办事项内容: `事项${number}`,
  任务下达时间: date(issued),
  要求完成时间: date(due),
  督办结果: result,
});

function workbook() {
  return new LayoutPort([
    // 2021年: one item still open (overdue since 2021), the finished ones already archived.
    registrySheet([item("〔2021〕3号", "2021-09-01", "2021-10-29")], { name: "2021年" }),
    // 2022年: two finished, two open (one overdue, one not yet due).
    registrySheet(
      [
        item("〔2022〕1号", "2022-02-14", "2022-03-31", "按期办结"),
        item("〔2022〕2号", "2022-04-06", "2022-06-30", "逾期办结"),
        item("〔2022〕3号", "2022-09-01", "2022-10-31"),
        item("〔2022〕4号", "2022-12-01", "2023-01-31"),
      ],
      { name: "2022年" },
    ),
    // The archive of 2021: the same header band, two finished items.
    registrySheet(
      [
        item("〔2021〕1号", "2021-03-05", "2021-04-30", "按期办结"),
        item("〔2021〕2号", "2021-05-10", "2021-06-30", "按期办结"),
      ],
      { name: "2021年归档" },
    ),
  ]);
}

describe("several ledger sheets and an archive: every item counted once", () => {
  it("loadLedger reads 2021年 and 2022年 as ledgers and 2021年归档 as an archive only", async () => {
    const ledger = await loadLedger(workbook(), TODAY);
    expect(ledger.ledgers.map((l) => l.layout.sheetName)).toEqual(["2021年", "2022年"]);
    expect(ledger.items.map((i) => i.number)).toEqual([
      "〔2021〕3号",
      "〔2022〕1号",
      "〔2022〕2号",
      "〔2022〕3号",
      "〔2022〕4号",
    ]);
    expect(ledger.archives.map((a) => a.sheet)).toEqual(["2021年归档"]);
    expect(ledger.allItems).toHaveLength(7);
    expect(new Set(ledger.allItems.map((i) => i.number)).size).toBe(7);
  });

  it("the analysis of 2021–2022 counts 7 items: 3 on time, 1 late, 2 overdue, 1 in progress", async () => {
    const period = datePeriod("2021-01-01", "2022-12-31");
    if (!period.ok) throw new Error(period.message);
    const result = await runAnalysis(workbook(), { period: period.period, today: TODAY });
    expect(result.figures.total).toMatchObject({ items: 7, closedOnTime: 3, closedLate: 1, overdue: 2, inProgress: 1 });
    expect(result.sheets).toEqual(["2021年", "2022年", "2021年归档"]);
  });

  it("suggests a 约谈 once for each overdue item of the ledgers (none for archived items)", async () => {
    const result = await runAccountability(workbook(), TODAY);
    expect(result.suggestions.map((s) => [s.number, s.measure])).toEqual([
      ["〔2021〕3号", "约谈"],
      ["〔2022〕3号", "约谈"],
    ]);
  });

  it("archiving 2022 moves its finished items off the 2022年 sheet; the analysis is unchanged", async () => {
    const port = workbook();
    const result = await runArchive(port, { year: 2022, today: TODAY });
    expect(result).toMatchObject({ sheet: "2022年归档", archived: 2, kept: 3, keptOfYear: 2 });
    const ledger = await loadLedger(port, TODAY);
    expect(ledger.items.map((i) => i.number)).toEqual(["〔2021〕3号", "〔2022〕3号", "〔2022〕4号"]);
    expect(ledger.archives.map((a) => [a.sheet, a.items.map((i) => i.number)])).toEqual([
      ["2021年归档", ["〔2021〕1号", "〔2021〕2号"]],
      ["2022年归档", ["〔2022〕1号", "〔2022〕2号"]],
    ]);
    const period = datePeriod("2021-01-01", "2022-12-31");
    if (!period.ok) throw new Error(period.message);
    const figures = await runAnalysis(port, { period: period.period, today: TODAY });
    expect(figures.figures.total).toMatchObject({
      items: 7,
      closedOnTime: 3,
      closedLate: 1,
      overdue: 2,
      inProgress: 1,
    });
    await expect(runArchive(port, { year: 2022, today: TODAY })).rejects.toThrow("不能重复归档");
  });
});

describe("an archive an office named by hand (2020年已归档)", () => {
  const port = () =>
    new LayoutPort([
      registrySheet(
        [
          item("〔2021〕1号", "2021-03-01", "2021-04-30"),
          // Issued in December 2020, registered late: it takes the next 2020 number.
          { ...item("", "2020-12-20", "2021-01-31"), 督办事项编号: undefined },
        ],
        { name: "2021年" },
      ),
      registrySheet(
        [1, 2, 3, 4, 5].map((n) => item(`〔2020〕${n}号`, "2020-03-01", "2020-04-30", "按期办结")),
        { name: "2020年已归档" },
      ),
    ]);

  it("is read as an archive, not a ledger: its items counted once, its year from its name", async () => {
    const ledger = await loadLedger(port(), TODAY);
    expect(ledger.ledgers.map((l) => l.layout.sheetName)).toEqual(["2021年"]);
    expect(ledger.archives.map((a) => [a.sheet, a.year, a.items.length])).toEqual([["2020年已归档", 2020, 5]]);
    expect(ledger.allItems).toHaveLength(7);
  });

  it("keeps its numbers taken: the late 2020 item gets 〔2020〕6号", async () => {
    const p = port();
    const result = await runNumbering(p, TODAY);
    expect(result.assigned.map((a) => a.number)).toEqual(["〔2020〕6号"]);
  });
});
