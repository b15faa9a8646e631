/**
 * Properties of writing a workbook file (issue 10), on every corpus workbook: arbitrary cells
 * written through the xlsx adapter and saved, then read again, give back exactly the cells
 * written plus everything that was there; and the saved package keeps every part it had no
 * reason to change (the corpus harness's comparison, with the cells written as the ones set).
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import type { CellWrite } from "../../src/app/port";
import type { CellValue } from "../../src/domain/cell";
import { XlsxWorkbook } from "../../src/adapters/xlsx/xlsx-workbook";
import { makeTempDir, removeDir } from "../cli/helpers";
import { CORPUS } from "../corpus/build/corpus";
import { REGISTRY } from "../corpus/build/registry";
import { comparePackageParts } from "../corpus/harness/compare-parts";
import { compareSheets } from "../corpus/harness/compare-sheets";
import { compareWorkbook } from "../corpus/harness/compare-workbook";
import { Findings, formatFindings } from "../corpus/harness/findings";
import { POLICIES } from "../corpus/harness/policy";
import { columnName } from "../corpus/harness/sheet-cells";
import { readParts } from "../corpus/ooxml/zip";
import { SEED } from "./arbitraries";

jest.setTimeout(180_000);

let dir: string;
const bytes = new Map<string, Uint8Array>();
beforeAll(() => {
  dir = makeTempDir();
  for (const e of CORPUS) bytes.set(e.file, e.build());
});
afterAll(() => removeDir(dir));

/** Text as clerks paste it: CJK, markup characters, white space at the ends, a vertical tab from Word, Excel's own escape form. */
const text = fc.oneof(
  fc.string({ maxLength: 40, unit: "grapheme" }),
  fc.constantFrom(
    "<&>\"'",
    "  前后有空格  ",
    "第一行\n第二行",
    "制表\t符",
    "Word 粘贴\u000b换行",
    "_x000D_",
    "=SUM(A1:A3)",
    "007",
    "2021-03-05",
    "〔2026〕9号",
    "😀 表情",
  ),
  fc
    .array(fc.constantFrom("督", "办", "事", "项", " ", "\n", "&", "<", "a", "1"), { maxLength: 200 })
    .map((a) => a.join("")),
);

const value: fc.Arbitrary<{ value: CellValue; numFmt?: string }> = fc.oneof(
  text.map((v) => ({ value: { t: "string", v } as CellValue })),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((v) => ({ value: { t: "number", v: Object.is(v, -0) ? 0 : v } as CellValue })),
  fc
    .integer({ min: -1e6, max: 1e6 })
    .map((v) => ({ value: { t: "number", v, fmt: "0.00" } as CellValue, numFmt: "0.00" })),
  fc.boolean().map((v) => ({ value: { t: "bool", v } as CellValue })),
  fc
    .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
    .map((d) => ({ value: { t: "date", v: d.toISOString().slice(0, 10) } as CellValue })),
  fc.constant({ value: { t: "empty" } as CellValue }),
);

/** Registry cells that hold a date format (their numbers read back as dates). */
const DATE_CELLS = (row: number, col: number) => row >= 3 && row <= 10 && [7, 8, 12].includes(col);

/** Writes to distinct cells of the registry below its header (never into a date-formatted cell unless a date). */
const writes = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 3, max: 30 }), fc.integer({ min: 1, max: 20 }), value), {
    minLength: 1,
    maxLength: 12,
    selector: ([r, c]) => `${r}:${c}`,
  })
  .map((list) =>
    list
      .filter(([r, c, v]) => !DATE_CELLS(r, c) || v.value.t === "date")
      .map(([row, col, v]): CellWrite => ({
        sheet: REGISTRY,
        row,
        col,
        value: v.value,
        ...(v.numFmt ? { numFmt: v.numFmt } : {}),
      })),
  );

/** Every non-empty cell of every sheet, by "sheet!row:col". */
async function cellsOf(book: XlsxWorkbook): Promise<Map<string, CellValue>> {
  const out = new Map<string, CellValue>();
  for (const grid of await book.readSheets(await book.sheetNames())) {
    grid.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v.t !== "empty") out.set(`${grid.name}!${r + 1}:${c + 1}`, v);
      }),
    );
  }
  return out;
}

/** What reading gives back for a written value ("" reads as empty). */
function expected(v: CellValue): CellValue | null {
  if (v.t === "empty" || (v.t === "string" && v.v === "")) return null;
  return v;
}

let n = 0;
async function writeAndSave(file: string, list: readonly CellWrite[]) {
  const source = path.join(dir, `${(n += 1)}-${file}`);
  fs.writeFileSync(source, bytes.get(file)!);
  const book = await XlsxWorkbook.load(source);
  const before = await cellsOf(book);
  await book.writeCells(list);
  const out = path.join(dir, `${n}-out-${file}`);
  await book.save(out);
  return { source, out, before };
}

describe("writing cells to a corpus workbook and saving it", () => {
  it("reads back exactly the cells written plus everything that was there", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CORPUS.map((e) => e.file)), writes, async (file, list) => {
        const { out, before } = await writeAndSave(file, list);
        const want = new Map(before);
        for (const w of list) {
          const key = `${w.sheet}!${w.row}:${w.col}`;
          const v = expected(w.value);
          if (v) want.set(key, v);
          else want.delete(key);
        }
        const got = await cellsOf(await XlsxWorkbook.load(out));
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it("keeps every part, name, format and cell it did not write (the corpus comparison)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CORPUS.map((e) => e.file)), writes, async (file, list) => {
        const { out } = await writeAndSave(file, list);
        const setCells = new Map(list.map((w) => [`${w.sheet}!${columnName(w.col)}${w.row}`, null] as const));
        // Writing over a formula cell (序号 is =ROW()-2) changes formulas: calcChain may then go.
        const policy = { ...POLICIES.number, writesFormulas: true, restyles: true };
        const c = {
          input: readParts(bytes.get(file)!),
          output: readParts(fs.readFileSync(out)),
          policy,
          registry: REGISTRY,
          setCells,
        };
        const f = new Findings();
        comparePackageParts(c, f);
        compareWorkbook(c, f);
        compareSheets(c, f);
        expect(formatFindings(f.list)).toBe("");
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
