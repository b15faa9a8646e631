/**
 * The 督办分析报告's native chart through the Office adapter (the fake Excel): one clustered
 * column chart added in the layout's own batch (no sync more than the sheet without it), its
 * series named and drawn from the table's cells — the same cells the xlsx package writer's
 * chart part refers to —, the title, legend and the cells it covers as the ChartSpec says, and
 * 撤销上次操作 taking it away with its sheet.
 */
import { FakeExcel } from "./fake-excel";
import { OfficeWorkbook } from "../../../src/adapters/office/office-workbook";
import { fixedRequirements } from "../../../src/adapters/office/requirements";
import { chartPartXml } from "../../../src/adapters/xlsx/chart-part";
import { runAnalysis, writeAnalysisSheet } from "../../../src/app/analysis";
import type { DocumentPort, LayoutMode } from "../../../src/app/documents";
import { runUndo } from "../../../src/app/undo";
import { semesterPeriod } from "../../../src/domain/analysis/period";
import { rangeRef } from "../../../src/domain/a1-ref";
import type { SheetLayout } from "../../../src/domain/layout/types";
import { registryRows, REGISTRY } from "../contract/fixture";

const TODAY = "2026-11-25";

function open() {
  // 8 items of 2026 over 办公室, 秘书科, 组织科, 督导室 (two each, in that order), all past their deadline.
  const fake = new FakeExcel({ [REGISTRY]: registryRows({ items: 8, unnumberedEvery: 0, year: 2026 }) });
  let id = 0;
  const office = new OfficeWorkbook(fake.run, {
    requirements: fixedRequirements({ ExcelApi: "1.9" }),
    now: () => new Date(2026, 10, 25, 9, 0, 0),
    newId: () => `op${++id}`,
  });
  return { fake, office };
}

async function drawReport(withChart = true) {
  const { fake, office } = open();
  const result = await office.operation("analysis", (s) =>
    runAnalysis(s, { period: semesterPeriod(2026, "spring"), today: TODAY }),
  );
  const start = fake.syncCount;
  let layout: SheetLayout | null = null;
  await office.operation("analysis-report", async (s) => {
    // Without: the same sheet with its chart left out, to compare the round trips.
    const bare = {
      sheetNames: () => s.sheetNames(),
      writeLayout: (l: SheetLayout, mode: LayoutMode) => s.writeLayout({ ...l, charts: [] }, mode),
    } as unknown as DocumentPort;
    layout = (await writeAnalysisSheet(withChart ? s : bare, result)).layout;
  });
  return { fake, office, layout: layout as unknown as SheetLayout, syncs: fake.syncCount - start };
}

/** The <c:f> references of a chart part, without "$" or the sheet's quotes. */
function partRefs(xml: string): string[] {
  return [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/\$/g, "").replace(/^'(.*)'!/, "$1!"));
}

describe("the analysis chart on the Office adapter", () => {
  test("is one clustered column chart per the ChartSpec: title, legend, the cells it covers", async () => {
    const { fake, layout } = await drawReport();
    const spec = layout.charts?.[0];
    if (!spec) throw new Error("the layout has no chart");
    const charts = fake.sheet(layout.name).charts;
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.type).toBe("ColumnClustered");
    expect(chart.title).toBe("按期办结、逾期办结、逾期未办结事项数（按督办科室）");
    expect(chart.legend).toEqual({ visible: true, position: "Bottom" });
    expect(chart.position).toEqual({
      start: rangeRef({ ...spec.anchor, bottom: spec.anchor.top, right: spec.anchor.left }),
      end: rangeRef({ ...spec.anchor, top: spec.anchor.bottom, left: spec.anchor.right }),
    });
  });

  test("draws on-time, late and overdue by section from the table's own numbers", async () => {
    const { fake, layout } = await drawReport();
    const [chart] = fake.sheet(layout.name).charts;
    expect(chart.series.map((s) => s.name)).toEqual(["按期办结", "逾期办结", "逾期未办结"]);
    expect(chart.series.map((s) => s.fill)).toEqual(layout.charts?.[0].series.map((s) => `#${s.colour}`));
    const rows = fake.rows(layout.name);
    const cells = (address: string | null) => {
      const [, range] = (address ?? "").split("!");
      const [a, b] = range.split(":");
      const col = a.charCodeAt(0) - 64;
      const r1 = Number(a.slice(1));
      const r2 = Number((b ?? a).slice(1));
      return rows.slice(r1 - 1, r2).map((r) => r[col - 1]);
    };
    // Every series over the four sections; the categories are their names.
    for (const s of chart.series) expect(s.xValues).toBe(chart.series[0].xValues);
    expect(cells(chart.series[0].xValues)).toEqual(["办公室", "秘书科", "组织科", "督导室"]);
    // All 8 items are overdue on 2026-11-25: nothing closed on time or late, two overdue each.
    expect(cells(chart.series[0].values)).toEqual([0, 0, 0, 0]);
    expect(cells(chart.series[1].values)).toEqual([0, 0, 0, 0]);
    expect(cells(chart.series[2].values)).toEqual([2, 2, 2, 2]);
  });

  test("refers to the same cells as the chart part the xlsx package writer draws", async () => {
    const { fake, layout } = await drawReport();
    const spec = layout.charts?.[0];
    if (!spec) throw new Error("the layout has no chart");
    const [chart] = fake.sheet(layout.name).charts;
    const refs = partRefs(chartPartXml(layout, spec));
    // The part names each series (name cell, categories, values); Office.js sets the name as text.
    const part = spec.series.map((_, i) => ({ categories: refs[i * 3 + 1], values: refs[i * 3 + 2] }));
    expect(chart.series.map((s) => ({ categories: s.xValues, values: s.values }))).toEqual(part);
  });

  test("costs no sync more than the sheet without it, and goes with its sheet on undo", async () => {
    const without = await drawReport(false);
    const withChart = await drawReport(true);
    expect(without.fake.sheet(without.layout.name).charts).toHaveLength(0);
    expect(withChart.syncs).toBe(without.syncs);
    const undone = await withChart.office.operation("undo", (s) => runUndo(s));
    expect(undone.deletedSheets).toEqual([withChart.layout.name]);
    expect(withChart.fake.hasSheet(withChart.layout.name)).toBe(false);
  });
});
