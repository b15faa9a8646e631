/**
 * The native charts of a SheetLayout through Office.js, queued in the layout's batch (no sync):
 * `worksheet.charts.add` with the first series' values (a single column of numbers, so Excel
 * has nothing to guess about names or categories), then every series named, given its values,
 * the categories as its x-axis values and its fill colour; the title, the legend and the cells
 * the chart covers. `ChartCollection.add`, `Chart.setPosition`, the title, legend and series
 * fill are ExcelApi 1.1; `ChartSeriesCollection.add`, `setValues` and `setXAxisValues` are 1.7,
 * below the manifest's minimum 1.8, so nothing here needs a feature test.
 *
 * Office.js sets a series name as text: the legend does not follow later edits of the header
 * cell (the xlsx writer links it with a formula; the numbers and categories are linked in both).
 */
import { cellRef, rangeRef } from "../../domain/a1-ref";
import type { ChartSpec } from "../../domain/layout/types";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";

const CHART_TYPE: Readonly<Record<ChartSpec["direction"], "ColumnClustered" | "BarClustered">> = {
  column: "ColumnClustered",
  bar: "BarClustered",
};

const LEGEND: Readonly<Record<Exclude<ChartSpec["legend"], "none">, "Bottom" | "Right" | "Top">> = {
  bottom: "Bottom",
  right: "Right",
  top: "Top",
};

/**
 * Queues one chart over `ws`; returns the estimated request bytes.
 * @example queueChart(ws, analysisLayout.charts[0]) // ≈ 3000
 */
export function queueChart(ws: Excel.Worksheet, spec: ChartSpec): number {
  const [first, ...rest] = spec.series;
  if (first === undefined) return 0;
  const chart = ws.charts.add(CHART_TYPE[spec.direction], ws.getRange(rangeRef(first.values)), "Columns");
  let actions = 2;
  let data = jsonBytes(spec.title);
  chart.title.text = spec.title;
  if (spec.legend === "none") chart.legend.visible = false;
  else {
    chart.legend.visible = true;
    chart.legend.position = LEGEND[spec.legend];
  }
  chart.setPosition(cellRef(spec.anchor.top, spec.anchor.left), cellRef(spec.anchor.bottom, spec.anchor.right));
  actions += 4;
  const categories = rangeRef(spec.categories);
  [first, ...rest].forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(ws.getRange(rangeRef(s.values)));
    series.setXAxisValues(ws.getRange(categories));
    series.format.fill.setSolidColor(`#${s.colour}`);
    actions += 5;
    data += jsonBytes(s.name);
  });
  return data + actions * ACTION_OVERHEAD_BYTES;
}
