/**
 * Corpus features of the workbook as a whole: an external link, a macro project (.xlsm),
 * custom document properties, structure protection, formula-defined names, number formats
 * with backslash escapes, and a workbook as LibreOffice Calc saves it (no theme part).
 */
import { CT, NS, REL, XML_DECL } from "./package-builder";
import { REGISTRY, STATS, registryWorkbook } from "./registry";
import { sha512PasswordHash } from "./passwords";

/** external-link.xlsx: 统计 compares this year's count with last year's ledger (an external workbook). */
export function externalLinkWorkbook(): Uint8Array {
  const { wb, stats } = registryWorkbook();
  const { pkg } = wb;
  const part = "xl/externalLinks/externalLink1.xml";
  pkg.put(part, "", CT.externalLink);
  const pathRid = pkg.relate(part, REL.externalLinkPath, "2025年督办台账.xlsx", true);
  pkg.put(
    part,
    `${XML_DECL}<externalLink xmlns="${NS.main}" xmlns:r="${NS.r}"><externalBook r:id="${pathRid}"><sheetNames><sheetName val="统计"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="7"><cell r="B7"><v>37</v></cell></row><row r="8"><cell r="B8"><v>35</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  );
  const rid = pkg.relate(wb.workbookPart, REL.externalLink, part);
  wb.setWorkbookElement(
    "externalReferences",
    `<externalReferences><externalReference r:id="${rid}"/></externalReferences>`,
  );
  stats.set("D2", "上年（2025年台账）");
  stats.set("D7", { f: "[1]统计!$B$7", v: 37 }).set("D8", { f: "[1]统计!$B$8", v: 35 });
  stats.set("E2", "同比增减").set("E7", { f: "B7-D7", v: 8 - 37 });
  return wb.finish().toZip();
}

/** A stand-in for a VBA project: not a real one (the point is that its bytes are copied). */
function vbaPlaceholder(): Uint8Array {
  const text = 'DUBAN CORPUS PLACEHOLDER vbaProject.bin — Sub 提醒() MsgBox "请及时办结" End Sub\n';
  const bytes = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  Buffer.from(text, "utf8").copy(bytes, 512);
  for (let i = 1024; i < bytes.length; i++) bytes[i] = (i * 37) & 0xff;
  return bytes;
}

/** macro.xlsm: a macro-enabled workbook with a vbaProject part and code names. */
export function macroWorkbook(): Uint8Array {
  const { wb, registry, stats } = registryWorkbook();
  wb.pkg.setOverride(wb.workbookPart, CT.workbookMacro);
  wb.pkg.setDefault("bin", CT.vba);
  wb.pkg.put("xl/vbaProject.bin", vbaPlaceholder());
  wb.pkg.relate(wb.workbookPart, REL.vbaProject, "xl/vbaProject.bin");
  wb.workbookPr = 'codeName="ThisWorkbook" defaultThemeVersion="166925"';
  registry.add("sheetPr", '<sheetPr codeName="Sheet1"/>');
  stats.add("sheetPr", '<sheetPr codeName="Sheet2"/>');
  return wb.finish().toZip();
}

/** custom-properties.xlsx: document properties 密级 = 内部, 归档年度 = 2026, 责任科室 = 办公室. */
export function customPropertiesWorkbook(): Uint8Array {
  const { wb } = registryWorkbook();
  const fmtid = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
  const props = [
    `<property fmtid="${fmtid}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property>`,
    `<property fmtid="${fmtid}" pid="3" name="归档年度"><vt:i4>2026</vt:i4></property>`,
    `<property fmtid="${fmtid}" pid="4" name="责任科室"><vt:lpwstr>办公室</vt:lpwstr></property>`,
  ];
  wb.pkg.put(
    "docProps/custom.xml",
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props.join("")}</Properties>`,
    CT.custom,
  );
  const pkg = wb.finish();
  pkg.relate("", REL.customProperties, "docProps/custom.xml");
  return pkg.toZip();
}

let structureHash: string | undefined;

/** workbook-protection.xlsx: structure locked with a SHA-512 password (2026), as Excel 2013+ saves it. */
export function workbookProtectionWorkbook(): Uint8Array {
  const { wb } = registryWorkbook();
  const salt = Buffer.from("6475626e2d636f72707573", "hex");
  // 100,000 rounds of SHA-512 take a moment: once per process is enough.
  structureHash ??= sha512PasswordHash("2026", salt, 100000);
  const hash = structureHash;
  wb.setWorkbookElement(
    "workbookProtection",
    `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="${hash}" workbookSaltValue="${salt.toString("base64")}" workbookSpinCount="100000" lockStructure="1"/>`,
  );
  return wb.finish().toZip();
}

/** defined-names.xlsx: names defined by formulas, one scoped to 统计, with cells that use them. */
export function definedNamesWorkbook(): Uint8Array {
  const { wb, stats } = registryWorkbook();
  wb.defineName("事项总数", `COUNTA(${REGISTRY}!$C$3:$C$19)`);
  wb.defineName("本年", "YEAR(TODAY())");
  wb.defineName("督办科室", `${REGISTRY}!$I$3:$I$200`);
  wb.defineName("统计口径", `${STATS}!$A$1`, { localSheet: STATS });
  stats.set("D2", "名称").set("E2", "值");
  stats.set("D3", "事项总数").set("E3", { f: "事项总数", v: 8 });
  stats.set("D4", "本年").set("E4", { f: "本年", v: 2026 });
  stats.set("D5", "督导室事项").set("E5", { f: 'COUNTIF(督办科室,"督导室")', v: 3 });
  stats.set("D6", "统计口径").set("E6", { f: "统计口径", v: "督办事项统计" });
  return wb.finish().toZip();
}

/** number-formats.xlsx: formats whose backslash escapes carry their meaning (0\% is not a percentage). */
export function numberFormatsWorkbook(): Uint8Array {
  const { wb, stats } = registryWorkbook();
  const st = wb.styles;
  stats.set("D2", "办结率（0\\%）").set("E2", 12.5, st.xf({ numFmt: "0\\%" }));
  stats.set("D3", "办结率（0.0\\%）").set("E3", 87.5, st.xf({ numFmt: "0.0\\%" }));
  stats.set("D4", "经费（元）").set("E4", 125000, st.xf({ numFmt: '#,##0.00\\ "元"' }));
  stats.set("D5", "平均用时").set("E5", 12.25, st.xf({ numFmt: "0.0\\ \\天" }));
  stats.set("D6", "序号形式").set("E6", 7, st.xf({ numFmt: "\\第0\\项" }));
  stats.set("D7", "同比").set("E7", -3, st.xf({ numFmt: "[Color10]\\+0;[Red]\\-0;0" }));
  return wb.finish().toZip();
}

/** libreoffice.xlsx: the registry as LibreOffice Calc saves it — no theme part, Calc's workbook settings. */
export function libreOfficeWorkbook(): Uint8Array {
  const { wb } = registryWorkbook({ flavour: "libreoffice" });
  wb.application = "LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2";
  return wb.finish().toZip();
}
