import * as ExcelJS from "exceljs";
import { createCalendar } from "../../../src/domain/calendar";
import { buildNotice } from "../../../src/domain/documents/notice";
import { buildReport } from "../../../src/domain/documents/report";
import type { SheetLayout } from "../../../src/domain/layout/types";
import { cellEdges } from "../../../src/domain/layout/geometry";
import { columnLetters as columnLetter, rangeRef } from "../../../src/domain/a1-ref";
import { PAPER_A4, renderLayout, xlsxDocumentPort, xlsxLayoutPort } from "../../../src/adapters/xlsx/render-layout";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { ITEM, registryWorkbook, SETTINGS } from "../../domain/documents/fixtures";
import { bookOf, excelOf } from "./helpers";

const cal = createCalendar();
const notice = buildNotice(ITEM, SETTINGS, cal, "2021-04-16");

/** Renders into a fresh workbook, writes .xlsx bytes and reads them back, as Excel would. */
async function roundTrip(layout: SheetLayout, wb = new ExcelJS.Workbook()): Promise<ExcelJS.Workbook> {
  if (wb.worksheets.length === 0) wb.addWorksheet("登记表").getCell("A1").value = "序号";
  const book = await bookOf(wb);
  renderLayout(book, layout, "add");
  return excelOf(book);
}

describe("addresses", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [28, "AB"],
    [702, "ZZ"],
    [703, "AAA"],
  ])("column %d is %s", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
  });
  it("writes ranges A1-style", () => {
    expect(rangeRef({ top: 1, left: 1, bottom: 16, right: 4 })).toBe("A1:D16");
  });
});

describe("border edges", () => {
  const base = { ...notice, borders: [] };
  it("gives a table lines inside and out, a box only outside", () => {
    const table = cellEdges({
      ...base,
      borders: [{ range: { top: 1, left: 1, bottom: 2, right: 2 }, outline: "thin", inner: "thin" }],
    });
    expect(table.get("1,1")).toEqual({ top: "thin", bottom: "thin", left: "thin", right: "thin" });
    const box = cellEdges({
      ...base,
      borders: [{ range: { top: 1, left: 1, bottom: 2, right: 2 }, outline: "thin", inner: "none" }],
    });
    expect(box.get("1,1")).toEqual({ top: "thin", bottom: "none", left: "thin", right: "none" });
    expect(box.get("2,2")).toEqual({ top: "none", bottom: "thin", left: "none", right: "thin" });
  });
  it("lets the heavier line win where regions meet, in any order", () => {
    const a = { range: { top: 1, left: 1, bottom: 1, right: 1 }, outline: "medium" as const, inner: "none" as const };
    const b = { range: { top: 1, left: 1, bottom: 2, right: 1 }, outline: "thin" as const, inner: "none" as const };
    expect(cellEdges({ ...base, borders: [a, b] }).get("1,1")).toEqual(
      cellEdges({ ...base, borders: [b, a] }).get("1,1"),
    );
    expect(cellEdges({ ...base, borders: [a, b] }).get("1,1")).toEqual({
      top: "medium",
      bottom: "medium",
      left: "medium",
      right: "medium",
    });
  });
});

describe("rendering a layout into a workbook", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = await roundTrip(notice);
    const sheet = wb.getWorksheet(notice.name);
    if (!sheet) throw new Error("sheet missing");
    ws = sheet;
  });

  it("adds the sheet after the existing ones", async () => {
    const wb = await roundTrip(notice);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["登记表", "通知单〔2021〕3号"]);
  });

  it("writes every value where the layout puts it", () => {
    for (const cell of notice.cells) expect(ws.getCell(cell.row, cell.col).text).toBe(cell.value);
  });

  it("merges what the layout merges", () => {
    for (const m of notice.merges) {
      const master = ws.getCell(m.top, m.left);
      expect(ws.getCell(m.bottom, m.right).isMerged).toBe(true);
      expect(ws.getCell(m.bottom, m.right).isMergedTo(master)).toBe(true);
    }
  });

  it("sets the official fonts, with the Chinese charset, and alignment", () => {
    const title = notice.cells.find((c) => c.field === "title");
    const body = notice.cells.find((c) => c.field === "request");
    const label = notice.cells.find((c) => c.value === "督办事项编号");
    expect(ws.getCell(title?.row ?? 0, title?.col ?? 0).font).toMatchObject({
      name: "方正小标宋简体",
      size: 22,
      charset: 134,
    });
    expect(ws.getCell(body?.row ?? 0, body?.col ?? 0).font).toMatchObject({ name: "仿宋_GB2312", size: 14 });
    expect(ws.getCell(body?.row ?? 0, body?.col ?? 0).alignment).toMatchObject({
      horizontal: "left",
      vertical: "top",
      wrapText: true,
      indent: 1,
    });
    expect(ws.getCell(label?.row ?? 0, label?.col ?? 0).alignment).toMatchObject({
      horizontal: "center",
      vertical: "middle",
      wrapText: true,
    });
  });

  it("draws borders on every edge cell of a merged area, not only its first cell", () => {
    const request = notice.cells.find((c) => c.field === "request");
    const row = request?.row ?? 0;
    expect(ws.getCell(row, 1).border?.left?.style).toBe("thin");
    expect(ws.getCell(row, 4).border?.right?.style).toBe("thin");
    expect(ws.getCell(row, 1).border?.right).toBeUndefined();
    // The box has no lines between its rows.
    expect(ws.getCell(row, 2).border?.top).toBeUndefined();
    for (const [key, edges] of cellEdges(notice)) {
      const [r, c] = key.split(",").map(Number);
      const border = ws.getCell(r, c).border ?? {};
      for (const side of ["top", "bottom", "left", "right"] as const) {
        const want = edges[side] === "none" ? undefined : edges[side];
        expect([key, side, border[side]?.style]).toEqual([key, side, want]);
      }
    }
  });

  it("sets column widths and row heights", () => {
    notice.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    notice.rowHeights.forEach((h, i) => expect(ws.getRow(i + 1).height).toBe(h));
  });

  it("prints on A4 portrait, one page wide, with margins, centred, within the print area", () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: PAPER_A4,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      printArea: `A1:D${notice.rowHeights.length}`,
    });
    expect(ws.pageSetup.margins).toEqual({
      top: 0.984,
      bottom: 0.787,
      left: 0.984,
      right: 0.787,
      header: 0.394,
      footer: 0.394,
    });
  });

  it("hides the grid lines so the sheet looks like its printout", () => {
    expect(ws.views[0]).toMatchObject({ showGridLines: false });
  });

  it("can write a fallback face for machines without the official fonts", async () => {
    const book = XlsxWorkbook.empty();
    renderLayout(book, notice, "add", { fontName: (f) => f.fallbacks[0] });
    const sheet = (await excelOf(book)).getWorksheet(notice.name)!;
    expect(sheet.getCell(notice.cells[0].row, notice.cells[0].col).font.name).toBe("方正小标宋_GBK");
    const body = notice.cells.find((c) => c.field === "request");
    expect(sheet.getCell(body?.row ?? 0, 1).font.name).toBe("仿宋");
  });
});

describe("adding and replacing sheets", () => {
  it("refuses to add a sheet whose name is taken, in any case", () => {
    const book = XlsxWorkbook.empty();
    book.addSheet("通知单〔2021〕3号");
    expect(() => renderLayout(book, notice, "add")).toThrow(/已存在/);
  });

  it("replaces a sheet in its position, with the new content only", async () => {
    const book = XlsxWorkbook.empty();
    book.addSheet("登记表");
    renderLayout(book, notice, "add");
    book.addSheet("设置");
    if (!(await book.sheetNames()).includes(notice.name)) throw new Error("sheet missing");
    book.setCells([{ sheet: notice.name, row: 40, col: 8, value: { t: "string", v: "旧内容" } }]);
    const later = buildNotice(ITEM, SETTINGS, cal, "2021-04-20");
    renderLayout(book, later, "replace");
    const back = await excelOf(book);
    expect(back.worksheets.map((w) => w.name)).toEqual(["登记表", "通知单〔2021〕3号", "设置"]);
    const ws = back.getWorksheet(notice.name);
    const date = later.cells.find((c) => c.field === "noticeDate");
    expect(ws?.getCell(date?.row ?? 0, date?.col ?? 0).text).toBe("2021年4月20日");
    expect(ws?.getCell("H40").text).toBe("");
    expect(ws?.pageSetup.printArea).toBe(`A1:D${later.rowHeights.length}`);
  });

  it("adds the sheet when asked to replace one that is not there", async () => {
    const book = XlsxWorkbook.empty();
    renderLayout(book, notice, "replace");
    expect((await excelOf(book)).worksheets.map((w) => w.name)).toEqual([notice.name]);
  });

  it("keeps each sheet's print area when several documents are added", async () => {
    const report = buildReport(ITEM, SETTINGS, cal, "2021-05-06");
    const book = XlsxWorkbook.empty();
    book.addSheet("登记表");
    await xlsxLayoutPort(book).writeLayout(notice, "add");
    await xlsxLayoutPort(book).writeLayout(report, "add");
    const back = await excelOf(book);
    expect(back.getWorksheet(notice.name)?.pageSetup.printArea).toBe(`A1:D${notice.rowHeights.length}`);
    expect(back.getWorksheet(report.name)?.pageSetup.printArea).toBe(`A1:F${report.rowHeights.length}`);
  });
});

describe("the document port of an .xlsx", () => {
  it("reads and writes cells through the workbook and draws layouts into it", async () => {
    const book = await bookOf(registryWorkbook());
    const port = xlsxDocumentPort(book);
    await port.writeLayout(notice, "add");
    expect(await port.sheetNames()).toEqual(["督办事项登记表", "设置", notice.name]);
    await port.writeCells([{ sheet: notice.name, row: 60, col: 1, value: { t: "string", v: "x" } }]);
    const [grid] = await port.readSheets([notice.name]);
    expect(grid.rows[59][0]).toEqual({ t: "string", v: "x" });
  });
});
