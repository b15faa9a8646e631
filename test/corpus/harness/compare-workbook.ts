/**
 * Workbook-level comparison: sheets, defined names, protection and the other workbook
 * elements kept; the recalculation flag when calcChain goes; calcChain pointing at formulas;
 * number formats, styles and shared strings only appended to, never renumbered.
 */
import { readSheets, sheetPart, workbookPart } from "../ooxml/opc";
import {
  attributes,
  childElements,
  childNamed,
  childrenNamed,
  localName,
  rootElement,
  type XmlElement,
} from "../ooxml/xml";
import { partText, type Parts } from "../ooxml/zip";
import { clip, Findings } from "./findings";
import { calcChainPart, type Comparison } from "./compare-parts";
import { formulaCells } from "./sheet-cells";

/** Workbook elements that must stay exactly as they were (calcPr and bookViews may change). */
const KEPT_WORKBOOK_ELEMENTS = [
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "externalReferences",
  "pivotCaches",
  "functionGroups",
  "oleSize",
  "customWorkbookViews",
  "smartTagPr",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function workbookRoot(parts: Parts): XmlElement | null {
  return rootElement(partText(parts, workbookPart(parts)) ?? "");
}

function nameKey(el: XmlElement, sheets: readonly string[]): string {
  const a = attributes(el.startTag);
  const local = a.localSheetId === undefined ? "" : (sheets[Number(a.localSheetId)] ?? `#${a.localSheetId}`);
  return `${local}!${a.name}`;
}

function checkSheetsAndNames(c: Comparison, f: Findings): void {
  const before = readSheets(c.input);
  const after = readSheets(c.output);
  const wb = workbookPart(c.input);
  for (const s of before) {
    const kept = after.find((t) => t.name === s.name);
    f.check(
      kept !== undefined && kept.raw === s.raw,
      "sheet-entry",
      wb,
      `工作表“${s.name}”：${clip(s.raw)} → ${kept ? clip(kept.raw) : "（不存在）"}`,
    );
  }
  const names = (parts: Parts) => childrenNamed(childNamed(workbookRoot(parts), "definedNames"), "definedName");
  const beforeNames = before.map((s) => s.name);
  const afterNames = after.map((s) => s.name);
  const out = new Map(names(c.output).map((n) => [nameKey(n, afterNames), n]));
  for (const n of names(c.input)) {
    const key = nameKey(n, beforeNames);
    const kept = out.get(key);
    const [local, name] = [key.slice(0, key.indexOf("!")), key.slice(key.indexOf("!") + 1)];
    if (kept && c.policy.ownsName(name, local || null, c.registry)) continue;
    f.check(
      kept !== undefined && kept.raw === n.raw,
      "name",
      wb,
      `名称 ${key}：${clip(n.raw)} → ${kept ? clip(kept.raw) : "（丢失）"}`,
    );
  }
}

function checkWorkbookElements(c: Comparison, f: Findings): void {
  const before = childElements(workbookRoot(c.input)?.inner ?? "");
  const after = childElements(workbookRoot(c.output)?.inner ?? "");
  for (const el of before) {
    if (!KEPT_WORKBOOK_ELEMENTS.includes(localName(el.name))) continue;
    const kept = after.find((e) => e.name === el.name);
    f.check(
      kept?.raw === el.raw,
      "workbook-element",
      workbookPart(c.input),
      `${el.name}：${clip(el.raw)} → ${kept ? clip(kept.raw) : "（丢失）"}`,
    );
  }
}

function recalculatesOnOpen(parts: Parts): boolean {
  const calcPr = childNamed(workbookRoot(parts), "calcPr");
  const full = calcPr ? attributes(calcPr.startTag).fullCalcOnLoad : undefined;
  return full === "1" || full === "true";
}

/** The workbook part without the request to recalculate on opening (an added empty calcPr too). */
function withoutRecalcRequest(xml: string): string {
  return xml
    .replace(/<((?:\w+:)?calcPr) fullCalcOnLoad="1"\/>/, "")
    .replace(/(<(?:\w+:)?calcPr\b[^>]*?) fullCalcOnLoad="1"/, "$1");
}

/**
 * calcChain dropped ⇒ fullCalcOnLoad; registry cells set ⇒ fullCalcOnLoad (formulas elsewhere
 * read them, and Excel shows saved results until it recalculates); a command that only sets
 * values changes nothing else in the workbook part; a calcChain in the output names only
 * formula cells.
 */
function checkCalculation(c: Comparison, f: Findings): void {
  const chainIn = calcChainPart(c.input);
  const chainOut = calcChainPart(c.output);
  const wb = workbookPart(c.output);
  if (chainIn && !chainOut) {
    f.check(
      recalculatesOnOpen(c.output),
      "recalc-flag",
      wb,
      "删除了 calcChain.xml，却没有让 Excel 打开时重新计算（calcPr fullCalcOnLoad）",
    );
  }
  const registryPart = sheetPart(c.input, c.registry);
  const registryChanged = registryPart !== null && partText(c.input, registryPart) !== partText(c.output, registryPart);
  if (c.policy.editsRegistry && registryChanged) {
    f.check(
      recalculatesOnOpen(c.output),
      "recalc-flag",
      wb,
      "改动了登记表的单元格，却没有让 Excel 打开时重新计算（依赖这些单元格的公式会显示旧结果）",
    );
  }
  if (!c.policy.addsSheets && !c.policy.writesFormulas) {
    const before = partText(c.input, workbookPart(c.input)) ?? "";
    const after = partText(c.output, wb) ?? "";
    f.check(
      withoutRecalcRequest(after) === before,
      "workbook-element",
      wb,
      `只写单元格值的命令只能在工作簿部件中加上重新计算的请求：${clip(before)} → ${clip(after)}`,
    );
  }
  if (!chainOut) return;
  const sheets = readSheets(c.output);
  let sheetIndex = 0;
  for (const cell of childrenNamed(rootElement(partText(c.output, chainOut) ?? ""), "c")) {
    const a = attributes(cell.startTag);
    if (a.i !== undefined) sheetIndex = Number(a.i);
    const sheet = sheets.find((s) => Number(s.sheetId) === sheetIndex);
    const formulas = sheet?.part ? formulaCells(partText(c.output, sheet.part) ?? "") : new Set<string>();
    f.check(
      formulas.has(a.r),
      "calc-chain",
      chainOut,
      `计算链指向的 ${sheet?.name ?? `#${sheetIndex}`}!${a.r} 不是公式单元格`,
    );
  }
}

/** The children of a styles collection (numFmts, cellXfs, fonts …). */
function styleItems(parts: Parts, collection: string): XmlElement[] {
  return childElements(childNamed(rootElement(partText(parts, "xl/styles.xml") ?? ""), collection)?.inner ?? "");
}

function checkStyles(c: Comparison, f: Findings): void {
  const fmts = (parts: Parts) =>
    new Map(
      styleItems(parts, "numFmts").map((n) => [attributes(n.startTag).numFmtId, attributes(n.startTag).formatCode]),
    );
  const after = fmts(c.output);
  for (const [id, code] of fmts(c.input)) {
    f.check(
      after.get(id) === code,
      "number-format",
      "xl/styles.xml",
      `数字格式 ${id}：${code} → ${after.get(id) ?? "（丢失）"}`,
    );
  }
  for (const collection of ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]) {
    const before = styleItems(c.input, collection);
    const out = styleItems(c.output, collection);
    const changed = before.findIndex((el, i) => out[i]?.raw !== el.raw);
    f.check(
      changed < 0,
      "style-renumbered",
      "xl/styles.xml",
      `${collection} 第 ${changed} 项：${clip(before[changed]?.raw ?? "")} → ${clip(out[changed]?.raw ?? "（丢失）")}`,
    );
  }
}

function checkSharedStrings(c: Comparison, f: Findings): void {
  const items = (parts: Parts) => childrenNamed(rootElement(partText(parts, "xl/sharedStrings.xml") ?? ""), "si");
  const before = items(c.input);
  const after = items(c.output);
  const changed = before.findIndex((si, i) => after[i]?.raw !== si.raw);
  f.check(
    changed < 0,
    "shared-strings",
    "xl/sharedStrings.xml",
    `共享字符串第 ${changed} 项：${clip(before[changed]?.raw ?? "")} → ${clip(after[changed]?.raw ?? "（丢失）")}`,
  );
}

/** The workbook-level findings. */
export function compareWorkbook(c: Comparison, f: Findings): void {
  checkSheetsAndNames(c, f);
  checkWorkbookElements(c, f);
  checkCalculation(c, f);
  checkStyles(c, f);
  checkSharedStrings(c, f);
}
