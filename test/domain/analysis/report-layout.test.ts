/** The 督办分析报告 layout: one A4 page in the documents' style, its chart reading the table's own numbers. */
import { analyzeRegistry } from "../../../src/domain/analyze";
import { ledgerFigures, type LedgerFigures } from "../../../src/domain/analysis/figures";
import { datePeriod, semesterPeriod, type Period } from "../../../src/domain/analysis/period";
import {
  analysisSheetName,
  buildAnalysisReport,
  chartHeight,
  clip,
  ineligibleText,
  rateText,
} from "../../../src/domain/analysis/report-layout";
import { readRemindLog } from "../../../src/domain/documents/remind-log";
import { readAccountabilityLog } from "../../../src/domain/accountability/log";
import type { LayoutCell, SheetLayout } from "../../../src/domain/layout/types";
import { expectSoundLayout } from "../documents/layout-checks";
import { ledgerGrids, measureGrid, TODAY, urgingGrid } from "./ledger-fixture";

const analysis = analyzeRegistry(ledgerGrids(), TODAY);
if (!analysis) throw new Error("the fixture is a registry");

function figuresOf(period: Pick<Period, "from" | "to">, items = analysis!.items): LedgerFigures {
  return ledgerFigures({
    items,
    period,
    today: TODAY,
    calendar: analysis!.calendar,
    warningDays: 3,
    sectionOrder: analysis!.settings.sections,
    urgings: readRemindLog(urgingGrid()).entries,
    records: readAccountabilityLog(measureGrid()).entries,
  });
}

const spring = semesterPeriod(2021, "spring");
const figures = figuresOf(spring);
const layout = buildAnalysisReport({
  period: spring,
  today: TODAY,
  figures,
  ineligible: [
    {
      unit: "承办单位27",
      year: 2021,
      records: [{ row: 3, date: "2021-03-15", number: "〔2020〕27号", measure: "通报批评" }],
    },
  ],
  settings: { orgName: "重庆市江津区教育委员会" },
});

const at = (l: SheetLayout, row: number, col: number): LayoutCell | undefined =>
  l.cells.find((c) => c.row === row && c.col === col);

describe("the page", () => {
  it("is a sound A4 document: official faces, one page wide, print area, merges inside", () => {
    expectSoundLayout(layout);
    expect(layout.page.fitToHeight).toBe(1);
  });

  it("titles the semester and names the period, the day and the office", () => {
    expect(layout.title).toBe("2021年春季学期督办分析报告");
    const scope = layout.cells.find((c) => c.field === "scope")?.value ?? "";
    expect(scope).toContain("2021年2月1日至2021年7月31日");
    expect(scope).toContain("统计日期：2021年8月2日");
    expect(scope).toContain("重庆市江津区教育委员会");
  });

  it("has every part of the issue, in order", () => {
    const headings = layout.cells.filter((c) => c.style === "heading").map((c) => c.value);
    expect(headings).toEqual([
      "一、督办事项办理情况",
      "二、按期办结、逾期办结和逾期未办结情况",
      "三、逾期未办结事项",
      "四、取消当年评优评先资格的单位",
      "五、分析与建议",
    ]);
    expect(layout.cells.find((c) => c.field === "ineligible")?.value).toContain(
      "承办单位27（2021年，通报批评：〔2020〕27号）",
    );
  });

  it("rules space for the written analysis: bordered empty rows under 五", () => {
    const top = layout.cells.find((c) => c.field === "analysis");
    expect(top?.value).toBe("");
    const ruled = layout.borders.find((b) => b.range.top === top?.row);
    expect(ruled?.range.bottom).toBeGreaterThanOrEqual((top?.row ?? 0) + 3);
    expect(ruled?.inner).toBe("thin");
  });
});

describe("the table by section", () => {
  const sections = layout.cells.filter((c) => c.field === "section");

  it("has a row per section and a total, each figure a number", () => {
    expect(sections.map((c) => c.value)).toEqual(figures.sections.map((s) => s.section));
    const total = layout.cells.find((c) => c.field === "total");
    expect(total).toBeDefined();
    for (const row of [...sections, total!].map((c) => c.row)) {
      const numbers = layout.cells.filter((c) => c.row === row && c.number !== undefined);
      expect(numbers.length).toBeGreaterThanOrEqual(8);
      for (const c of numbers) expect(c.value).toBe(c.numFmt === "0.0%" ? rateText(c.number!) : String(c.number));
    }
  });

  it("shows 督导室's figures as the engine counts them", () => {
    const row = sections.find((c) => c.value === "督导室")!.row;
    const values = layout.cells.filter((c) => c.row === row).map((c) => c.value);
    const s = figures.sections.find((x) => x.section === "督导室")!;
    expect(values).toEqual([
      "督导室",
      String(s.items),
      String(s.closedOnTime),
      String(s.closedLate),
      String(s.terminated),
      String(s.overdue),
      String(s.inProgress),
      rateText(s.onTimeRate),
      String(s.urged),
      String(s.accountability),
    ]);
  });

  it("explains the rate and the items counted on time without a 办结日期", () => {
    const note = layout.cells.find((c) => c.field === "table-note")?.value ?? "";
    expect(note).toContain("按期办结÷（事项数－终止）");
    expect(note).toContain(`其中${figures.total.closedAssumedOnTime}项已办结但未填办结日期`);
  });
});

describe("the chart", () => {
  const chart = layout.charts?.[0];

  it("is one clustered bar chart of on time, late and overdue", () => {
    expect(layout.charts).toHaveLength(1);
    expect(chart?.kind).toBe("clusteredBar");
    expect(chart?.series.map((s) => s.name)).toEqual(["按期办结", "逾期办结", "逾期未办结"]);
    expect(chart?.series.map((s) => s.colour)).toEqual(["2E7D32", "F9A825", "C62828"]);
  });

  it("reads its categories from the section names and its values from the table's numbers", () => {
    const c = chart!;
    const names: string[] = [];
    for (let r = c.categories.top; r <= c.categories.bottom; r++)
      names.push(at(layout, r, c.categories.left)?.value ?? "");
    expect(names).toEqual(figures.sections.map((s) => s.section));
    for (const s of c.series) {
      expect(at(layout, s.nameCell.row, s.nameCell.col)?.value).toBe(s.name);
      expect([s.values.top, s.values.bottom]).toEqual([c.categories.top, c.categories.bottom]);
      const key = { 按期办结: "closedOnTime", 逾期办结: "closedLate", 逾期未办结: "overdue" } as const;
      for (let r = s.values.top; r <= s.values.bottom; r++) {
        const section = figures.sections[r - c.categories.top];
        expect(at(layout, r, s.values.left)?.number).toBe(section[key[s.name as keyof typeof key]]);
      }
    }
  });

  it("sits over empty rows inside the printed page, below the table", () => {
    const c = chart!;
    expect(c.anchor.top).toBeGreaterThan(c.categories.bottom);
    expect(c.anchor.right).toBeLessThanOrEqual(layout.columnWidths.length);
    expect(c.anchor.bottom).toBeLessThanOrEqual(layout.page.printArea!.bottom);
    const inside = layout.cells.filter((x) => x.row >= c.anchor.top && x.row <= c.anchor.bottom && x.value !== "");
    expect(inside).toEqual([]);
    const height = layout.rowHeights.slice(c.anchor.top - 1, c.anchor.bottom).reduce((a, b) => a + b, 0);
    expect(height).toBeGreaterThanOrEqual(140);
  });

  it("is left out when no item was issued in the period", () => {
    const empty = buildAnalysisReport({
      period: semesterPeriod(2030, "spring"),
      today: TODAY,
      figures: figuresOf(semesterPeriod(2030, "spring")),
      ineligible: [],
      settings: { orgName: "" },
    });
    expect(empty.charts).toBeUndefined();
    expectSoundLayout(empty);
    expect(empty.cells.find((c) => c.field === "overdue-none")).toBeDefined();
    expect(empty.cells.find((c) => c.field === "ineligible")?.value.startsWith("无。")).toBe(true);
  });
});

describe("the overdue list", () => {
  it("lists the overdue items latest first, with their working days late", () => {
    const numbers = layout.cells.filter((c) => c.field === "overdue-0").map((c) => c.value);
    expect(numbers).toEqual(figures.overdue.map((o) => o.number));
    const late = layout.cells.filter((c) => c.field === "overdue-5").map((c) => c.number);
    expect(late).toEqual(figures.overdue.map((o) => o.workingDaysLate));
  });

  it("is cut to what fits, the rest counted", () => {
    const many = figuresOf({ from: "2020-01-01", to: "2022-12-31" });
    const items = Array.from({ length: 20 }, (_, i) => ({
      ...many.overdue[0],
      row: 100 + i,
      number: `〔2021〕${100 + i}号`,
    }));
    const l = buildAnalysisReport({
      period: spring,
      today: TODAY,
      figures: { ...many, overdue: items },
      ineligible: [],
      settings: { orgName: "" },
    });
    const shown = l.cells.filter((c) => c.field === "overdue-0").length;
    expect(shown).toBeLessThan(20);
    expect(shown).toBeGreaterThanOrEqual(3);
    expect(l.cells.find((c) => c.field === "overdue-more")?.value).toBe(
      `另有${20 - shown}项逾期未办结事项未列出，详见登记表中标红的事项。`,
    );
  });

  it("never prints a classified item's content", () => {
    const secret = {
      ...figures.overdue[0],
      item: { ...figures.overdue[0].item, secrecy: "机密", content: "某涉密事项的具体内容" },
    };
    const l = buildAnalysisReport({
      period: spring,
      today: TODAY,
      figures: { ...figures, overdue: [secret] },
      ineligible: [],
      settings: { orgName: "" },
    });
    expect(l.cells.some((c) => c.value.includes("某涉密事项"))).toBe(false);
    expect(l.cells.find((c) => c.field === "overdue-1")?.value).toBe("（涉密事项，内容从略）");
  });
});

describe("names and texts", () => {
  it.each([
    [semesterPeriod(2021, "spring"), "督办分析报告2021年春季学期"],
    [semesterPeriod(2021, "autumn"), "督办分析报告2021年秋季学期"],
    [{ from: "2021-03-01", to: "2021-06-30", semester: null, label: "" }, "督办分析报告20210301-20210630"],
  ])("the sheet of %j is %s", (period, name) => {
    expect(analysisSheetName(period)).toBe(name);
  });

  it("a from/to period keeps the plain title, the dates in the scope line", () => {
    const p = datePeriod("2021-03-01", "2021-06-30");
    if (!p.ok) throw new Error("period");
    const l = buildAnalysisReport({
      period: p.period,
      today: TODAY,
      figures: figuresOf(p.period),
      ineligible: [],
      settings: { orgName: "" },
    });
    expect(l.title).toBe("督办分析报告");
    expectSoundLayout(l);
  });

  it.each([
    [0.85714, "85.7%"],
    [1, "100.0%"],
    [0, "0.0%"],
    [null, "—"],
  ])("rateText(%s) is %s", (rate, text) => {
    expect(rateText(rate)).toBe(text);
  });

  it("clip cuts with an ellipsis", () => {
    expect(clip("一二三四五", 5)).toBe("一二三四五");
    expect(clip("一二三四五六", 5)).toBe("一二三四…");
  });

  it("ineligibleText says 无 when none", () => {
    expect(ineligibleText([])).toBe("无。");
  });
});

describe("the chart's height", () => {
  // Past six sections their names are turned on their side under the columns: the chart grows
  // so that the plot keeps its height (LibreOffice's print of 13 sections, out/documents).
  it.each([
    [1, 160],
    [6, 160],
    [7, 220],
    [13, 220],
  ])("%i sections: %i pt", (sections, height) => {
    expect(chartHeight(sections)).toBe(height);
  });
});
