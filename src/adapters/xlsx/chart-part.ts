/**
 * The package parts of a native Excel chart drawn from a layout's ChartSpec (SpreadsheetML /
 * DrawingML, ECMA-376 Part 1 §21.2 charts, §20.5 spreadsheet drawing): the chart part
 * (`xl/charts/chartN.xml`) whose series point at the sheet's own cells — with caches of their
 * current values, so a reader that does not recalculate still draws the bars — and the drawing
 * part (`xl/drawings/drawingN.xml`) that anchors it over the layout's cells.
 *
 * Pure text: a package writer adds these parts with their relationships (sheet → drawing →
 * chart), content types and the sheet's `<drawing r:id="…"/>` element. Nothing here reads or
 * writes a file.
 */
import { columnLetters } from "../../domain/a1-ref";
import type { CellRange } from "../../domain/cell";
import type { ChartSpec, SheetLayout } from "../../domain/layout/types";

/** Content types and relationship types of the two parts. */
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const DRAWING_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Font of the chart's text: the body face of the documents, with an East Asian face set. */
const CHART_FONT = "仿宋_GB2312";

/**
 * Text escaped for XML content and attributes.
 * @example xmlText('a<b & "c"') // "a&lt;b &amp; &quot;c&quot;"
 */
export function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * An absolute reference to a range of a sheet, the sheet name always quoted.
 * @example sheetRef("督办分析报告", { top: 6, left: 1, bottom: 9, right: 1 }) // "'督办分析报告'!$A$6:$A$9"
 */
export function sheetRef(sheet: string, range: CellRange): string {
  const a = `$${columnLetters(range.left)}$${range.top}`;
  const b = `$${columnLetters(range.right)}$${range.bottom}`;
  return `'${sheet.replace(/'/g, "''")}'!${a === b ? a : `${a}:${b}`}`;
}

/** The cells of a one-column range, top to bottom, as the layout holds them. */
function column(layout: SheetLayout, range: CellRange) {
  const out: { text: string; number: number | undefined }[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const cell = layout.cells.find((c) => c.row === r && c.col === range.left);
    out.push({ text: cell?.value ?? "", number: cell?.number });
  }
  return out;
}

function strRef(ref: string, texts: readonly string[]): string {
  const points = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${xmlText(t)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(ref: string, values: readonly (number | undefined)[]): string {
  const points = values.map((v, i) => (v === undefined ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return (
    `<c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function richText(text: string, sizeHundredths: number): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${sizeHundredths}" b="0"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${sizeHundredths}" b="0"><a:latin typeface="${CHART_FONT}"/><a:ea typeface="${CHART_FONT}"/></a:rPr>` +
    `<a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

const TICKS = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** The category and value axes, children in schema order (CT_CatAx, CT_ValAx). */
function axes(direction: ChartSpec["direction"]): string {
  const horizontal = direction === "bar";
  // Horizontal bars list the first category at the top (Excel draws from the bottom otherwise),
  // and the value axis then crosses at the last category to stay at the bottom.
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `${TICKS}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="0" sourceLinked="0"/>${TICKS}<c:crossAx val="${CAT_AX}"/>` +
    `<c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

const LEGEND_POS: Readonly<Record<Exclude<ChartSpec["legend"], "none">, string>> = {
  bottom: "b",
  right: "r",
  top: "t",
};

/**
 * The chart part of a ChartSpec on its layout's sheet: a clustered bar chart whose categories
 * and series read the sheet's cells, with caches of the layout's values.
 * @example chartPartXml(layout, layout.charts![0]).includes('<c:barDir val="col"/>') // true
 */
export function chartPartXml(layout: SheetLayout, chart: ChartSpec): string {
  const categories = column(layout, chart.categories).map((c) => c.text);
  const series = chart.series
    .map((s, i) => {
      const values = column(layout, s.values).map((c) => c.number);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${strRef(sheetRef(layout.name, { top: s.nameCell.row, left: s.nameCell.col, bottom: s.nameCell.row, right: s.nameCell.col }), [s.name])}</c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat>${strRef(sheetRef(layout.name, chart.categories), categories)}</c:cat>` +
        `<c:val>${numRef(sheetRef(layout.name, s.values), values)}</c:val></c:ser>`
      );
    })
    .join("");
  const legend =
    chart.legend === "none"
      ? ""
      : `<c:legend><c:legendPos val="${LEGEND_POS[chart.legend]}"/><c:overlay val="0"/></c:legend>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title, 1200)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${chart.direction === "bar" ? "bar" : "col"}"/>` +
    `<c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>` +
    `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `${axes(chart.direction)}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="${CHART_FONT}"/>` +
    `<a:ea typeface="${CHART_FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    "</c:chartSpace>"
  );
}

/**
 * The drawing part holding charts, each anchored over its cells (from the top-left corner of
 * its first cell to the bottom-right corner of its last); `relIds[i]` is the relationship id,
 * in the drawing's own relationships, of the i-th chart part.
 * @example drawingPartXml([{ anchor: { top: 17, left: 2, bottom: 17, right: 23 }, title: "图" }], ["rId1"])
 */
export function drawingPartXml(
  charts: readonly Pick<ChartSpec, "anchor" | "title">[],
  relIds: readonly string[],
): string {
  const anchors = charts
    .map((c, i) => {
      const { top, left, bottom, right } = c.anchor;
      const corner = (col: number, row: number) =>
        `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(left - 1, top - 1)}</xdr:from>` +
        `<xdr:to>${corner(right, bottom)}</xdr:to><xdr:graphicFrame macro="">` +
        `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(`图表 ${i + 1}`)}" descr="${xmlText(c.title)}"/>` +
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relIds[i]}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
      );
    })
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`
  );
}
