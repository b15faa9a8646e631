import * as ExcelJS from "exceljs";
import {
  DATE1904_OFFSET,
  DATE_NUM_FMT,
  dateToIso,
  fromCellValue,
  fromRawValue,
  toCellValue,
} from "../../../src/adapters/xlsx/cell-value";
import type { CellValue } from "../../../src/domain/cell";

/** A sheet whose cells are set in code, then the same sheet after a save and reload. */
async function sheetPair(fill: (ws: ExcelJS.Worksheet) => void): Promise<[ExcelJS.Worksheet, ExcelJS.Worksheet]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("登记表");
  fill(ws);
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(await wb.xlsx.writeBuffer());
  return [ws, reloaded.getWorksheet("登记表")!];
}

describe("toCellValue reads every shape ExcelJS gives", () => {
  const cases: [string, (cell: ExcelJS.Cell) => void, CellValue][] = [
    [
      "a number keeps its number format",
      (c) => ((c.value = 3.5), (c.numFmt = "0.00")),
      { t: "number", v: 3.5, fmt: "0.00" },
    ],
    ["a number without format has no fmt", (c) => (c.value = 7), { t: "number", v: 7 }],
    ["a string is a string, spaces kept", (c) => (c.value = " 督办 "), { t: "string", v: " 督办 " }],
    ["true is a bool", (c) => (c.value = true), { t: "bool", v: true }],
    ["false is a bool", (c) => (c.value = false), { t: "bool", v: false }],
    [
      "a JS Date gives its UTC calendar day",
      (c) => ((c.value = new Date(Date.UTC(2021, 2, 5))), (c.numFmt = "yyyy-mm-dd")),
      { t: "date", v: "2021-03-05" },
    ],
    [
      "rich text runs are concatenated",
      (c) => (c.value = { richText: [{ text: "落实", font: { bold: true } }, { text: "区政府" }, { text: "部署" }] }),
      { t: "string", v: "落实区政府部署" },
    ],
    ["a formula gives its cached number", (c) => (c.value = { formula: "1+2", result: 3 }), { t: "number", v: 3 }],
    [
      "a formula gives its cached text",
      (c) => (c.value = { formula: '"逾"&"期"', result: "逾期" }),
      { t: "string", v: "逾期" },
    ],
    [
      "a formula with an error result is an error",
      (c) => (c.value = { formula: "NA()", result: { error: "#N/A" } }),
      { t: "error", v: "#N/A" },
    ],
    [
      "a formula without a cached result is empty",
      (c) => (c.value = { formula: "A1*2" } as ExcelJS.CellFormulaValue),
      { t: "empty" },
    ],
    ["an error value is an error", (c) => (c.value = { error: "#REF!" }), { t: "error", v: "#REF!" }],
    [
      "a hyperlink gives its text",
      (c) => (c.value = { text: "区政府文件", hyperlink: "https://example.cn/a" }),
      { t: "string", v: "区政府文件" },
    ],
    ["an untouched cell is empty", () => undefined, { t: "empty" }],
    ["null is empty", (c) => (c.value = null), { t: "empty" }],
  ];

  it.each(cases)("%s (built in code)", async (_, fill, expected) => {
    const [ws] = await sheetPair((s) => fill(s.getCell("B2")));
    expect(toCellValue(ws.getCell("B2"))).toEqual(expected);
  });

  it.each(cases)("%s (after save and reload)", async (_, fill, expected) => {
    const [, reloaded] = await sheetPair((s) => fill(s.getCell("B2")));
    expect(toCellValue(reloaded.getCell("B2"))).toEqual(expected);
  });

  it("a serial number with a date format is read back as that date", async () => {
    const [, reloaded] = await sheetPair((s) => {
      s.getCell("A1").value = 44286;
      s.getCell("A1").numFmt = DATE_NUM_FMT;
    });
    expect(toCellValue(reloaded.getCell("A1"))).toEqual({ t: "date", v: "2021-03-31" });
  });

  it("a serial number without a date format stays a number (the engine reads it as a date)", async () => {
    const [, reloaded] = await sheetPair((s) => (s.getCell("A1").value = 44286));
    expect(toCellValue(reloaded.getCell("A1"))).toEqual({ t: "number", v: 44286 });
  });

  it("a date with a time of day gives the day (UTC parts, whatever the machine's zone)", () => {
    expect(fromRawValue(new Date(Date.UTC(2021, 11, 31, 23, 59)))).toEqual({ t: "date", v: "2021-12-31" });
  });

  it("a shared formula gives its cached result, on the master and the shared cells", async () => {
    const [, reloaded] = await sheetPair((s) => {
      s.getCell("A1").value = 2;
      s.getCell("A2").value = 5;
      s.getCell("B1").value = { formula: "A1*2", result: 4, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellValue;
      s.getCell("B2").value = { sharedFormula: "B1", result: 10 };
    });
    expect(reloaded.getCell("B2").formulaType).toBe(ExcelJS.FormulaType.Shared);
    expect(toCellValue(reloaded.getCell("B1"))).toEqual({ t: "number", v: 4 });
    expect(toCellValue(reloaded.getCell("B2"))).toEqual({ t: "number", v: 10 });
  });

  it("a hyperlink whose text is rich text gives the concatenated text", () => {
    const value = { text: { richText: [{ text: "通知" }, { text: "单" }] }, hyperlink: "#'通知单'!A1" };
    expect(fromRawValue(value)).toEqual({ t: "string", v: "通知单" });
  });

  it("the covered cells of a merged range are empty, the master keeps the value", async () => {
    const [ws, reloaded] = await sheetPair((s) => {
      s.getCell("A1").value = "督办事项登记表";
      s.mergeCells("A1:N1");
    });
    for (const sheet of [ws, reloaded]) {
      expect(toCellValue(sheet.getCell("A1"))).toEqual({ t: "string", v: "督办事项登记表" });
      expect(toCellValue(sheet.getCell("B1"))).toEqual({ t: "empty" });
      expect(toCellValue(sheet.getCell("N1"))).toEqual({ t: "empty" });
    }
  });

  it("non-finite numbers and invalid dates are empty, not garbage", () => {
    expect(fromRawValue(Number.NaN)).toEqual({ t: "empty" });
    expect(fromRawValue(new Date(Number.NaN))).toEqual({ t: "empty" });
    expect(dateToIso(new Date(Number.NaN))).toBeNull();
  });
});

describe("fromCellValue writes what ExcelJS should store", () => {
  it.each<[string, CellValue, ReturnType<typeof fromCellValue>]>([
    ["empty clears the value", { t: "empty" }, { value: null }],
    ["a string stays a string", { t: "string", v: "〔2026〕3号" }, { value: "〔2026〕3号" }],
    ["a number without format", { t: "number", v: 12 }, { value: 12 }],
    ["a number with its format", { t: "number", v: 0.5, fmt: "0%" }, { value: 0.5, numFmt: "0%" }],
    ["a bool", { t: "bool", v: true }, { value: true }],
    ["an error", { t: "error", v: "#N/A" }, { value: { error: "#N/A" } }],
    [
      "a date is its serial number with the 年月日 format",
      { t: "date", v: "2021-03-31" },
      { value: 44286, numFmt: DATE_NUM_FMT },
    ],
    ["the first day of 1900 is serial 1", { t: "date", v: "1900-01-01" }, { value: 1, numFmt: DATE_NUM_FMT }],
    [
      "1900-03-01 is serial 61 (after Excel's fictitious 29 February)",
      { t: "date", v: "1900-03-01" },
      { value: 61, numFmt: DATE_NUM_FMT },
    ],
  ])("%s", (_, value, expected) => {
    expect(fromCellValue(value)).toEqual(expected);
  });

  it("a date is never written as a JS Date (the file must hold a serial)", () => {
    expect(typeof fromCellValue({ t: "date", v: "2026-11-25" }).value).toBe("number");
  });

  it("in a 1904 workbook the serial is shifted by 1462 days", () => {
    expect(fromCellValue({ t: "date", v: "2021-03-31" }, { date1904: true }).value).toBe(44286 - DATE1904_OFFSET);
  });

  it("a date that has no serial (before 1900) is refused, not written wrong", () => {
    expect(() => fromCellValue({ t: "date", v: "1899-12-31" })).toThrow(RangeError);
  });

  it.each<CellValue>([
    { t: "string", v: "督办" },
    { t: "number", v: 3, fmt: "0.0" },
    { t: "bool", v: false },
    { t: "error", v: "#DIV/0!" },
    { t: "date", v: "2026-10-09" },
  ])("%j survives write, save and read", async (value) => {
    const wb = new ExcelJS.Workbook();
    const cell = wb.addWorksheet("s").getCell("C3");
    const w = fromCellValue(value);
    cell.value = w.value;
    if (w.numFmt) cell.numFmt = w.numFmt;
    const reloaded = new ExcelJS.Workbook();
    await reloaded.xlsx.load(await wb.xlsx.writeBuffer());
    const back = toCellValue(reloaded.getWorksheet("s")!.getCell("C3"));
    expect(back).toEqual(value);
  });
});
