import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { DATE_NUM_FMT } from "../../../src/adapters/xlsx/cell-value";
import { MergedCellWriteError, MissingSheetError, XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { EMPTY } from "../../../src/domain/cell";
import { bookOf, excelOf, storedValue } from "./helpers";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-xlsx-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** ExcelJS keeps conditional formats in a property its typings do not declare. */
function conditionalFormats(ws: ExcelJS.Worksheet): unknown[] {
  return (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
}

async function reload(book: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  return excelOf(book);
}

/** A workbook with everything a registry file carries besides its values. */
function richWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("督办事项登记表", { views: [{ state: "frozen", xSplit: 0, ySplit: 2 }] });
  ws.getCell("A1").value = "江津区教育委员会督办事项登记表";
  ws.mergeCells("A1:F1");
  ws.getCell("A1").font = { name: "方正小标宋简体", size: 18, bold: true };
  ws.getCell("A1").alignment = { horizontal: "center" };
  ["序号", "督办事项编号", "督办事项内容", "任务下\n达时间", "要求完\n成时间", "督办科室或单位"].forEach(
    (h, i) => (ws.getCell(2, i + 1).value = h),
  );
  ws.getRow(2).font = { bold: true };
  ws.getCell("A3").value = 1;
  ws.getCell("C3").value = "落实区政府第12次常务会议关于校园安全隐患排查的部署";
  ws.getCell("C3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("C3").note = "经办人：张德华";
  ws.getCell("D3").value = new Date(Date.UTC(2026, 8, 24));
  ws.getCell("D3").numFmt = DATE_NUM_FMT;
  ws.getCell("A4").value = { formula: "A3+1", result: 2 };
  ws.getCell("G3").value = { formula: 'IF(E3="","",E3-D3)', result: "" };
  ws.getColumn(3).width = 44;
  ws.getColumn(2).width = 15;
  ws.getRow(1).height = 36;
  ws.addConditionalFormatting({
    ref: "A3:F100",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ['AND($E3<>"",$E3<TODAY())'],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  ws.getCell("F3").dataValidation = { type: "list", allowBlank: true, formulae: ['"办公室,秘书科,督导室"'] };
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.orientation = "landscape";
  ws.pageSetup.printArea = "A1:F40";
  wb.definedNames.add("'督办事项登记表'!$A$2:$F$40", "登记区");
  const settings = wb.addWorksheet("设置");
  settings.getCell("A1").value = "临期预警工作日";
  settings.getCell("B1").value = 3;
  wb.addWorksheet("催办记录").getCell("A1").value = "催办日期";
  return wb;
}

describe("readSheets gives the used range of each sheet as a grid", () => {
  it("rows run to the last row with a value and are padded to the widest column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("B2").value = "x";
    ws.getCell("D4").value = 4;
    ws.getCell("A6").font = { bold: true }; // styled but empty: not part of the grid
    const [grid] = await (await bookOf(wb)).readSheets(["s"]);
    expect(grid.name).toBe("s");
    expect(grid.rows).toHaveLength(4);
    expect(grid.rows.every((r) => r.length === 4)).toBe(true);
    expect(grid.rows[1][1]).toEqual({ t: "string", v: "x" });
    expect(grid.rows[3][3]).toEqual({ t: "number", v: 4 });
    expect(grid.rows[0][0]).toEqual(EMPTY);
  });

  it("merged ranges come with the grid, top to bottom, after a save and reload", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A5").value = "〔2021〕3号";
    ws.mergeCells("A5:A6");
    ws.getCell("A1").value = "标题";
    ws.mergeCells("A1:D1");
    ws.getCell("B3").value = "时间";
    ws.mergeCells("B3:C3");
    const reloaded = await XlsxWorkbook.fromBuffer(await (await bookOf(wb)).toBuffer());
    const [grid] = await reloaded.readSheets(["s"]);
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 3, left: 2, bottom: 3, right: 3 },
      { top: 5, left: 1, bottom: 6, right: 1 },
    ]);
    // The grid ends at the last row holding a value; the merge reaches one row further.
    expect(grid.rows).toHaveLength(5);
    expect(grid.rows[4][0]).toEqual({ t: "string", v: "〔2021〕3号" });
  });

  it("a sheet without merges has an empty list of merges (known, not unknown)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("s").getCell("A1").value = 1;
    expect((await (await bookOf(wb)).readSheets(["s"]))[0].merges).toEqual([]);
  });

  it("an empty sheet is an empty grid", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空");
    expect((await (await bookOf(wb)).readSheets(["空"]))[0].rows).toEqual([]);
  });

  it("names that are not sheets are skipped; the order asked is kept", async () => {
    const book = await bookOf(richWorkbook());
    const grids = await book.readSheets(["设置", "没有这张表", "督办事项登记表"]);
    expect(grids.map((g) => g.name)).toEqual(["设置", "督办事项登记表"]);
  });

  it("a merged title reads as text in its first cell and empty cells after it", async () => {
    const [grid] = await (await bookOf(richWorkbook())).readSheets(["督办事项登记表"]);
    expect(grid.rows[0][0]).toEqual({ t: "string", v: "江津区教育委员会督办事项登记表" });
    expect(grid.rows[0].slice(1, 6).every((c) => c.t === "empty")).toBe(true);
    expect(grid.rows[1][3]).toEqual({ t: "string", v: "任务下\n达时间" });
    expect(grid.rows[2][3]).toEqual({ t: "date", v: "2026-09-24" });
    expect(grid.rows[3][0]).toEqual({ t: "number", v: 2 });
  });

  it("sheetNames lists every sheet in workbook order", async () => {
    expect(await (await bookOf(richWorkbook())).sheetNames()).toEqual(["督办事项登记表", "设置", "催办记录"]);
  });

  it("reads a 20,000-row sheet whole (speed is measured by npm run bench)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("big");
    for (let r = 1; r <= 20000; r++) ws.getRow(r).values = [r, `事项${r}`, "督导室", 44286 + (r % 300)];
    const [grid] = await (await bookOf(wb)).readSheets(["big"]);
    expect(grid.rows).toHaveLength(20000);
    expect(grid.rows[19999][1]).toEqual({ t: "string", v: "事项20000" });
  });
});

describe("writeCells writes exactly the cells given", () => {
  it("writes values, sets the number format only when asked, and touches no other cell", async () => {
    const book = await bookOf(richWorkbook());
    const before = await book.readSheets(["督办事项登记表"]);
    await book.writeCells([
      { sheet: "督办事项登记表", row: 3, col: 2, value: { t: "string", v: "〔2026〕1号" } },
      { sheet: "督办事项登记表", row: 3, col: 5, value: { t: "date", v: "2026-10-09" } },
      { sheet: "督办事项登记表", row: 4, col: 3, value: { t: "number", v: 7 }, numFmt: "0.0" },
    ]);
    const [after] = await book.readSheets(["督办事项登记表"]);
    const changed: string[] = [];
    after.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (JSON.stringify(cell) !== JSON.stringify(before[0].rows[r]?.[c] ?? EMPTY)) changed.push(`${r + 1},${c + 1}`);
      }),
    );
    expect(changed.sort()).toEqual(["3,2", "3,5", "4,3"]);
    const ws = (await excelOf(book)).getWorksheet("督办事项登记表")!;
    expect(await storedValue(book, "xl/worksheets/sheet1.xml", "E3")).toBe(46304); // a serial number, not a Date
    expect(ws.getCell("E3").numFmt).toBe(DATE_NUM_FMT);
    expect(ws.getCell("C4").numFmt).toBe("0.0");
    expect(ws.getCell("B3").numFmt).toBeUndefined();
    expect(ws.getCell("C3").note).toBe("经办人：张德华");
  });

  it("the saved file holds the date as a serial number in the cell XML", async () => {
    const book = await bookOf(richWorkbook());
    await book.writeCells([{ sheet: "督办事项登记表", row: 3, col: 5, value: { t: "date", v: "2026-10-09" } }]);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<c r="E3"[^>]*><v>46304<\/v><\/c>/);
  });

  it("a print area survives load and save as absolute references (ExcelJS alone writes $A1:$N9)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("登记表").getCell("A1").value = "督办事项登记表";
    wb.getWorksheet("登记表")!.pageSetup.printArea = "A$1:N$9";
    const reloaded = await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const zip = await JSZip.loadAsync(await reloaded.toBuffer());
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    expect(xml).toContain("!$A$1:$N$9</definedName>");
    expect(xml).not.toContain("$$");
  });

  it("setting a number format on one cell leaves cells that shared its style alone", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    for (const a of ["A1", "A2", "A3"]) {
      ws.getCell(a).value = "x";
      ws.getCell(a).font = { bold: true };
    }
    // After a reload the three cells share one style object (one style id in the file).
    const book = await XlsxWorkbook.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    await book.writeCells([{ sheet: "s", row: 2, col: 1, value: { t: "date", v: "2026-11-25" } }]);
    const s = (await excelOf(book)).getWorksheet("s")!;
    expect(s.getCell("A2").numFmt).toBe(DATE_NUM_FMT);
    expect(s.getCell("A1").numFmt).toBeUndefined();
    expect(s.getCell("A3").numFmt).toBeUndefined();
    expect(s.getCell("A2").font).toEqual({ bold: true });
  });

  it("in a 1904 workbook a date is written so that it reads back as the same day", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet("s");
    const book = await bookOf(wb);
    await book.writeCells([{ sheet: "s", row: 1, col: 1, value: { t: "date", v: "2026-11-25" } }]);
    const reread = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    const [grid] = await reread.readSheets(["s"]);
    expect(grid.rows[0][0]).toEqual({ t: "date", v: "2026-11-25" });
  });

  it("a write to a missing sheet or into a merged range fails before anything is written", async () => {
    const book = await bookOf(richWorkbook());
    const ok = { sheet: "督办事项登记表", row: 3, col: 2, value: { t: "string", v: "〔2026〕1号" } } as const;
    await expect(book.writeCells([ok, { ...ok, sheet: "无此表" }])).rejects.toBeInstanceOf(MissingSheetError);
    await expect(book.writeCells([ok, { ...ok, row: 1, col: 3 }])).rejects.toBeInstanceOf(MergedCellWriteError);
    expect((await excelOf(book)).getWorksheet("督办事项登记表")!.getCell("B3").value).toBeNull();
  });
});

describe("a write through the port keeps the rest of the workbook after save and reload", () => {
  let original: ExcelJS.Workbook;
  let saved: ExcelJS.Workbook;

  beforeAll(async () => {
    original = richWorkbook();
    const file = path.join(dir, "preserve.xlsx");
    await original.xlsx.writeFile(file);
    const book = await XlsxWorkbook.load(file);
    await book.writeCells([
      { sheet: "督办事项登记表", row: 3, col: 2, value: { t: "string", v: "〔2026〕1号" }, old: EMPTY },
    ]);
    const out = path.join(dir, "preserve-out.xlsx");
    await book.save(out);
    saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(out);
    original = new ExcelJS.Workbook();
    await original.xlsx.readFile(file);
  });

  const reg = (wb: ExcelJS.Workbook) => wb.getWorksheet("督办事项登记表")!;

  it("the written cell holds the new value", () => {
    expect(reg(saved).getCell("B3").value).toBe("〔2026〕1号");
  });
  it("values elsewhere are unchanged", () => {
    for (const a of ["A1", "A2", "C2", "D2", "A3", "C3", "D3"])
      expect(reg(saved).getCell(a).value).toEqual(reg(original).getCell(a).value);
  });
  it("formulas and their cached results are kept", () => {
    expect(reg(saved).getCell("A4").value).toEqual({ formula: "A3+1", result: 2 });
    expect(reg(saved).getCell("G3").formula).toBe('IF(E3="","",E3-D3)');
  });
  it("styles are kept (font, fill, alignment, number format)", () => {
    expect(reg(saved).getCell("A1").font).toEqual(reg(original).getCell("A1").font);
    expect(reg(saved).getCell("A1").alignment).toEqual({ horizontal: "center" });
    expect(reg(saved).getCell("C3").fill).toEqual(reg(original).getCell("C3").fill);
    expect(reg(saved).getCell("D3").numFmt).toBe(DATE_NUM_FMT);
    expect(reg(saved).getCell("B2").font).toEqual({ bold: true });
  });
  it("merges are kept", () => {
    expect(reg(saved).model.merges).toEqual(["A1:F1"]);
  });
  it("column widths and row heights are kept", () => {
    expect(reg(saved).getColumn(3).width).toBe(44);
    expect(reg(saved).getColumn(2).width).toBe(15);
    expect(reg(saved).getRow(1).height).toBe(36);
  });
  it("notes are kept", () => {
    expect(reg(saved).getCell("C3").note).toBe("经办人：张德华");
  });
  it("conditional formatting, data validation, frozen panes, print setup and defined names are kept", () => {
    expect(conditionalFormats(reg(saved))).toEqual(conditionalFormats(reg(original)));
    expect(conditionalFormats(reg(saved))).toHaveLength(1);
    expect(reg(saved).getCell("F3").dataValidation).toEqual(reg(original).getCell("F3").dataValidation);
    expect(reg(saved).views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(reg(saved).pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printArea: "A1:F40" });
    expect(saved.definedNames.model).toEqual(original.definedNames.model);
  });
  it("other sheets are kept, in order, with their contents", () => {
    expect(saved.worksheets.map((w) => w.name)).toEqual(["督办事项登记表", "设置", "催办记录"]);
    expect(saved.getWorksheet("设置")!.getCell("B1").value).toBe(3);
    expect(saved.getWorksheet("催办记录")!.getCell("A1").value).toBe("催办日期");
  });
});

describe("save", () => {
  it("writes through a temp file and leaves no temp file behind", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "save-"));
    const target = path.join(sub, "登记表.xlsx");
    fs.writeFileSync(target, "old content");
    await (await bookOf(richWorkbook())).save(target);
    expect(fs.readdirSync(sub)).toEqual(["登记表.xlsx"]);
    expect((await reload(await XlsxWorkbook.load(target))).worksheets).toHaveLength(3);
  });

  it("a failed save leaves no temp file and the old file untouched", async () => {
    const sub = fs.mkdtempSync(path.join(dir, "fail-"));
    const target = path.join(sub, "missing-folder", "登记表.xlsx");
    await expect((await bookOf(richWorkbook())).save(target)).rejects.toThrow();
    expect(fs.readdirSync(sub)).toEqual([]);
  });
});
