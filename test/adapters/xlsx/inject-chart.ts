/**
 * Test fixture only: puts a layout's charts into a saved .xlsx by editing its package with
 * fflate — the drawing and chart parts of src/adapters/xlsx/chart-part, their relationships and
 * content types, and the sheet's `<drawing>` element — so LibreOffice can show that the parts
 * draw. The product's package writer (issue 10) does this for real; this is not it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { SheetLayout } from "../../../src/domain/layout/types";
import {
  CHART_CONTENT_TYPE,
  CHART_REL_TYPE,
  chartPartXml,
  DRAWING_CONTENT_TYPE,
  DRAWING_REL_TYPE,
  drawingPartXml,
} from "../../../src/adapters/xlsx/chart-part";

const RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The worksheet part of a sheet name, through workbook.xml and its relationships. */
function sheetPart(files: Record<string, Uint8Array>, name: string): string {
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`name="${name}"`));
  const rid = sheet ? /r:id="([^"]+)"/.exec(sheet)?.[1] : undefined;
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${rid}"`));
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (!target) throw new Error(`no sheet part for ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * The .xlsx bytes with the layout's charts drawn on its sheet.
 * @example const withChart = injectCharts(await fs.readFile("报告.xlsx"), layout)
 */
export function injectCharts(bytes: Uint8Array, layout: SheetLayout): Uint8Array {
  const charts = layout.charts ?? [];
  const files = unzipSync(bytes);
  const part = sheetPart(files, layout.name);
  const sheetFile = part.split("/").pop() ?? "";
  const relsPath = part.replace(sheetFile, `_rels/${sheetFile}.rels`);
  const n = Object.keys(files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f)).length + 1;
  const firstChart = Object.keys(files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length + 1;

  const chartIds = charts.map((_, i) => `rId${i + 1}`);
  files[`xl/drawings/drawing${n}.xml`] = strToU8(drawingPartXml(charts, chartIds));
  files[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(
    `${RELS}<Relationships xmlns="${NS_RELS}">${charts
      .map(
        (_, i) =>
          `<Relationship Id="${chartIds[i]}" Type="${CHART_REL_TYPE}" Target="../charts/chart${firstChart + i}.xml"/>`,
      )
      .join("")}</Relationships>`,
  );
  charts.forEach((c, i) => (files[`xl/charts/chart${firstChart + i}.xml`] = strToU8(chartPartXml(layout, c))));

  const sheetRels = files[relsPath]
    ? strFromU8(files[relsPath])
    : `${RELS}<Relationships xmlns="${NS_RELS}"></Relationships>`;
  const drawingRel = "rIdChartDrawing1";
  files[relsPath] = strToU8(
    sheetRels.replace(
      "</Relationships>",
      `<Relationship Id="${drawingRel}" Type="${DRAWING_REL_TYPE}" Target="../drawings/drawing${n}.xml"/></Relationships>`,
    ),
  );
  let sheet = strFromU8(files[part]);
  if (!sheet.includes('xmlns:r="')) {
    sheet = sheet.replace(
      "<worksheet ",
      '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
    );
  }
  const before = [
    "<legacyDrawing",
    "<legacyDrawingHF",
    "<picture",
    "<oleObjects",
    "<controls",
    "<tableParts",
    "<extLst",
    "</worksheet>",
  ]
    .map((tag) => sheet.indexOf(tag))
    .filter((i) => i >= 0);
  const at = Math.min(...before);
  files[part] = strToU8(`${sheet.slice(0, at)}<drawing r:id="${drawingRel}"/>${sheet.slice(at)}`);

  const types = strFromU8(files["[Content_Types].xml"]);
  const overrides = [
    `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${DRAWING_CONTENT_TYPE}"/>`,
    ...charts.map(
      (_, i) => `<Override PartName="/xl/charts/chart${firstChart + i}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`,
    ),
  ].join("");
  files["[Content_Types].xml"] = strToU8(types.replace("</Types>", `${overrides}</Types>`));
  return zipSync(files);
}
