/** The chart and drawing parts of a layout's ChartSpec: references to the sheet's cells, caches, anchors. */
import { strFromU8, unzipSync } from "fflate";
import { chartPartXml, drawingPartXml, sheetRef, xmlText } from "../../../src/adapters/xlsx/chart-part";
import { renderLayout } from "../../../src/adapters/xlsx/render-layout";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { buildAnalysisReport } from "../../../src/domain/analysis/report-layout";
import { semesterPeriod } from "../../../src/domain/analysis/period";
import type { LedgerFigures } from "../../../src/domain/analysis/figures";
import type { SheetLayout } from "../../../src/domain/layout/types";
import { injectCharts } from "./inject-chart";

const figures = (sections: [string, number, number, number, number][]): LedgerFigures => {
  const f = (items: number, onTime: number, late: number, overdue: number) => ({
    items,
    closedOnTime: onTime,
    closedLate: late,
    terminated: 0,
    overdue,
    inProgress: items - onTime - late - overdue,
    onTimeRate: items === 0 ? null : onTime / items,
    urged: 0,
    accountability: 0,
    closedAssumedOnTime: 0,
  });
  const total = sections.reduce((a, [, i, o, l, d]) => [a[0] + i, a[1] + o, a[2] + l, a[3] + d], [0, 0, 0, 0]);
  return {
    total: f(total[0], total[1], total[2], total[3]),
    sections: sections.map(([section, i, o, l, d]) => ({ section, ...f(i, o, l, d) })),
    overdue: [],
    undated: 0,
  };
};

const layout: SheetLayout = buildAnalysisReport({
  period: semesterPeriod(2021, "spring"),
  today: "2021-08-02",
  figures: figures([
    ["督导室", 8, 3, 1, 2],
    ["办公室 & 秘书科", 6, 2, 2, 1],
    ["组织科", 5, 1, 1, 2],
  ]),
  ineligible: [],
  settings: { orgName: "" },
});
const chart = layout.charts![0];
const xml = chartPartXml(layout, chart);

describe("the chart part", () => {
  it("is a clustered column chart with the three series in their colours", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect((xml.match(/<c:ser>/g) ?? []).length).toBe(3);
    expect([...xml.matchAll(/<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => m[1])).toEqual([
      "2E7D32",
      "F9A825",
      "C62828",
    ]);
  });

  it("reads the section names and the figures from the sheet's cells, with their values cached", () => {
    const name = layout.name;
    const { categories } = chart;
    const cat = sheetRef(name, categories);
    expect(cat).toBe(`'${name}'!$A$${categories.top}:$A$${categories.bottom}`);
    expect((xml.match(new RegExp(`<c:f>${cat.replace(/[$]/g, "\\$")}</c:f>`, "g")) ?? []).length).toBe(3);
    expect(xml).toContain("<c:v>办公室 &amp; 秘书科</c:v>");
    const onTime = chart.series[0];
    expect(xml).toContain(`<c:f>${xmlText(sheetRef(name, onTime.values))}</c:f>`);
    const cached = /<c:val><c:numRef>.*?<\/c:numRef><\/c:val>/.exec(xml)?.[0] ?? "";
    expect([...cached.matchAll(/<c:v>(\d+)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([3, 2, 1]);
  });

  it("names each series by its header cell", () => {
    for (const s of chart.series) {
      const ref = sheetRef(layout.name, {
        top: s.nameCell.row,
        left: s.nameCell.col,
        bottom: s.nameCell.row,
        right: s.nameCell.col,
      });
      expect(xml).toContain(
        `<c:tx><c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${s.name}</c:v>`,
      );
    }
  });

  it("horizontal bars list the first section at the top, the value axis at the bottom", () => {
    const bars = chartPartXml(layout, { ...chart, direction: "bar" });
    expect(bars).toContain('<c:barDir val="bar"/>');
    expect(bars).toContain('<c:orientation val="maxMin"/>');
    expect(bars).toContain('<c:crosses val="max"/>');
  });
});

describe("the drawing part", () => {
  it("anchors the chart from the top-left corner of its first cell to the bottom-right of its last (0-based)", () => {
    const d = drawingPartXml([chart], ["rId1"]);
    const { top, left, bottom, right } = chart.anchor;
    expect(d).toContain(
      `<xdr:from><xdr:col>${left - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top - 1}</xdr:row>`,
    );
    expect(d).toContain(`<xdr:to><xdr:col>${right}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${bottom}</xdr:row>`);
    expect(d).toContain('r:id="rId1"');
  });

  it("sheet names with quotes are quoted and doubled", () => {
    expect(sheetRef("A'B", { top: 1, left: 1, bottom: 2, right: 1 })).toBe("'A''B'!$A$1:$A$2");
  });
});

describe("the parts in a package (test fixture injection)", () => {
  it("adds the drawing, the chart, their relationships and content types, and the sheet's <drawing>", async () => {
    // The package writer draws a layout's charts itself: the fixture gets the layout without them.
    const book = XlsxWorkbook.empty();
    renderLayout(book, { ...layout, charts: undefined });
    const bytes = injectCharts(await book.toBuffer(), layout);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["xl/drawings/drawing1.xml", "xl/charts/chart1.xml"]));
    expect(strFromU8(files["[Content_Types].xml"])).toContain("drawingml.chart+xml");
    expect(strFromU8(files["xl/worksheets/sheet1.xml"])).toMatch(
      /<drawing r:id="rIdChartDrawing1"\/><\/worksheet>|<drawing r:id="rIdChartDrawing1"\/></,
    );
  });
});
