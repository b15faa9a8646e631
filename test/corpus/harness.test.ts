/**
 * The harness itself: a package compared with itself, or with a surgical edit that sets only
 * what a command may set, has no findings; each way of losing or damaging something is found.
 * (A comparison that cannot fail would prove nothing about the writer.)
 */
import { strFromU8, strToU8 } from "fflate";
import { CORPUS } from "./build/corpus";
import { REGISTRY } from "./build/registry";
import { comparePackageParts } from "./harness/compare-parts";
import { dependentFormulas, referencedRanges } from "./harness/dependencies";
import { compareSheets } from "./harness/compare-sheets";
import { compareWorkbook } from "./harness/compare-workbook";
import { Findings, formatFindings, type FindingKind } from "./harness/findings";
import { POLICIES, type CommandName } from "./harness/policy";
import { readParts, type Parts } from "./ooxml/zip";

const byFile = (file: string) => readParts(CORPUS.find((e) => e.file === file)!.build());

function compare(input: Parts, output: Parts, command: CommandName, setCells: Map<string, string | null> = new Map()) {
  const f = new Findings();
  const c = { input, output, policy: POLICIES[command], registry: REGISTRY, setCells };
  comparePackageParts(c, f);
  compareWorkbook(c, f);
  compareSheets(c, f);
  return f.list;
}

/** A copy of the parts with one part's text edited. */
function edit(parts: Parts, part: string, change: (xml: string) => string): Parts {
  const out = new Map(parts);
  const text = strFromU8(parts.get(part)!);
  const changed = change(text);
  if (changed === text) throw new Error(`edit of ${part} changed nothing`);
  out.set(part, strToU8(changed));
  return out;
}

/**
 * What a perfect `number` does: one shared string appended, one empty cell filled, and Excel
 * asked to recalculate on opening (formulas elsewhere read the cell).
 */
function surgicalNumber(parts: Parts): Parts {
  return edit(numberWithoutRecalc(parts), "xl/workbook.xml", (xml) =>
    xml.replace(/<calcPr\b([^>]*?)(\/?)>/, '<calcPr$1 fullCalcOnLoad="1"$2>'),
  );
}

/** A `number` that fills the cell but leaves Excel showing the old results of formulas reading it. */
function numberWithoutRecalc(parts: Parts): Parts {
  let index = -1;
  const withString = edit(parts, "xl/sharedStrings.xml", (xml) => {
    index = (xml.match(/<si>/g) ?? []).length;
    return xml
      .replace(/uniqueCount="(\d+)"/, (_, n: string) => `uniqueCount="${Number(n) + 1}"`)
      .replace("</sst>", "<si><t>〔2026〕6号</t></si></sst>");
  });
  return edit(withString, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace(/<c r="B5" s="(\d+)"\/>/, `<c r="B5" s="$1" t="s"><v>${index}</v></c>`),
  );
}

/** What a perfect document command does: a new sheet part, its relationship, type, entry and title. */
function surgicalNewSheet(parts: Parts): Parts {
  const out = new Map(parts);
  out.set(
    "xl/worksheets/sheet99.xml",
    strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>督办事项通知单</t></is></c></row></sheetData></worksheet>',
    ),
  );
  const ws = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  let next = edit(out, "[Content_Types].xml", (x) =>
    x.replace("</Types>", `<Override PartName="/xl/worksheets/sheet99.xml" ContentType="${ws}"/></Types>`),
  );
  next = edit(next, "xl/_rels/workbook.xml.rels", (x) =>
    x.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>',
    ),
  );
  next = edit(next, "xl/workbook.xml", (x) =>
    x.replace("</sheets>", '<sheet name="通知单" sheetId="99" r:id="rId99"/></sheets>'),
  );
  return edit(next, "docProps/app.xml", (x) =>
    x.replace("</vt:vector></TitlesOfParts>", "<vt:lpstr>通知单</vt:lpstr></vt:vector></TitlesOfParts>"),
  );
}

describe("a writer that changes only what it must passes the harness", () => {
  it.each(CORPUS.map((e) => [e.file]))("%s compared with itself: nothing found, for every command", (file) => {
    const parts = byFile(file);
    for (const command of Object.keys(POLICIES) as CommandName[])
      expect(formatFindings(compare(parts, parts, command))).toBe("");
  });

  it.each(CORPUS.map((e) => [e.file]))(
    "%s: a surgical number (one string appended, one cell filled) has no findings",
    (file) => {
      const parts = byFile(file);
      const set = new Map([[`${REGISTRY}!B5`, "〔2026〕6号"]]);
      expect(formatFindings(compare(parts, surgicalNumber(parts), "number", set))).toBe("");
    },
  );

  it.each(CORPUS.map((e) => [e.file]))(
    "%s: a surgical new sheet (part, relationship, type, entry, title) has no findings for notice",
    (file) => {
      const parts = byFile(file);
      expect(formatFindings(compare(parts, surgicalNewSheet(parts), "notice"))).toBe("");
    },
  );
});

/** A mutation of a corpus workbook and the kind of finding it must produce. */
const DAMAGE: readonly [string, string, CommandName, FindingKind, (p: Parts) => Parts, Map<string, string | null>?][] =
  [
    [
      "a chart part dropped",
      "chart.xlsx",
      "number",
      "part-lost",
      (p) => new Map([...p].filter(([k]) => k !== "xl/charts/chart1.xml")),
    ],
    [
      "a sheet it does not edit rewritten",
      "chart.xlsx",
      "number",
      "part-changed",
      (p) => edit(p, "xl/worksheets/sheet2.xml", (x) => x.replace("<sheetData>", "<sheetData> ")),
    ],
    [
      "a number's value written wrong",
      "chart.xlsx",
      "number",
      "cell",
      (p) => edit(surgicalNumber(p), "xl/sharedStrings.xml", (x) => x.replace("〔2026〕6号", "〔2026〕7号")),
      new Map([[`${REGISTRY}!B5`, "〔2026〕6号"]]),
    ],
    ["a cell filled that number does not report", "chart.xlsx", "number", "cell", surgicalNumber],
    [
      "a number that leaves formulas reading the cell showing old results",
      "chart.xlsx",
      "number",
      "recalc-flag",
      numberWithoutRecalc,
      new Map([[`${REGISTRY}!B5`, "〔2026〕6号"]]),
    ],
    [
      "a number that changes the workbook part beyond the request to recalculate",
      "chart.xlsx",
      "number",
      "workbook-element",
      (p) => edit(surgicalNumber(p), "xl/workbook.xml", (x) => x.replace("<calcPr", '<calcPr fullPrecision="0"')),
      new Map([[`${REGISTRY}!B5`, "〔2026〕6号"]]),
    ],
    [
      "0\\% losing its escape",
      "number-formats.xlsx",
      "number",
      "number-format",
      (p) => edit(p, "xl/styles.xml", (x) => x.replace('formatCode="0\\%"', 'formatCode="0%"')),
    ],
    [
      "a formula name quoted into nonsense",
      "defined-names.xlsx",
      "number",
      "name",
      (p) =>
        edit(p, "xl/workbook.xml", (x) =>
          x.replace(">COUNTA(督办事项登记表!", ">'COUNTA(督办事项登记表'!").replace("$C$19)<", "$C$19<"),
        ),
    ],
    [
      "a sheet-scoped name made global",
      "defined-names.xlsx",
      "number",
      "name",
      (p) => edit(p, "xl/workbook.xml", (x) => x.replace(' localSheetId="1"', "")),
    ],
    [
      "the protection password removed",
      "sheet-protection.xlsx",
      "notice",
      "part-changed",
      (p) => edit(p, "xl/worksheets/sheet1.xml", (x) => x.replace(/ password="[0-9A-F]+"/, "")),
    ],
    [
      "the protection password removed in an edited sheet",
      "sheet-protection.xlsx",
      "number",
      "sheet-element",
      (p) => edit(p, "xl/worksheets/sheet1.xml", (x) => x.replace(/ password="[0-9A-F]+"/, "")),
    ],
    [
      "structure protection dropped",
      "workbook-protection.xlsx",
      "refresh",
      "workbook-element",
      (p) => edit(p, "xl/workbook.xml", (x) => x.replace(/<workbookProtection[^>]*\/>/, "")),
    ],
    [
      "validations written twice",
      "data-validations.xlsx",
      "refresh",
      "validation",
      (p) =>
        edit(p, "xl/worksheets/sheet1.xml", (x) => x.replace(/(<dataValidation [\s\S]*?<\/dataValidation>)/, "$1$1")),
    ],
    [
      "a theme relationship left dangling",
      "libreoffice.xlsx",
      "notice",
      "rel-dangling",
      (p) =>
        edit(p, "xl/_rels/workbook.xml.rels", (x) =>
          x.replace(
            "</Relationships>",
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>',
          ),
        ),
    ],
    [
      "an .xlsm turned into an .xlsx",
      "macro.xlsm",
      "refresh",
      "content-type",
      (p) =>
        edit(p, "[Content_Types].xml", (x) =>
          x.replace(
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          ),
        ),
    ],
    [
      "sparklines dropped from an edited sheet",
      "sparklines.xlsx",
      "number",
      "extension",
      (p) => edit(p, "xl/worksheets/sheet1.xml", (x) => x.replace(/<extLst>[\s\S]*<\/extLst>/, "")),
    ],
    [
      "a typed cell changed",
      "chart.xlsx",
      "refresh",
      "cell",
      (p) =>
        edit(p, "xl/worksheets/sheet1.xml", (x) => x.replace(/<c r="C3"([^>]*)><v>\d+<\/v>/, '<c r="C3"$1><v>0</v>')),
    ],
    [
      "a filtered row shown",
      "autofilter.xlsx",
      "number",
      "row",
      (p) => edit(p, "xl/worksheets/sheet1.xml", (x) => x.replace(/(<row r="4"[^>]*?) hidden="1"/, "$1")),
    ],
    [
      "calcChain dropped without asking Excel to recalculate",
      "chart.xlsx",
      "refresh",
      "recalc-flag",
      (p) => {
        const out = edit(p, "xl/_rels/workbook.xml.rels", (x) => x.replace(/<Relationship [^>]*calcChain[^>]*\/>/, ""));
        out.delete("xl/calcChain.xml");
        return out;
      },
    ],
    [
      "shared strings reordered",
      "chart.xlsx",
      "number",
      "shared-strings",
      (p) =>
        edit(p, "xl/sharedStrings.xml", (x) => x.replace(/<si>(.*?)<\/si><si>(.*?)<\/si>/, "<si>$2</si><si>$1</si>")),
    ],
    [
      "cell formats renumbered",
      "chart.xlsx",
      "number",
      "style-renumbered",
      (p) =>
        edit(p, "xl/styles.xml", (x) =>
          x.replace(
            /(<cellXfs count="\d+">)(<xf [^>]*\/>)/,
            '$1<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>$2',
          ),
        ),
    ],
    [
      "a new part nobody points to",
      "chart.xlsx",
      "notice",
      "part-orphan",
      (p) => new Map([...p, ["xl/media/stray.png", new Uint8Array([1, 2, 3])]]),
    ],
  ];

describe("each way of losing or damaging something is found", () => {
  it.each(DAMAGE.map(([what, file, command, kind, damage, set]) => [what, file, command, kind, damage, set] as const))(
    "%s (%s, %s) → %s",
    (_what, file, command, kind, damage, set) => {
      const parts = byFile(file);
      const found = compare(parts, damage(parts), command, set);
      expect(found.map((x) => x.kind)).toContain(kind);
    },
  );
});

describe("formulas that depend on the cells a command sets are told apart", () => {
  const deps = (set: string[]) => [...dependentFormulas(byFile("defined-names.xlsx"), new Set(set))].sort();

  it("finds references qualified, quoted, ranged, through names, not inside names of functions", () => {
    const names = new Map([["事项总数", "COUNTA(督办事项登记表!$C$3:$C$19)"]]);
    expect(referencedRanges("LOG10(A1)+'统 计'!B2:C3+[1]统计!$B$7+事项总数+\"D4\"", "统计", names)).toEqual([
      { sheet: "统计", top: 1, left: 1, bottom: 1, right: 1 },
      { sheet: "统 计", top: 2, left: 2, bottom: 3, right: 3 },
      { sheet: "[1]统计", top: 7, left: 2, bottom: 7, right: 2 },
      { sheet: "督办事项登记表", top: 3, left: 3, bottom: 19, right: 3 },
    ]);
  });

  it("a content cell: its COUNTA and the name over it, not the counts by section", () => {
    expect(deps([`${REGISTRY}!C3`])).toEqual(["统计!B8", "统计!E3"]);
  });

  it("a section cell: the COUNTIFs, their SUM (through them) and the name over the column", () => {
    expect(deps([`${REGISTRY}!I4`])).toEqual(["统计!B3", "统计!B4", "统计!B5", "统计!B6", "统计!B7", "统计!E5"]);
  });

  it("a number cell (column B): none", () => {
    expect(deps([`${REGISTRY}!B5`])).toEqual([]);
  });
});
