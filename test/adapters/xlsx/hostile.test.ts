/**
 * Hostile and malformed packages (issue 10): every class is refused while opening with a coded
 * Chinese error, by the library and by the command line (exit 2, nothing written) — a zip bomb
 * that tells the truth and one that lies, part names escaping a folder, duplicate names, a
 * truncated or corrupt archive, DTDs and entities (XXE, "billion laughs"), a dimension claiming a
 * million rows, a 40,000-character cell, strict Open XML, templates and binary workbooks.
 */
import * as fs from "fs";
import * as path from "path";
import { XlsxLoadError, type XlsxLoadErrorCode } from "../../../src/adapters/xlsx/load-errors";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";
import { XlsxBook } from "../../../src/adapters/xlsx/book/book";
import { MAX_PART_BYTES } from "../../../src/adapters/xlsx/package/limits";
import { makeTempDir, removeDir, runCli } from "../../cli/helpers";
import { rawZip, registryParts, text, withPart, type RawEntry } from "./zip-fixtures";

let dir: string;
let parts: RawEntry[];
beforeAll(async () => {
  dir = makeTempDir();
  parts = await registryParts();
});
afterAll(() => removeDir(dir));

const SHEET = "xl/worksheets/sheet1.xml";
const CONTENT_TYPES = "[Content_Types].xml";

/** A sheet's sheetData with one row holding an inline string. */
function inlineCell(textValue: string): (xml: string) => string {
  return (xml) =>
    xml.replace(
      "</sheetData>",
      `<row r="9"><c r="A9" t="inlineStr"><is><t>${textValue}</t></is></c></row></sheetData>`,
    );
}

/** Each fixture is built once, whichever test asks first. */
function once(make: () => Uint8Array): () => Uint8Array {
  let bytes: Uint8Array | undefined;
  return () => (bytes ??= make());
}

const RAW_CASES: [string, () => Uint8Array, XlsxLoadErrorCode][] = [
  [
    "a part declaring more than the per-part limit (a zip bomb that tells the truth)",
    () => rawZip([...parts, { name: "xl/media/bomb.bin", data: text("x"), declaredSize: MAX_PART_BYTES + 1, crc: 0 }]),
    "too-large",
  ],
  [
    "parts declaring more than the total limit together",
    () =>
      rawZip([
        ...parts,
        ...Array.from({ length: 6 }, (_, i) => ({
          name: `xl/media/big${i}.bin`,
          data: text("x"),
          declaredSize: MAX_PART_BYTES - 1,
          crc: 0,
        })),
      ]),
    "too-large",
  ],
  [
    "a sheet that inflates far beyond the size it declares (a zip bomb that lies)",
    () => {
      const sheet = parts.find((p) => p.name === SHEET)!;
      const huge = new Uint8Array(64 * 1024 * 1024).fill(0x20);
      huge.set(sheet.data);
      return rawZip(parts.map((p) => (p.name === SHEET ? { ...p, data: huge, declaredSize: sheet.data.length } : p)));
    },
    "too-large",
  ],
  ["a part name with “..”", () => rawZip([...parts, { name: "xl/../../evil.xml", data: text("<x/>") }]), "unsafe-part"],
  ["an absolute part name", () => rawZip([...parts, { name: "/etc/cron.d/x", data: text("x") }]), "unsafe-part"],
  [
    "a part name with backslashes",
    () => rawZip([...parts, { name: "xl\\..\\evil.xml", data: text("x") }]),
    "unsafe-part",
  ],
  ["a drive-letter part name", () => rawZip([...parts, { name: "C:/evil.xml", data: text("x") }]), "unsafe-part"],
  [
    "two parts of the same name",
    () => rawZip([...parts, { name: SHEET.toUpperCase(), data: text("<x/>") }]),
    "unsafe-part",
  ],
  [
    "a truncated archive",
    () => {
      const bytes = rawZip(parts);
      return bytes.subarray(0, bytes.length - 40);
    },
    "corrupt",
  ],
  [
    "a part whose CRC does not match",
    () => rawZip(parts.map((p) => (p.name === SHEET ? { ...p, crc: 12345 } : p))),
    "corrupt",
  ],
  ["an encrypted zip entry", () => rawZip(parts.map((p) => (p.name === SHEET ? { ...p, flags: 1 } : p))), "encrypted"],
  [
    "an external entity (XXE) in the workbook part",
    () =>
      rawZip(
        withPart(parts, "xl/workbook.xml", (x) =>
          x.replace("?>", '?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
        ),
      ),
    "unsafe-xml",
  ],
  [
    "entity expansion (“billion laughs”) in a sheet",
    () =>
      rawZip(
        withPart(parts, SHEET, (x) =>
          x.replace(
            "?>",
            '?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
          ),
        ),
      ),
    "unsafe-xml",
  ],
  [
    "an entity declared inside the shared strings",
    () => rawZip(withPart(parts, "xl/sharedStrings.xml", (x) => x.replace("?>", '?><!ENTITY a "b">'))),
    "unsafe-xml",
  ],
  [
    "a sheet whose dimension claims a million rows",
    () =>
      rawZip(withPart(parts, SHEET, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:F1000000"/>'))),
    "dimension-claim",
  ],
  [
    "a cell of 40,000 characters",
    () => rawZip(withPart(parts, SHEET, inlineCell("长".repeat(40000)))),
    "cell-too-long",
  ],
  [
    "a strict Open XML workbook",
    () =>
      rawZip(
        withPart(parts, "xl/workbook.xml", (x) =>
          x.replace(
            'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
            'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"',
          ),
        ),
      ),
    "strict-ooxml",
  ],
  [
    "a template (.xltx)",
    () =>
      rawZip(
        withPart(parts, CONTENT_TYPES, (x) =>
          x.replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml"),
        ),
      ),
    "template",
  ],
  [
    "a macro-enabled template (.xltm)",
    () =>
      rawZip(
        withPart(parts, CONTENT_TYPES, (x) =>
          x.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.template.macroEnabled.main+xml",
          ),
        ),
      ),
    "template",
  ],
  [
    "a binary workbook (.xlsb)",
    () =>
      rawZip(
        withPart(parts, CONTENT_TYPES, (x) =>
          x.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
          ),
        ),
      ),
    "xlsb-format",
  ],
];

const CASES = RAW_CASES.map(([name, make, code]) => [name, once(make), code] as const);

async function loadError(bytes: Uint8Array): Promise<XlsxLoadError> {
  try {
    const book = await XlsxWorkbook.fromBuffer(bytes, "恶意.xlsx");
    await book.readSheets(await book.sheetNames());
  } catch (error) {
    if (error instanceof XlsxLoadError) return error;
    throw error;
  }
  throw new Error("opened without error");
}

describe("hostile packages are refused with a coded Chinese error", () => {
  it("the untouched fixture opens (so each refusal below is the hostile change's doing)", async () => {
    const book = await XlsxWorkbook.fromBuffer(rawZip(parts), "好的.xlsx");
    const [grid] = await book.readSheets(["督办事项登记表"]);
    expect(grid.rows[2][1]).toEqual({ t: "string", v: "〔2026〕1号" });
  });

  it.each(CASES)("%s (Node codec)", async (_, make, code) => {
    const error = await loadError(make());
    expect(error.code).toBe(code);
    expect(error.message).toContain("恶意.xlsx");
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(CASES)("%s (browser codec)", (_, make, code) => {
    let caught: unknown;
    try {
      const book = XlsxBook.fromBytes(make(), "恶意.xlsx");
      book.readSheetsSync(book.sheetNamesSync());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(XlsxLoadError);
    expect((caught as XlsxLoadError).code).toBe(code);
  });

  it.each(CASES)("%s: duban number exits 2 with one line and writes nothing", async (_, make) => {
    const input = path.join(dir, `in-${Math.random().toString(36).slice(2)}.xlsx`);
    const output = `${input}.out.xlsx`;
    fs.writeFileSync(input, make());
    const before = fs.readFileSync(input);
    const { code, stdout, stderr } = await runCli(["number", input, "-o", output]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });
});

describe("what the reader never does", () => {
  it("a dimension claiming rows the sheet has within reach is read normally (no allocation by the claim)", async () => {
    const bytes = rawZip(
      withPart(parts, SHEET, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:F90000"/>')),
    );
    const [grid] = await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(["督办事项登记表"]);
    expect(grid.rows).toHaveLength(4);
  });

  it("entities other than the five predefined ones are never expanded", async () => {
    const bytes = rawZip(withPart(parts, SHEET, inlineCell("&amp;lt;&#x4E2D;&custom;")));
    const [grid] = await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(["督办事项登记表"]);
    expect(grid.rows[8][0]).toEqual({ t: "string", v: "&lt;中&custom;" });
  });

  it("a cell of exactly 32,767 characters is read", async () => {
    const bytes = rawZip(withPart(parts, SHEET, inlineCell("长".repeat(32767))));
    const [grid] = await (await XlsxWorkbook.fromBuffer(bytes)).readSheets(["督办事项登记表"]);
    expect(grid.rows[8][0]).toEqual({ t: "string", v: "长".repeat(32767) });
  });
});
