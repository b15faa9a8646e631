/**
 * Property (issue 10): arbitrary cell values written at arbitrary positions over an existing
 * sheet, saved and read again, give back exactly the cells written plus everything that was
 * there — by the adapter's reader and by ExcelJS's. fast-check, fixed seed, bounded runs.
 */
import * as ExcelJS from "exceljs";
import fc from "fast-check";
import { EMPTY, type CellValue } from "../../../src/domain/cell";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { referenceGrids } from "./exceljs-reference";
import { reopened } from "./helpers";

const ROWS = 30;
const COLS = 12;

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom(
    "〔2026〕3号",
    " 两端空格 ",
    "a&b<c>\"d'",
    "_x0041_ 不是转义",
    "行一\n行二",
    "\u0001控制\u001f",
    "\t",
  ),
);
const value: fc.Arbitrary<CellValue> = fc.oneof(
  text.map((v) => ({ t: "string", v }) as CellValue),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((v) => ({ t: "number", v: Object.is(v, -0) ? 0 : v }) as CellValue),
  fc.integer({ min: -1e9, max: 1e9 }).map((v) => ({ t: "number", v }) as CellValue),
  fc
    .constantFrom("0.00", "0%", "#,##0")
    .chain((fmt) =>
      fc
        .double({ min: -1e6, max: 1e6, noNaN: true })
        .map((v) => ({ t: "number", v: Object.is(v, -0) ? 0 : v, fmt }) as CellValue),
    ),
  fc.boolean().map((v) => ({ t: "bool", v }) as CellValue),
  fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?").map((v) => ({ t: "error", v }) as CellValue),
  fc
    .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
    .map((d) => ({ t: "date", v: d.toISOString().slice(0, 10) }) as CellValue),
  fc.constant(EMPTY),
);
const position = fc.record({ row: fc.integer({ min: 1, max: ROWS }), col: fc.integer({ min: 1, max: COLS }) });

/**
 * ExcelJS does not decode Excel's _xHHHH_ escapes in inline strings (Excel does, and so does the
 * adapter): such text is compared with the adapter's reader only.
 */
function excelJsReadsAsWritten(v: CellValue): boolean {
  // eslint-disable-next-line no-control-regex
  return !(v.t === "string" && /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(v.v));
}

/** What the reader gives back for a written value (an empty string is an empty cell). */
function readBack(v: CellValue): CellValue {
  if (v.t === "string" && v.v === "") return EMPTY;
  return v;
}

async function existing(seedCells: { row: number; col: number; v: string | number }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "督办事项登记表";
  for (const c of seedCells) ws.getCell(c.row, c.col).value = c.v;
  ws.getCell("L30").value = { formula: 'A1&""', result: "督办事项登记表" };
  wb.addWorksheet("另一张").getCell("B2").value = "不动";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function cellAt(rows: readonly (readonly CellValue[])[], row: number, col: number): CellValue {
  return rows[row - 1]?.[col - 1] ?? EMPTY;
}

describe("written cells read back exactly, everything else as it was", () => {
  it("arbitrary writes (seed 20261125, 60 runs)", async () => {
    const seeds = fc.array(
      fc.record({
        row: fc.integer({ min: 2, max: ROWS - 1 }),
        col: fc.integer({ min: 1, max: COLS }),
        v: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
      }),
      { maxLength: 40 },
    );
    // One write per cell: a number written without a format over a date keeps the cell's date
    // format (as in Excel), so a second write to the same cell would not read back as itself.
    const writes = fc.uniqueArray(fc.record({ pos: position, value }), {
      minLength: 1,
      maxLength: 40,
      selector: (w) => `${w.pos.row},${w.pos.col}`,
    });
    await fc.assert(
      fc.asyncProperty(seeds, writes, async (seed, ws) => {
        const input = await existing(seed);
        const book = await XlsxWorkbook.fromBuffer(input);
        const [before] = await book.readSheets(["表"]);
        await book.writeCells(ws.map((w) => ({ sheet: "表", row: w.pos.row, col: w.pos.col, value: w.value })));
        const last = new Map(ws.map((w) => [`${w.pos.row},${w.pos.col}`, readBack(w.value)]));
        const again = await reopened(book);
        const [after] = await again.readSheets(["表"]);
        const [reference] = await referenceGrids(await again.toBuffer());
        for (let r = 1; r <= ROWS; r++) {
          for (let c = 1; c <= COLS; c++) {
            const expected = last.get(`${r},${c}`) ?? cellAt(before.rows, r, c);
            expect([r, c, cellAt(after.rows, r, c)]).toEqual([r, c, expected]);
            if (excelJsReadsAsWritten(expected)) expect([r, c, cellAt(reference.rows, r, c)]).toEqual([r, c, expected]);
          }
        }
        expect((await again.readSheets(["另一张"]))[0].rows[1][1]).toEqual({ t: "string", v: "不动" });
      }),
      { seed: 20261125, numRuns: 60 },
    );
  }, 60000);
});
