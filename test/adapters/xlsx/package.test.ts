/**
 * The package layer on its own: zip directory reading and writing (untouched entries copied
 * with their compressed bytes), CRC-32, and the XML helpers that edit parts by position.
 */
import { unzipSync, zipSync } from "fflate";
import fc from "fast-check";
import { crc32 } from "../../../src/adapters/xlsx/package/crc32";
import { FFLATE_CODEC } from "../../../src/adapters/xlsx/package/codec";
import { OfficePackage } from "../../../src/adapters/xlsx/package/package";
import { readZipDirectory, unsafeName } from "../../../src/adapters/xlsx/package/zip-read";
import {
  applySplices,
  assertSafeXml,
  childElements,
  decodeXml,
  escapeAttr,
  escapeText,
  parseAttributes,
  startTagAttribute,
  rootElement,
  textOf,
  withAttributes,
} from "../../../src/adapters/xlsx/package/xml";
import { insertionPoint } from "../../../src/adapters/xlsx/package/ordered";
import { ZLIB_CODEC } from "../../../src/adapters/xlsx/node-codec";
import { text } from "./zip-fixtures";

/** The CRC fflate's zip writer stores for some bytes (an independent implementation). */
function crcViaZip(bytes: Uint8Array): number {
  const zip = zipSync({ a: bytes }, { level: 0 });
  return new DataView(zip.buffer, zip.byteOffset).getUint32(14, true);
}

describe("CRC-32", () => {
  it("of the check string is CBF43926", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
  });

  it.each([[""], ["督办事项登记表"], ["x".repeat(1001)], ["\u0000\u00ff"]])(
    "of %j agrees with fflate's zip writer",
    (input) => {
      expect(crc32(text(input))).toBe(crcViaZip(text(input)));
    },
  );

  it.each([
    ["fflate", FFLATE_CODEC],
    ["zlib", ZLIB_CODEC],
  ])("%s codec's CRC agrees with the table's, unsigned, on 1 MB of every byte value", (_, codec) => {
    const bytes = new Uint8Array(1 << 20).map((_, i) => (i * 7919) & 0xff);
    for (const input of [bytes, text("123456789"), new Uint8Array(0)]) {
      expect(codec.crc32(input)).toBe(crc32(input));
      expect(codec.crc32(input)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("zip archives", () => {
  const files = { "a.xml": text("<a>一</a>"), "dir/b.bin": new Uint8Array(5000).map((_, i) => i % 7) };

  it("reads the central directory of an archive another writer made", () => {
    const entries = readZipDirectory(zipSync(files));
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["a.xml", files["a.xml"].length],
      ["dir/b.bin", 5000],
    ]);
  });

  it.each([
    ["fflate", FFLATE_CODEC],
    ["zlib", ZLIB_CODEC],
  ] as const)("copies untouched entries' compressed bytes and rewrites changed ones (%s)", (_, codec) => {
    const source = zipSync(files, { level: 9 });
    const pkg = OfficePackage.open(source, codec);
    pkg.setText("a.xml", "<a>二</a>");
    pkg.setText("new.xml", "<n/>");
    const out = pkg.toBytes();
    const entries = readZipDirectory(out);
    const before = readZipDirectory(source).find((e) => e.name === "dir/b.bin")!;
    const after = entries.find((e) => e.name === "dir/b.bin")!;
    expect(Buffer.from(out.subarray(after.dataStart, after.dataStart + after.compressedSize))).toEqual(
      Buffer.from(source.subarray(before.dataStart, before.dataStart + before.compressedSize)),
    );
    const again = unzipSync(out);
    expect(new TextDecoder().decode(again["a.xml"])).toBe("<a>二</a>");
    expect(Buffer.from(again["dir/b.bin"])).toEqual(Buffer.from(files["dir/b.bin"]));
    expect(Object.keys(again)).toEqual(["a.xml", "dir/b.bin", "new.xml"]);
  });

  it("removing a part drops it from the archive", () => {
    const pkg = OfficePackage.open(zipSync(files));
    pkg.remove("A.XML");
    expect(Object.keys(unzipSync(pkg.toBytes()))).toEqual(["dir/b.bin"]);
  });

  it.each([
    ["xl/workbook.xml", null],
    ["../x", "“..”"],
    ["a/../../x", "“..”"],
    ["/abs", "绝对路径"],
    ["C:x", "绝对路径"],
    ["a\\b", "反斜杠"],
    ["a//b", "空路径段"],
    ["a/./b", "空路径段"],
    ["", "空名称"],
  ])("part name %j is %s", (name, reason) => {
    expect(unsafeName(name)).toBe(reason);
  });
});

describe("XML by position", () => {
  it("refuses any document type or entity declaration, allows comments and CDATA", () => {
    expect(() => assertSafeXml('<!DOCTYPE a SYSTEM "x"><a/>', "p")).toThrow();
    expect(() => assertSafeXml('<a><!ENTITY b "c"></a>', "p")).toThrow();
    expect(() => assertSafeXml("<a><!-- x --><![CDATA[<b>]]></a>", "p")).not.toThrow();
  });

  it("decodes only the five entities and character references; normalises line ends", () => {
    expect(decodeXml("&lt;&gt;&amp;&quot;&apos;&#20013;&#x6587;&nbsp;a\r\nb")).toBe("<>&\"'中文&nbsp;a\nb");
  });

  it("escapes text and attributes so that decoding gives them back", () => {
    const s = 'a<b>&c "d"\re\u0001';
    expect(decodeXml(escapeText(s))).toBe('a<b>&c "d"\re_x0001_');
    expect(parseAttributes(`<x v="${escapeAttr('甲\n乙\t丙"')}"/>`).get("v")).toBe('甲\n乙\t丙"');
  });

  it("finds children, text and attributes without a DOM", () => {
    const xml = '<r xmlns="u"><a k="1">x &amp; y</a><!-- <a/> --><b/><a k=\'2\'><![CDATA[<z>]]></a></r>';
    const root = rootElement(xml);
    const as = childElements(xml, root, "a");
    expect(as.map((el) => parseAttributes(xml.slice(el.start, el.openEnd)).get("k"))).toEqual(["1", "2"]);
    expect(as.map((el) => textOf(xml, el))).toEqual(["x & y", "<z>"]);
  });

  it("reads one attribute of a start tag exactly as the attribute map does, plain or not", () => {
    const value = fc.oneof(
      fc.constantFrom("3", "inlineStr", "A1", "", "a&amp;b", "&#49;", 'x"y', "a b"),
      fc.string({ maxLength: 6 }),
    );
    const attribute = fc.tuple(
      fc.constantFrom("r", "s", "t", "x:s", "xs", "cm"),
      fc.constantFrom("=", " = ", "=\t", "\n="),
      fc.constantFrom('"', "'"),
      value,
      fc.constantFrom(" ", "  ", "\t", "\n"),
    );
    const tag = fc
      .tuple(
        fc.constantFrom("c", "x:c", "row"),
        fc.array(attribute, { maxLength: 5 }),
        fc.constantFrom(">", "/>", " />"),
      )
      .map(
        ([name, attrs, end]) =>
          `<${name}${attrs.map(([k, eq, q, v, sp]) => `${sp}${k}${eq}${q}${v.replace(new RegExp(q, "g"), "")}${q}`).join("")}${end}`,
      );
    fc.assert(
      fc.property(tag, fc.constantFrom("r", "s", "t", "cm"), (t, name) => {
        expect(startTagAttribute(t, name)).toBe(parseAttributes(t).get(name));
      }),
      { seed: 14, numRuns: 3000 },
    );
  });

  it("changes one attribute of a plain tag as the general rule does", () => {
    const tag = fc
      .tuple(
        fc.constantFrom("<c", "<x:c", "<row"),
        fc.array(
          fc.tuple(
            fc.constantFrom(" ", "  "),
            fc.constantFrom("r", "s", "t", "xs", "x:s"),
            fc.constantFrom("1", "", "A1", "a&amp;b"),
          ),
          {
            maxLength: 4,
          },
        ),
        fc.constantFrom(">", "/>", " />", "  >"),
      )
      .map(([open, attrs, end]) => `${open}${attrs.map(([sp, k, v]) => `${sp}${k}="${v}"`).join("")}${end}`);
    fc.assert(
      fc.property(
        tag,
        fc.constantFrom("s", "t", "r", "cm"),
        fc.constantFrom(null, "7", 'a"b', ""),
        (t, name, value) => {
          // A second change (of an attribute no tag has) takes the general path.
          expect(withAttributes(t, { [name]: value })).toBe(withAttributes(t, { [name]: value, zz: null }));
        },
      ),
      { seed: 14, numRuns: 3000 },
    );
  });

  it("escapes text as the character-by-character rule does", () => {
    // The rule as first written: & < > and control characters but tab and line feed; U+FFFE/FFFF.
    const byChar = (text: string) =>
      [...text]
        .map((ch) => {
          const c = ch.charCodeAt(0);
          const special =
            c === 38 || c === 60 || c === 62 || (c < 32 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff;
          if (!special || ch.length > 1) return ch;
          return (
            ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" } as Record<string, string>)[ch] ??
            `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`
          );
        })
        .join("");
    const chars = fc.oneof(
      fc.constantFrom(
        "&",
        "<",
        ">",
        "\r",
        "\n",
        "\t",
        "\u0001",
        "\u001f",
        "\u007f",
        "\u0085",
        "\u009f",
        "\u00a0",
        "\ufffe",
        "\uffff",
        "甲",
        "a",
      ),
      fc.string({ maxLength: 1 }),
    );
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 30 }).map((a) => a.join("")),
        (text) => {
          expect(escapeText(text)).toBe(byChar(text));
        },
      ),
      { seed: 14, numRuns: 2000 },
    );
  });

  it("changes attributes of a start tag, keeping the others and their order", () => {
    expect(withAttributes('<c r="A1" s="3" t="s">', { s: null, t: "inlineStr", cm: "1" })).toBe(
      '<c r="A1" t="inlineStr" cm="1">',
    );
    expect(withAttributes('<col min="1" max="2"/>', { width: "9" })).toBe('<col min="1" max="2" width="9"/>');
  });

  it("applies several edits in one pass", () => {
    expect(
      applySplices("0123456789", [
        { start: 8, end: 9, text: "X" },
        { start: 2, end: 2, text: "+" },
        { start: 4, end: 6, text: "" },
      ]),
    ).toBe("01+2367X9");
  });

  it("inserts a child where the schema's order puts it", () => {
    const xml = "<worksheet><sheetViews/><sheetData/><pageMargins/></worksheet>";
    const at = insertionPoint(
      xml,
      rootElement(xml),
      ["sheetViews", "cols", "sheetData", "mergeCells", "pageMargins"],
      "mergeCells",
    );
    expect(xml.slice(0, at) + "<mergeCells/>" + xml.slice(at)).toBe(
      "<worksheet><sheetViews/><sheetData/><mergeCells/><pageMargins/></worksheet>",
    );
  });
});
