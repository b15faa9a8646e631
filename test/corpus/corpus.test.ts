/**
 * The corpus is what it claims: every workbook is a readable registry for `duban`, is
 * deterministic, and opens in LibreOffice, which reads its feature (the feature is still
 * there when LibreOffice saves the workbook again) — so the harness tests real packages,
 * not ones only our own comparison understands.
 */
import * as fs from "fs";
import * as path from "path";
import { strFromU8 } from "fflate";
import { makeTempDir, removeDir, runCli } from "../cli/helpers";
import { buildCorpus, CORPUS } from "./build/corpus";
import { ITEMS } from "./build/registry";
import { libreOfficeDescribe, recalculateAll } from "./harness/libreoffice";
import { TODAY } from "./harness/run-case";
import { readParts, type Parts } from "./ooxml/zip";

jest.setTimeout(120_000);

let dir: string;
const files = new Map<string, string>();

beforeAll(() => {
  dir = makeTempDir();
  for (const { entry, bytes } of buildCorpus()) {
    const file = path.join(dir, entry.file);
    fs.writeFileSync(file, bytes);
    files.set(entry.file, file);
  }
});
afterAll(() => removeDir(dir));

describe("every corpus workbook is a registry duban reads", () => {
  it.each(CORPUS.map((e) => [e.feature, e.file]))(
    "%s (%s): check finds the 8 items, and errors only where planted",
    async (_f, file) => {
      const { code, stdout } = await runCli(["check", files.get(file)!, "--json", "--today", TODAY]);
      expect([0, 1]).toContain(code);
      const json = JSON.parse(stdout) as { rows: number; issues: { row: number; column: string; severity: string }[] };
      expect(json.rows).toBe(ITEMS.length);
      // 平件 and 非密 (row 7) are clerks' words: warnings with a fix, or errors where the vocabulary lacks them.
      const errors = json.issues.filter((i) => i.severity === "error").map((i) => `${i.row}:${i.column}`);
      expect(errors.filter((e) => e !== "7:紧急程度" && e !== "7:密级")).toEqual([]);
    },
  );

  it("is built the same, byte for byte, every time", () => {
    const again = buildCorpus();
    for (const { entry, bytes } of again)
      expect(Buffer.compare(Buffer.from(bytes), fs.readFileSync(files.get(entry.file)!))).toBe(0);
  });
});

/** Text of every part of a package whose name matches. */
function textOf(parts: Parts, name: RegExp): string {
  return [...parts]
    .filter(([p]) => name.test(p))
    .map(([, b]) => strFromU8(b))
    .join("\n");
}

const SHEETS = /^xl\/worksheets\/sheet\d+\.xml$/;
/** What LibreOffice keeps of each feature when it saves the workbook again (null: nothing it models). */
const KEPT_BY_LIBREOFFICE: Readonly<Record<string, readonly [RegExp, RegExp] | null>> = {
  "chart.xlsx": [
    /^xl\/charts\/chart\d\.xml$/,
    /督办事项科室分布[\s\S]*各科室督办事项数|各科室督办事项数[\s\S]*督办事项科室分布/,
  ],
  "pivot.xlsx": [/^xl\/pivotTables\//, /<rowFields count="1">/],
  "sparklines.xlsx": [SHEETS, /sparklineGroup/],
  "threaded-comments.xlsx": [/^xl\/comments\d\.xml$/, /经费核算需财务科复核/],
  "external-link.xlsx": [/^xl\/externalLinks\//, /2025年督办台账|统计/],
  // LibreOffice drops a VBA project it cannot read (ours is a placeholder): only the cells remain.
  "macro.xlsm": [SHEETS, /<f[^>]*>ROW\(\)-2<\/f>/],
  "custom-properties.xlsx": [/^docProps\/custom\.xml$/, /name="密级"[\s\S]*内部/],
  "hyperlinks.xlsx": [SHEETS, /<hyperlink ref="D3" location="&apos;来文目录&apos;!A2"/],
  "page-breaks.xlsx": [SHEETS, /<rowBreaks[\s\S]*id="6"/],
  // LibreOffice does not import header pictures; the header and footer text it keeps.
  "header-footer-picture.xlsx": [SHEETS, /第 &amp;P 页/],
  "autofilter.xlsx": [SHEETS, /<filterColumn colId="8">[\s\S]*督导室/],
  // LibreOffice reads a SHA-512 structure password but saves it back empty.
  "workbook-protection.xlsx": null,
  "defined-names.xlsx": [/^xl\/workbook\.xml$/, /name="事项总数"[^>]*>COUNTA\(督办事项登记表!\$C\$3:\$C\$19\)/],
  "number-formats.xlsx": [/^xl\/styles\.xml$/, /formatCode="0\\%"/],
  "sheet-protection.xlsx": [SHEETS, /<sheetProtection[^>]*password="cc1b"/i],
  "notes.xlsx": [/^xl\/comments\d\.xml$/, /电话催办/],
  "table.xlsx": [/^xl\/tables\//, /ref="A2:N10"/],
  "data-bars.xlsx": [SHEETS, /x14:dataBar[^>]*gradient|x14:dataBar/],
  "data-validations.xlsx": [SHEETS, /<dataValidation [^>]*type="textLength"/],
  "libreoffice.xlsx": [SHEETS, /督办事项/],
};

libreOfficeDescribe("语料库工作簿可被 LibreOffice 打开")("LibreOffice opens every corpus workbook", () => {
  const resaved = new Map<string, Parts | null>();
  beforeAll(() => {
    const inputs = CORPUS.map((e) => files.get(e.file)!);
    const out = recalculateAll(inputs, path.join(dir, "lo"), path.join(dir, "lo-profile"));
    CORPUS.forEach((e, i) => resaved.set(e.file, out[i] ? readParts(fs.readFileSync(out[i]!)) : null));
  }, 120_000);

  it.each(CORPUS.map((e) => [e.feature, e.file]))(
    "%s (%s): opens, and what it models of the feature survives its save",
    (_f, file) => {
      const parts = resaved.get(file);
      expect(parts).not.toBeNull();
      expect(textOf(parts!, /^xl\/sharedStrings\.xml$/)).toContain("督办事项登记表");
      const kept = KEPT_BY_LIBREOFFICE[file];
      if (kept) expect(textOf(parts!, kept[0])).toMatch(kept[1]);
    },
  );
});
