/**
 * The demo workbook: the sample registry laid out like attachment 3 — a merged title row
 * above a header whose texts break over lines as on the printed form, bordered cells, dates
 * as serial numbers shown 2026年3月5日, frozen header, A4 landscape — and a 设置 sheet.
 */
import * as ExcelJS from "exceljs";
import { DATE_NUM_FMT, fromCellValue } from "../../adapters/xlsx/cell-value";
import type { CellValue } from "../../domain/cell";
import { displayWidth } from "../text-width";
import { buildSampleData, DEMO_HEADER_ROW, DEMO_TITLE_ROW, type SampleData } from "./sample-data";

/** Column widths (characters) by header text without line breaks. */
const WIDTHS: Readonly<Record<string, number>> = {
  序号: 6,
  督办事项编号: 14,
  督办事项内容: 44,
  来文编号: 24,
  紧急程度: 7,
  密级: 7,
  任务下达时间: 15,
  要求完成时间: 15,
  督办科室或单位: 12,
  协办科室或单位: 16,
  承办单位负责人: 10,
  签收日期: 15,
  督办结果: 10,
  备注: 22,
  承办单位: 18,
  事项来源: 12,
  重大事项: 7,
  签发领导: 9,
  办结日期: 15,
  延期至: 15,
  延期批准人: 9,
  报告日期: 15,
  状态: 8,
};

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Points per line of 11-point text, and the padding of a row. */
const LINE_HEIGHT = 15;
const ROW_PADDING = 4;

/**
 * A row height that shows all of its wrapped text: Excel does not refit rows of a file it
 * opens, and LibreOffice neither, so the height is written.
 */
function rowHeight(values: readonly CellValue[], headers: readonly string[], wrapped: ReadonlySet<string>): number {
  let lines = 1;
  values.forEach((value, c) => {
    if (!wrapped.has(headers[c]) || value.t !== "string") return;
    const width = (WIDTHS[headers[c].replace(/\s+/g, "")] ?? 12) - 2;
    lines = Math.max(lines, Math.ceil(displayWidth(value.v) / width));
  });
  return lines * LINE_HEIGHT + ROW_PADDING;
}

/** A fixed timestamp for the document properties, so the sample does not depend on the clock. */
const SAMPLE_TIMESTAMP = new Date(Date.UTC(2026, 10, 25, 1, 0, 0));

function writeValue(cell: ExcelJS.Cell, value: CellValue): void {
  const { value: v, numFmt } = fromCellValue(value);
  cell.value = v;
  if (numFmt) cell.numFmt = numFmt;
}

function addRegistrySheet(wb: ExcelJS.Workbook, data: SampleData): void {
  const ws = wb.addWorksheet(data.sheetName, {
    views: [{ state: "frozen", xSplit: 0, ySplit: DEMO_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${DEMO_TITLE_ROW}:${DEMO_HEADER_ROW}`,
    },
  });
  const width = data.headers.length;
  data.headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = WIDTHS[h.replace(/\s+/g, "")] ?? 12;
  });

  ws.mergeCells(DEMO_TITLE_ROW, 1, DEMO_TITLE_ROW, width);
  const title = ws.getCell(DEMO_TITLE_ROW, 1);
  title.value = data.title;
  title.font = { name: "方正小标宋简体", size: 18 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(DEMO_TITLE_ROW).height = 36;

  const header = ws.getRow(DEMO_HEADER_ROW);
  header.height = 34;
  data.headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { name: "黑体", size: 11 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
  });

  const wrapped = new Set(["督办事项内容", "备\n注"]);
  data.rows.forEach((values, r) => {
    const row = ws.getRow(DEMO_HEADER_ROW + 1 + r);
    row.height = rowHeight(values, data.headers, wrapped);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      writeValue(cell, value);
      cell.font = { name: "仿宋_GB2312", size: 11 };
      cell.border = THIN;
      const wrap = wrapped.has(data.headers[c]);
      cell.alignment = { vertical: "middle", horizontal: wrap ? "left" : "center", wrapText: wrap };
      if (value.t === "date") cell.numFmt = DATE_NUM_FMT;
    });
  });
}

function addSettingsSheet(wb: ExcelJS.Workbook, data: SampleData): void {
  const ws = wb.addWorksheet(data.settingsSheetName);
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 10;
  data.settingsRows.forEach((values, r) => {
    values.forEach((value, c) => writeValue(ws.getCell(r + 1, c + 1), value));
  });
  ws.getRow(1).font = { bold: true };
}

/**
 * The demo workbook built from the sample data (deterministic for a seed and today).
 * @example await buildSampleWorkbook().xlsx.writeFile("demo-output/登记表.xlsx")
 */
export function buildSampleWorkbook(data: SampleData = buildSampleData()): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "duban demo";
  wb.created = SAMPLE_TIMESTAMP;
  wb.modified = SAMPLE_TIMESTAMP;
  addRegistrySheet(wb, data);
  addSettingsSheet(wb, data);
  return wb;
}
