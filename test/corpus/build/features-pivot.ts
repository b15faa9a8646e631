/**
 * pivot.xlsx: a pivot table on its own sheet counting the registry's items by 督办科室或单位,
 * with its cache definition and cache records, as Excel saves them.
 */
import { escapeXml } from "../ooxml/xml";
import { CT, NS, REL, XML_DECL } from "./package-builder";
import { HEADERS, ITEMS, LAST_ITEM_ROW, REGISTRY, SECTIONS, registryWorkbook } from "./registry";

/** Escapes an attribute value, keeping line breaks (which attribute normalisation would eat). */
const attr = (s: string) => escapeXml(s).replace(/\n/g, "&#10;");
const SECTION_FIELD = 8;
const CONTENT_FIELD = 2;
const DATE_FIELDS = new Set([6, 7, 11]);

/** The 14 values of each registry row as the cache sees them (序号 first). */
function rows(): (string | number)[][] {
  return ITEMS.map((item, k) => [k + 1, ...item]);
}

const isoTime = (iso: string) => `${iso}T00:00:00`;

function sharedItems(field: number): string {
  const values = rows().map((r) => r[field]);
  if (field === SECTION_FIELD) {
    return `<sharedItems count="${SECTIONS.length}">${SECTIONS.map((s) => `<s v="${attr(s)}"/>`).join("")}</sharedItems>`;
  }
  if (field === 0) {
    return `<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="${values.length}"/>`;
  }
  const blank = values.some((v) => v === "") ? ' containsBlank="1"' : "";
  if (DATE_FIELDS.has(field)) {
    const dates = values.filter((v): v is string => v !== "").sort();
    return `<sharedItems${blank ? "" : ' containsSemiMixedTypes="0"'} containsNonDate="0" containsDate="1" containsString="0"${blank} minDate="${isoTime(dates[0])}" maxDate="${isoTime(dates[dates.length - 1])}"/>`;
  }
  return `<sharedItems${blank}/>`;
}

function cacheDefinitionXml(recordsRid: string): string {
  const fields = HEADERS.map(
    (h, i) => `<cacheField name="${attr(h)}" numFmtId="${DATE_FIELDS.has(i) ? 14 : 0}">${sharedItems(i)}</cacheField>`,
  );
  return [
    XML_DECL,
    `<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="${recordsRid}" refreshedBy="张敏" refreshedDate="46350.375" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${ITEMS.length}">`,
    `<cacheSource type="worksheet"><worksheetSource ref="A2:N${LAST_ITEM_ROW}" sheet="${REGISTRY}"/></cacheSource>`,
    `<cacheFields count="${HEADERS.length}">${fields.join("")}</cacheFields>`,
    "</pivotCacheDefinition>",
  ].join("");
}

function recordsXml(): string {
  const records = rows().map((r) => {
    const values = r.map((v, i) => {
      if (i === SECTION_FIELD) return `<x v="${SECTIONS.indexOf(String(v))}"/>`;
      if (v === "") return "<m/>";
      if (typeof v === "number") return `<n v="${v}"/>`;
      if (DATE_FIELDS.has(i)) return `<d v="${isoTime(v)}"/>`;
      return `<s v="${attr(v)}"/>`;
    });
    return `<r>${values.join("")}</r>`;
  });
  return `${XML_DECL}<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" count="${records.length}">${records.join("")}</pivotCacheRecords>`;
}

function pivotTableXml(): string {
  const fields = HEADERS.map((_, i) => {
    if (i === SECTION_FIELD) {
      const items = SECTIONS.map((_s, k) => `<item x="${k}"/>`).join("");
      return `<pivotField axis="axisRow" showAll="0"><items count="${SECTIONS.length + 1}">${items}<item t="default"/></items></pivotField>`;
    }
    return i === CONTENT_FIELD ? '<pivotField dataField="1" showAll="0"/>' : '<pivotField showAll="0"/>';
  });
  const rowItems = SECTIONS.map((_s, k) => (k === 0 ? "<i><x/></i>" : `<i><x v="${k}"/></i>`)).join("");
  return [
    XML_DECL,
    `<pivotTableDefinition xmlns="${NS.main}" name="数据透视表1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">`,
    `<location ref="A3:B${4 + SECTIONS.length}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>`,
    `<pivotFields count="${HEADERS.length}">${fields.join("")}</pivotFields>`,
    `<rowFields count="1"><field x="${SECTION_FIELD}"/></rowFields>`,
    `<rowItems count="${SECTIONS.length + 1}">${rowItems}<i t="grand"><x/></i></rowItems>`,
    '<colItems count="1"><i/></colItems>',
    `<dataFields count="1"><dataField name="计数项:督办事项内容" fld="${CONTENT_FIELD}" subtotal="count" baseField="0" baseItem="0"/></dataFields>`,
    '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>',
    "</pivotTableDefinition>",
  ].join("");
}

/** pivot.xlsx: sheet 科室透视 with the pivot table; the cache lives at workbook level. */
export function pivotWorkbook(): Uint8Array {
  const { wb } = registryWorkbook();
  const { pkg } = wb;
  const sheet = wb.addSheet("科室透视");
  sheet.set("A1", "各科室督办事项数（数据透视表）");
  sheet.set("A3", "行标签").set("B3", "计数项:督办事项内容");
  SECTIONS.forEach((s, k) => {
    sheet.set(`A${4 + k}`, s).set(`B${4 + k}`, ITEMS.filter((i) => i[SECTION_FIELD - 1] === s).length);
  });
  sheet.set(`A${4 + SECTIONS.length}`, "总计").set(`B${4 + SECTIONS.length}`, ITEMS.length);
  const definition = "xl/pivotCache/pivotCacheDefinition1.xml";
  const records = "xl/pivotCache/pivotCacheRecords1.xml";
  const table = "xl/pivotTables/pivotTable1.xml";
  pkg.put(table, pivotTableXml(), CT.pivotTable);
  pkg.relate(table, REL.pivotCacheDefinition, definition);
  pkg.relate(sheet.part, REL.pivotTable, table);
  pkg.put(definition, "", CT.pivotCacheDefinition);
  pkg.put(definition, cacheDefinitionXml(pkg.relate(definition, REL.pivotCacheRecords, records)));
  pkg.put(records, recordsXml(), CT.pivotCacheRecords);
  const cacheRid = pkg.relate(wb.workbookPart, REL.pivotCacheDefinition, definition);
  wb.setWorkbookElement("pivotCaches", `<pivotCaches><pivotCache cacheId="1" r:id="${cacheRid}"/></pivotCaches>`);
  return wb.finish().toZip();
}
