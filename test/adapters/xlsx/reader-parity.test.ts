/**
 * The package reader gives the engine exactly what the ExcelJS reader gave: every value shape
 * (the cases of cell-value.test.ts), then arbitrary sheets generated with fast-check (fixed
 * seed, bounded runs) — same rows, same padding, same merges.
 */
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { DATE_NUM_FMT } from "../../../src/adapters/xlsx/cell-value";
import { referenceGrids } from "./exceljs-reference";

async function both(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("登记表"), wb);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const book = await XlsxWorkbook.fromBuffer(bytes);
  return { ours: await book.readSheets(await book.sheetNames()), reference: await referenceGrids(bytes) };
}

const SHAPES: [string, (c: ExcelJS.Cell) => void][] = [
  ["a number with its format", (c) => ((c.value = 3.5), (c.numFmt = "0.00"))],
  ["a number without format", (c) => (c.value = 7)],
  ["text with spaces kept", (c) => (c.value = " 督办 ")],
  ["text with a line break and XML characters", (c) => (c.value = "a<b>&\n\"c'")],
  ["text with a control character", (c) => (c.value = "a\u0001b")],
  ["booleans", (c) => (c.value = false)],
  ["a date", (c) => ((c.value = new Date(Date.UTC(2021, 2, 5))), (c.numFmt = "yyyy-mm-dd"))],
  ["a serial with the 年月日 format", (c) => ((c.value = 44286), (c.numFmt = DATE_NUM_FMT))],
  ["a time of day", (c) => ((c.value = 0.75), (c.numFmt = "h:mm"))],
  ["rich text", (c) => (c.value = { richText: [{ text: "落实", font: { bold: true } }, { text: "区政府" }] })],
  ["a formula's cached number", (c) => (c.value = { formula: "1+2", result: 3 })],
  ["a formula's cached text", (c) => (c.value = { formula: '"逾"&"期"', result: "逾期" })],
  [
    "a formula's cached date",
    (c) => ((c.value = { formula: "TODAY()", result: new Date(Date.UTC(2026, 10, 25)) }), (c.numFmt = "yyyy-mm-dd")),
  ],
  ["a formula's error", (c) => (c.value = { formula: "NA()", result: { error: "#N/A" } })],
  ["a formula without a cached result", (c) => (c.value = { formula: "A1*2" } as ExcelJS.CellFormulaValue)],
  ["an error value", (c) => (c.value = { error: "#REF!" })],
  ["a hyperlink", (c) => (c.value = { text: "区政府文件", hyperlink: "https://example.cn/a" })],
  ["a styled empty cell", (c) => (c.font = { bold: true })],
  ["an empty string", (c) => (c.value = "")],
  ["a percentage", (c) => ((c.value = 0.125), (c.numFmt = "0.0%"))],
];

describe("the package reader agrees with the ExcelJS reader", () => {
  it.each(SHAPES)("%s", async (_, fill) => {
    const { ours, reference } = await both((ws) => {
      ws.getCell("A1").value = "序号";
      fill(ws.getCell("B2"));
    });
    expect(ours).toEqual(reference);
  });

  it("merged ranges: the master keeps its value, covered cells are empty", async () => {
    const { ours, reference } = await both((ws) => {
      ws.getCell("A1").value = "督办事项登记表";
      ws.mergeCells("A1:N1");
      ws.getCell("B3").value = "〔2021〕3号";
      ws.mergeCells("B3:B5");
      ws.getCell("C3").value = "甲";
    });
    expect(ours).toEqual(reference);
    expect(ours[0].merges).toHaveLength(2);
  });

  it("the 1904 date system", async () => {
    const { ours, reference } = await both((ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell("A1").value = new Date(Date.UTC(2021, 2, 31));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    expect(ours).toEqual(reference);
    expect(ours[0].rows[0][0]).toEqual({ t: "date", v: "2021-03-31" });
  });

  it("shared formulas: master and dependents give their cached values", async () => {
    const { ours, reference } = await both((ws) => {
      ws.getCell("A1").value = 2;
      ws.getCell("A2").value = 5;
      ws.getCell("B1").value = { formula: "A1*2", result: 4, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 10 };
    });
    expect(ours).toEqual(reference);
  });

  it("arbitrary sheets (fast-check, seed 20261125, 40 runs)", async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("督办", " 前后有空格 ", "a&b<c>", "〔2026〕3号", "_x0041_", "第一行\n第二行"),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }),
      fc
        .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
        .map((d) => {
          const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
          return { date: day };
        }),
    );
    const cell = fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 16 }), value });
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { maxLength: 60 }), async (cells) => {
        const { ours, reference } = await both((ws) => {
          for (const c of cells) {
            const target = ws.getCell(c.row, c.col);
            if (typeof c.value === "object" && c.value !== null && "date" in c.value) {
              target.value = c.value.date;
              target.numFmt = "yyyy-mm-dd";
            } else {
              target.value = c.value as ExcelJS.CellValue;
            }
          }
        });
        expect(ours).toEqual(reference);
      }),
      { seed: 20261125, numRuns: 40 },
    );
  });
});
