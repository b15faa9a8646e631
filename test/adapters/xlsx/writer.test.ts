/**
 * The package-preserving writer: a write changes only the `<c>` elements it sets (and styles
 * it appends); every other part keeps its bytes; formulas that share a master keep working;
 * cells Excel would not let a person change alone (array formulas, table headers) are refused.
 */
import * as ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { XlsxWorkbook, XlsxWriteError } from "../../../src/adapters/xlsx/xlsx-workbook";
import { bookOf, excelOf, reopened } from "./helpers";
import { rawZip, text, unzipParts, withPart } from "./zip-fixtures";

const SHEET = "xl/worksheets/sheet1.xml";

function partsOf(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).map(([n, d]) => [n, new TextDecoder().decode(d)]));
}

/** Names of parts whose bytes differ between two packages (added and removed ones included). */
function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !a[n] || !b[n] || Buffer.compare(Buffer.from(a[n]), Buffer.from(b[n])) !== 0).sort();
}

/** Asserts that the workbook part differs only by the request to recalculate on opening. */
function expectOnlyRecalcRequest(before: Uint8Array, after: Uint8Array): void {
  const a = partsOf(before).get("xl/workbook.xml")!;
  const b = partsOf(after).get("xl/workbook.xml")!;
  expect(b).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  expect(b.replace(/ fullCalcOnLoad="1"/, "")).toBe(a);
}

async function registry(fill?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "标题";
  ws.getCell("A2").value = 1;
  ws.getCell("B2").value = "甲";
  wb.addWorksheet("其他").getCell("A1").value = "不动";
  fill?.(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a write changes only what it sets", () => {
  it("a text cell changes the sheet part and asks Excel to recalculate; the shared string table and every other part keep their bytes", async () => {
    const input = await registry();
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([{ sheet: "表", row: 2, col: 3, value: { t: "string", v: "〔2026〕1号" } }]);
    const output = book.toBytes();
    expect(changedParts(input, output)).toEqual(["xl/workbook.xml", SHEET]);
    expectOnlyRecalcRequest(input, output);
    expect(partsOf(output).get(SHEET)).toContain('<c r="C2" t="inlineStr"><is><t>〔2026〕1号</t></is></c>');
  });

  it("other cells of the edited sheet keep their exact text", async () => {
    const input = await registry();
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([{ sheet: "表", row: 2, col: 2, value: { t: "string", v: "乙" } }]);
    const before = partsOf(input).get(SHEET)!;
    const after = partsOf(book.toBytes()).get(SHEET)!;
    const a1 = /<c r="A1"[^>]*>.*?<\/c>/.exec(before)![0];
    const a2 = /<c r="A2"[^>]*>.*?<\/c>/.exec(before)![0];
    expect(after).toContain(a1);
    expect(after).toContain(a2);
    expect(after.replace(/<c r="B2".*?<\/c>/, "")).toBe(before.replace(/<c r="B2".*?<\/c>/, ""));
  });

  it("Chinese text goes into an all-ASCII sheet and then into a sheet already holding Chinese text", async () => {
    const book = await XlsxWorkbook.fromBuffer(await registry());
    await book.writeCells([{ sheet: "表", row: 5, col: 2, value: { t: "string", v: "〔2026〕一号" } }]);
    const again = await reopened(book);
    await again.writeCells([{ sheet: "表", row: 6, col: 2, value: { t: "string", v: "第二次：督办" } }]);
    const last = await reopened(again);
    expect([last.cellValue("表", 5, 2), last.cellValue("表", 6, 2), last.cellValue("表", 2, 2)]).toEqual([
      { t: "string", v: "〔2026〕一号" },
      { t: "string", v: "第二次：督办" },
      { t: "string", v: "甲" },
    ]);
  });

  it("a date appends a style for its format: existing styles keep their numbers and text", async () => {
    const input = await registry((ws) => (ws.getCell("B2").font = { bold: true }));
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([{ sheet: "表", row: 3, col: 1, value: { t: "date", v: "2026-11-25" } }]);
    const output = book.toBytes();
    expect(changedParts(input, output)).toEqual(["xl/styles.xml", "xl/workbook.xml", SHEET]);
    expectOnlyRecalcRequest(input, output);
    const before = partsOf(input).get("xl/styles.xml")!;
    const after = partsOf(output).get("xl/styles.xml")!;
    const xfs = (x: string) => /<cellXfs[^>]*>(.*)<\/cellXfs>/s.exec(x)![1];
    expect(xfs(after).startsWith(xfs(before))).toBe(true);
    const fonts = (x: string) => /<fonts[^>]*>(.*)<\/fonts>/s.exec(x)![1];
    expect(fonts(after)).toBe(fonts(before));
  });

  it("writing the same value twice appends no second style", async () => {
    const book = await XlsxWorkbook.fromBuffer(await registry());
    await book.writeCells([{ sheet: "表", row: 3, col: 1, value: { t: "date", v: "2026-11-25" } }]);
    const once = partsOf(book.toBytes()).get("xl/styles.xml");
    await book.writeCells([{ sheet: "表", row: 4, col: 1, value: { t: "date", v: "2026-11-26" } }]);
    const again = await reopened(book);
    await again.writeCells([{ sheet: "表", row: 5, col: 1, value: { t: "date", v: "2026-11-27" } }]);
    expect(partsOf(again.toBytes()).get("xl/styles.xml")).toBe(once);
  });

  it("a new cell takes its row's style, else its column's (as Excel gives a typed cell)", async () => {
    const input = await registry((ws) => {
      ws.getColumn(4).numFmt = "0.00";
      ws.getRow(6).numFmt = "0%";
      ws.getCell("A6").value = 1; // ExcelJS writes a row's style only with a cell in it
    });
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([
      { sheet: "表", row: 5, col: 4, value: { t: "number", v: 1.5 } },
      { sheet: "表", row: 6, col: 7, value: { t: "number", v: 0.5 } },
    ]);
    const ws = (await excelOf(book)).getWorksheet("表")!;
    expect(ws.getCell("D5").numFmt).toBe("0.00");
    expect(ws.getCell("G6").numFmt).toBe("0%");
  });

  it("a value write keeps the calculation chain and asks Excel to recalculate on opening, nothing else", async () => {
    const input = await withCalcChain(
      await registry((ws) => (ws.getCell("C2").value = { formula: "A2*2", result: 2 })),
    );
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([{ sheet: "表", row: 2, col: 1, value: { t: "number", v: 5 } }]);
    const output = book.toBytes();
    expect(changedParts(input, output)).toEqual(["xl/workbook.xml", SHEET]);
    // C2 (=A2*2) still shows 2 until Excel recalculates: the only workbook change is that request.
    expectOnlyRecalcRequest(input, output);
  });

  it("a formula change drops the calculation chain (with its relationship and type) and asks Excel to recalculate", async () => {
    const input = await withCalcChain(
      await registry((ws) => (ws.getCell("C2").value = { formula: "A2*2", result: 2 })),
    );
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([{ sheet: "表", row: 2, col: 3, value: { t: "number", v: 7 } }]);
    const out = partsOf(book.toBytes());
    expect(out.has("xl/calcChain.xml")).toBe(false);
    expect(out.get("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(out.get("[Content_Types].xml")).not.toContain("calcChain");
    expect(out.get("xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

/** The package with a calcChain part listing C2 of sheet 1. */
async function withCalcChain(bytes: Uint8Array): Promise<Uint8Array> {
  let parts = unzipParts(bytes);
  parts = withPart(parts, "[Content_Types].xml", (x) =>
    x.replace(
      "</Types>",
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    ),
  );
  parts = withPart(parts, "xl/_rels/workbook.xml.rels", (x) =>
    x.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    ),
  );
  parts.push({
    name: "xl/calcChain.xml",
    data: text(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C2" i="1"/></calcChain>',
    ),
  });
  return rawZip(parts);
}

describe("formulas a write must respect", () => {
  it("overwriting a shared formula's master gives every cell sharing it its own formula", async () => {
    const input = await registry((ws) => {
      for (let r = 2; r <= 5; r++) ws.getCell(r, 1).value = r;
      ws.getCell("B2").value = { formula: "A2*2", result: 4, shareType: "shared", ref: "B2:B5" } as ExcelJS.CellValue;
      for (let r = 3; r <= 5; r++) ws.getCell(r, 2).value = { sharedFormula: "B2", result: r * 2 };
    });
    expect(partsOf(input).get(SHEET)).toMatch(/<f t="shared" ref="B2:B5" si="0">A2\*2<\/f>/);
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([{ sheet: "表", row: 2, col: 2, value: { t: "string", v: "人工填写" } }]);
    const ws = (await excelOf(book)).getWorksheet("表")!;
    expect(ws.getCell("B2").value).toBe("人工填写");
    expect([3, 4, 5].map((r) => ws.getCell(r, 2).formula)).toEqual(["A3*2", "A4*2", "A5*2"]);
    expect([3, 4, 5].map((r) => (ws.getCell(r, 2).value as { result?: number }).result)).toEqual([6, 8, 10]);
  });

  it("a cell sharing a formula is overwritten alone; the others keep sharing", async () => {
    const input = await registry((ws) => {
      ws.getCell("B2").value = { formula: "A2*2", result: 2, shareType: "shared", ref: "B2:B4" } as ExcelJS.CellValue;
      ws.getCell("B3").value = { sharedFormula: "B2", result: 0 };
      ws.getCell("B4").value = { sharedFormula: "B2", result: 0 };
    });
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.writeCells([{ sheet: "表", row: 3, col: 2, value: { t: "number", v: 9 } }]);
    const ws = (await excelOf(book)).getWorksheet("表")!;
    expect(ws.getCell("B3").value).toBe(9);
    expect(ws.getCell("B4").formula).toBe("A4*2");
    expect(ws.getCell("B2").formula).toBe("A2*2");
  });

  it("a cell inside an array formula is refused with a coded error, nothing written", async () => {
    const input = await registry((ws) => {
      ws.getCell("D2").value = { formula: "A2:A3*2", result: 2, shareType: "array", ref: "D2:D3" } as ExcelJS.CellValue;
    });
    const book = await XlsxWorkbook.fromBuffer(input);
    const write = book.writeCells([
      { sheet: "表", row: 2, col: 2, value: { t: "string", v: "先写这个" } },
      { sheet: "表", row: 3, col: 4, value: { t: "number", v: 1 } },
    ]);
    await expect(write).rejects.toMatchObject({ code: "array-formula", address: "D3" });
    await expect(write).rejects.toBeInstanceOf(XlsxWriteError);
    expect(changedParts(input, book.toBytes())).toEqual([]);
  });

  it("a table's header cell is refused (its column name lives in the table part)", async () => {
    const input = await registry((ws) =>
      ws.addTable({
        name: "事项表",
        ref: "F1",
        headerRow: true,
        columns: [{ name: "编号" }, { name: "内容" }],
        rows: [["〔2026〕1号", "甲"]],
      }),
    );
    const book = await XlsxWorkbook.fromBuffer(input);
    await expect(
      book.writeCells([{ sheet: "表", row: 1, col: 7, value: { t: "string", v: "改名" } }]),
    ).rejects.toMatchObject({
      code: "table-header",
    });
    await book.writeCells([{ sheet: "表", row: 2, col: 7, value: { t: "string", v: "乙" } }]);
    expect((await excelOf(book)).getWorksheet("表")!.getCell("G2").value).toBe("乙");
  });
});

describe("macro workbooks", () => {
  it("an .xlsm keeps its macro content type and its VBA project byte for byte", async () => {
    let parts = unzipParts(await registry());
    parts = withPart(parts, "[Content_Types].xml", (x) =>
      x
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        )
        .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    parts = withPart(parts, "xl/_rels/workbook.xml.rels", (x) =>
      x.replace(
        "</Relationships>",
        '<Relationship Id="rId98" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    const vba = new Uint8Array(4096).map((_, i) => (i * 31) & 0xff);
    parts.push({ name: "xl/vbaProject.bin", data: vba });
    const input = rawZip(parts);
    const book = await XlsxWorkbook.fromBuffer(input, "宏.xlsm");
    expect(book.macroEnabled).toBe(true);
    await book.writeCells([{ sheet: "表", row: 2, col: 3, value: { t: "string", v: "x" } }]);
    const output = book.toBytes();
    expect(changedParts(input, output)).toEqual(["xl/workbook.xml", SHEET]);
    expect(partsOf(output).get("[Content_Types].xml")).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    expect(Buffer.from(unzipSync(output)["xl/vbaProject.bin"]).equals(Buffer.from(vba))).toBe(true);
  });
});

describe("deleting a sheet", () => {
  it("removes its part, relationship, content type, title and scoped names; later scoped names move down", async () => {
    const input = await registry((_, wb) => {
      wb.addWorksheet("第三").getCell("A1").value = 3;
      wb.getWorksheet("其他")!.getCell("B2").note = "批注";
      wb.definedNames.add("'其他'!$A$1", "本表名");
      wb.getWorksheet("第三")!.pageSetup.printArea = "A1:B2";
    });
    const book = await XlsxWorkbook.fromBuffer(input);
    await book.deleteSheet("其他");
    const out = partsOf(book.toBytes());
    expect(await book.sheetNames()).toEqual(["表", "第三"]);
    expect(out.has("xl/worksheets/sheet2.xml")).toBe(false);
    expect([...out.keys()].some((n) => n.includes("comments"))).toBe(false);
    expect(out.get("[Content_Types].xml")).not.toContain("sheet2.xml");
    expect(out.get("docProps/app.xml")).not.toContain("其他");
    const wb = await excelOf(book);
    expect(wb.getWorksheet("第三")!.pageSetup.printArea).toBe("A1:B2");
    expect(out.get("xl/workbook.xml")).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="1">/);
  });
});

describe("the 1904 date system", () => {
  it("dates read and written in a 1904 workbook are the days shown", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = new Date(Date.UTC(2021, 2, 31));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const book = await bookOf(wb);
    expect(book.cellValue("s", 1, 1)).toEqual({ t: "date", v: "2021-03-31" });
    await book.writeCells([{ sheet: "s", row: 2, col: 1, value: { t: "date", v: "2026-11-25" } }]);
    expect((await reopened(book)).cellValue("s", 2, 1)).toEqual({ t: "date", v: "2026-11-25" });
  });
});

describe("setup plans change only their own rules and names", () => {
  const sheetPlan = {
    name: "表",
    cells: [],
    merges: [],
    columns: [],
    numberFormats: [],
    conditionalFormats: [],
    conditionalFormatSignatures: [],
  };

  it("a planned validation takes over its cells; the person's rule keeps the others; no cell has two rules", async () => {
    const input = await registry((ws) => {
      for (let r = 3; r <= 10; r++)
        ws.getCell(r, 5).dataValidation = { type: "list", allowBlank: true, formulae: ['"甲,乙"'] };
    });
    const book = await XlsxWorkbook.fromBuffer(input);
    const plan = {
      sheets: [
        {
          ...sheetPlan,
          validations: [
            {
              range: { top: 5, left: 5, bottom: 20, right: 5 },
              rule: { kind: "list" as const, source: '"特急,加急,一般"' },
              errorStyle: "stop" as const,
              errorTitle: "紧急程度",
              error: "请从列表中选择",
            },
          ],
        },
      ],
      names: [],
      notes: [],
    };
    expect((await book.applySetupPlan(plan)).changes).toEqual([{ sheet: "表", kind: "validations", count: 16 }]);
    expect((await book.applySetupPlan(plan)).changes).toEqual([]);
    const xml = partsOf(book.toBytes()).get(SHEET)!;
    const rules = [...xml.matchAll(/<dataValidation\b[^>]*sqref="([^"]*)"[^>]*>.*?<formula1>([^<]*)<\/formula1>/g)].map(
      (m) => [m[1], m[2].replace(/&quot;/g, '"')],
    );
    expect(rules).toEqual([
      ["E3:E4", '"甲,乙"'],
      ["E5:E20", '"特急,加急,一般"'],
    ]);
    expect(xml).toMatch(/<dataValidations count="2">/);
  });

  it("a name the person defined as a formula is not silently replaced: the book notes the loss", async () => {
    const input = await registry((_, wb) => wb.definedNames.add("'其他'!$A$1:$A$3", "别的名字"));
    const parts = withPart(unzipParts(input), "xl/workbook.xml", (x) =>
      x.replace(
        "</definedNames>",
        '<definedName name="科室列表">OFFSET(其他!$A$1,0,0,COUNTA(其他!$A:$A),1)</definedName></definedNames>',
      ),
    );
    const book = await XlsxWorkbook.fromBuffer(rawZip(parts));
    await book.applySetupPlan({
      sheets: [],
      names: [{ name: "科室列表", sheet: "表", range: { top: 10, left: 1, bottom: 29, right: 1 } }],
      notes: [],
    });
    expect(book.losses).toEqual([expect.stringContaining("定义名称“科室列表”原为“OFFSET(")]);
    const wb = partsOf(book.toBytes()).get("xl/workbook.xml")!;
    expect(wb).toContain('<definedName name="别的名字">');
    expect(wb).toContain("&apos;其他&apos;!$A$1:$A$3");
  });

  it("names a plan lists as obsolete are removed; a note-only validation refuses nothing and keeps its message", async () => {
    const input = await registry((_, wb) => {
      wb.definedNames.add("'表'!$A$1:$A$9", "旧日历");
      wb.definedNames.add("'表'!$B$1:$B$9", "别人的");
    });
    const book = await XlsxWorkbook.fromBuffer(input);
    const note = {
      range: { top: 2, left: 4, bottom: 9, right: 4 },
      rule: { kind: "note" },
      errorStyle: "information",
      errorTitle: "",
      error: "",
      prompt: "填写日期，如 2026-03-05",
      promptTitle: "日期",
    } as unknown as import("../../../src/domain/setup-plan-types").ValidationPlan;
    const out = await book.applySetupPlan({
      sheets: [{ ...sheetPlan, validations: [note] }],
      names: [],
      notes: [],
      obsoleteNames: ["旧日历"],
    } as import("../../../src/domain/setup-plan-types").WorkbookPlan);
    expect(out.changes).toEqual([
      { sheet: "表", kind: "validations", count: 8 },
      { sheet: "", kind: "names", count: 1 },
    ]);
    const parts = partsOf(book.toBytes());
    expect(parts.get("xl/workbook.xml")).not.toContain("旧日历");
    expect(parts.get("xl/workbook.xml")).toContain('name="别人的"');
    expect(parts.get(SHEET)).toMatch(
      /<dataValidation type="custom"[^>]*promptTitle="日期"[^>]*sqref="D2:D9"><formula1>TRUE<\/formula1>/,
    );
  });
});
