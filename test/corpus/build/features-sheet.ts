/**
 * Corpus features inside worksheets: sparklines, hyperlinks, page breaks, an autofilter with
 * criteria, a legacy protection password, data validations, gradient data bars, a table.
 */
import { CT, NS, REL } from "./package-builder";
import { HEADERS, ITEMS, LAST_ITEM_ROW, REGISTRY, SECTIONS, STATS, registryWorkbook } from "./registry";
import { legacyPasswordHash } from "./passwords";

const X14_NS = `xmlns:x14="${NS.x14}"`;

/** sparklines.xlsx: a column sparkline beside the registry's title and a line one on 统计. */
export function sparklinesWorkbook(): Uint8Array {
  const { wb, registry, stats } = registryWorkbook();
  const group = (type: string, f: string, sqref: string) =>
    `<x14:sparklineGroup${type === "line" ? "" : ` type="${type}"`} displayEmptyCellsAs="gap" markers="1" high="1"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>${f}</xm:f><xm:sqref>${sqref}</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup>`;
  const ext = (groups: string) =>
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" ${X14_NS}><x14:sparklineGroups xmlns:xm="${NS.xm}">${groups}</x14:sparklineGroups></ext>`;
  registry.ext(ext(group("column", `${STATS}!B10:G10`, "P1")));
  stats.ext(ext(group("line", `${STATS}!B10:G10`, "H10")));
  return wb.finish().toZip();
}

/** hyperlinks.xlsx: 来文编号 cells link to a 来文目录 sheet (internal) and to the bureau's site. */
export function hyperlinksWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  const list = wb.addSheet("来文目录");
  list.set("A1", "来文编号").set("B1", "标题");
  list.set("A2", "江津教发〔2026〕12号").set("B2", "关于开展校园安全隐患排查整治的通知");
  list.set("A3", "江津府办〔2026〕33号").set("B3", "关于课后服务经费核算的通知");
  const link = wb.styles.xf({ font: "link", border: true });
  registry.set("D3", ITEMS[0][2], link).set("D4", ITEMS[1][2], link).set("D9", ITEMS[6][2], link);
  const web = wb.pkg.relate(registry.part, REL.hyperlink, "http://jw.jiangjin.gov.cn/zwgk/tzgg/", true);
  registry.add(
    "hyperlinks",
    `<hyperlinks><hyperlink ref="D3" location="'来文目录'!A2" display="${ITEMS[0][2]}"/><hyperlink ref="D4" location="'来文目录'!A3" display="${ITEMS[1][2]}"/><hyperlink ref="D9" r:id="${web}" tooltip="区教委网站通知公告"/></hyperlinks>`,
  );
  return wb.finish().toZip();
}

/** page-breaks.xlsx: manual breaks after row 6 and after column I, A4 landscape, title rows repeated. */
export function pageBreaksWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  registry.add("rowBreaks", '<rowBreaks count="1" manualBreakCount="1"><brk id="6" max="16383" man="1"/></rowBreaks>');
  registry.add(
    "colBreaks",
    '<colBreaks count="1" manualBreakCount="1"><brk id="9" max="1048575" man="1"/></colBreaks>',
  );
  wb.defineName("_xlnm.Print_Titles", `${REGISTRY}!$1:$2`, { localSheet: REGISTRY });
  return wb.finish().toZip();
}

/** autofilter.xlsx: the registry filtered to 督导室 (other rows hidden), as Excel saves a filter. */
export function autofilterWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  const ref = `A2:N${LAST_ITEM_ROW}`;
  registry.add("sheetPr", '<sheetPr filterMode="1"/>');
  registry.add(
    "autoFilter",
    `<autoFilter ref="${ref}"><filterColumn colId="8"><filters><filter val="${SECTIONS[0]}"/></filters></filterColumn></autoFilter>`,
  );
  ITEMS.forEach((item, k) => {
    if (item[7] !== SECTIONS[0]) registry.row(3 + k, 'hidden="1"');
  });
  wb.defineName("_xlnm._FilterDatabase", `${REGISTRY}!$A$2:$N$${LAST_ITEM_ROW}`, {
    localSheet: REGISTRY,
    hidden: true,
  });
  return wb.finish().toZip();
}

/** sheet-protection.xlsx: the registry protected with a legacy password (2026). */
export function sheetProtectionWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  registry.add(
    "sheetProtection",
    `<sheetProtection password="${legacyPasswordHash("2026")}" sheet="1" objects="1" scenarios="1" formatColumns="0" autoFilter="0"/>`,
  );
  return wb.finish().toZip();
}

/** data-validations.xlsx: the clerks' own lists and limits on the registry. */
export function validationsWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook();
  registry.add(
    "dataValidations",
    [
      '<dataValidations count="3">',
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="紧急程度" error="请从列表中选择" sqref="E3:E200"><formula1>"特急,加急,一般"</formula1></dataValidation>',
      '<dataValidation type="date" operator="greaterThan" allowBlank="1" showErrorMessage="1" errorTitle="日期" error="请输入2020年以后的日期" sqref="G3:H200 L3:L200"><formula1>43831</formula1></dataValidation>',
      '<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="备注" prompt="不超过200字" sqref="N3:N200"><formula1>200</formula1></dataValidation>',
      "</dataValidations>",
    ].join(""),
  );
  return wb.finish().toZip();
}

/** data-bars.xlsx: gradient data bars on 统计's counts, with the Excel 2010 extension that draws them. */
export function dataBarsWorkbook(): Uint8Array {
  const { wb, stats } = registryWorkbook();
  const id = "{6C1F8A5E-6B8F-4B7E-9A55-5E3A2F1D0C11}";
  stats.add(
    "conditionalFormatting",
    `<conditionalFormatting sqref="B3:B6"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ${X14_NS}><x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
  );
  stats.ext(
    `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${X14_NS}><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${NS.xm}"><x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="1"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>B3:B6</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`,
  );
  return wb.finish().toZip();
}

/** table.xlsx: the registry is an Excel table (header row A2:N2, banded rows) under its title. */
export function tableWorkbook(): Uint8Array {
  const { wb, registry } = registryWorkbook({ singleLineHeaders: true });
  const ref = `A2:N${LAST_ITEM_ROW}`;
  const columns = HEADERS.map((h, i) => `<tableColumn id="${i + 1}" name="${h.replace(/\n/g, "")}"/>`).join("");
  const part = "xl/tables/table1.xml";
  wb.pkg.put(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="1" name="督办事项" displayName="督办事项" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${HEADERS.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    CT.table,
  );
  registry.add(
    "tableParts",
    `<tableParts count="1"><tablePart r:id="${wb.pkg.relate(registry.part, REL.table, part)}"/></tableParts>`,
  );
  return wb.finish().toZip();
}
