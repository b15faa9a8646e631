/**
 * The workbook part (xl/workbook.xml): its sheets, defined names and settings, and edits to
 * it as text — a sheet or a name added, one of ours changed, the calculation flag set — so
 * that every other element (and every name a person defined) stays exactly as written.
 */
import {
  attributesOf,
  childElement,
  childElements,
  escapeAttr,
  escapeText,
  insertBeforeClose,
  prefixOf,
  replaceContent,
  rootElement,
  textOf,
  withAttributes,
  type XmlElement,
} from "../package/xml";
import { insertionPoint } from "../package/ordered";

const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** "visible" (default), "hidden" or "veryHidden". */
  readonly state: string;
}

export interface DefinedName {
  readonly name: string;
  /** 0-based sheet index for a sheet-scoped name. */
  readonly localSheetId?: number;
  /** The formula text (a reference or any formula), decoded. */
  readonly value: string;
}

/** The relationship-id attribute of a `<sheet>` (r:id, whatever the prefix). */
function relIdOf(attrs: ReadonlyMap<string, string>): string {
  for (const [k, v] of attrs) if (k.endsWith(":id")) return v;
  return attrs.get("id") ?? "";
}

function parts(xml: string): { root: XmlElement; p: string } {
  const root = rootElement(xml);
  return { root, p: prefixOf(root.name) };
}

/** The `<item>` elements of the root's `<list>` (`<sheets>`, `<definedNames>`), none when it is missing. */
function listItems(xml: string, list: string, item: string): XmlElement[] {
  const { root, p } = parts(xml);
  const holder = childElement(xml, root, `${p}${list}`);
  return holder ? childElements(xml, holder, `${p}${item}`) : [];
}

/**
 * The sheets of a workbook part, in order.
 * @example workbookSheets(xml) // [{ name: "督办事项登记表", sheetId: 1, relId: "rId1", state: "visible" }]
 */
export function workbookSheets(xml: string): SheetEntry[] {
  return listItems(xml, "sheets", "sheet").map((el) => {
    const a = attributesOf(xml, el);
    return {
      name: a.get("name") ?? "",
      sheetId: Number(a.get("sheetId") ?? 0),
      relId: relIdOf(a),
      state: a.get("state") ?? "visible",
    };
  });
}

/** True when the workbook uses the 1904 date system. */
export function usesDate1904(xml: string): boolean {
  const { root, p } = parts(xml);
  const pr = childElement(xml, root, `${p}workbookPr`);
  const v = pr ? attributesOf(xml, pr).get("date1904") : undefined;
  return v === "1" || v === "true";
}

/** The defined names with their positions. */
export function definedNameElements(xml: string): { el: XmlElement; name: DefinedName }[] {
  return listItems(xml, "definedNames", "definedName").map((el) => {
    const a = attributesOf(xml, el);
    const local = a.get("localSheetId");
    return {
      el,
      name: {
        name: a.get("name") ?? "",
        ...(local !== undefined ? { localSheetId: Number(local) } : {}),
        value: textOf(xml, el),
      },
    };
  });
}

/** The defined names of a workbook part. */
export function definedNames(xml: string): DefinedName[] {
  return definedNameElements(xml).map((d) => d.name);
}

function sameScope(a: DefinedName, name: string, localSheetId: number | undefined): boolean {
  return a.name.toLowerCase() === name.toLowerCase() && a.localSheetId === localSheetId;
}

/** A name's formula as element text (apostrophes escaped too, as Excel files made by ExcelJS have them). */
function nameText(value: string): string {
  return escapeText(value).replace(/'/g, "&apos;");
}

function nameTag(p: string, name: DefinedName): string {
  const local = name.localSheetId !== undefined ? ` localSheetId="${name.localSheetId}"` : "";
  return `<${p}definedName name="${escapeAttr(name.name)}"${local}>${nameText(name.value)}</${p}definedName>`;
}

/**
 * The workbook part with a defined name set: the element of the same name and scope gets the
 * new text (its other attributes kept), or a new element is appended. Other names are untouched.
 * @example setDefinedName(xml, { name: "科室列表", value: "'设置'!$A$10:$A$29" })
 */
export function setDefinedName(xml: string, name: DefinedName): string {
  const { root, p } = parts(xml);
  const existing = definedNameElements(xml).find((d) => sameScope(d.name, name.name, name.localSheetId));
  if (existing) return replaceContent(xml, existing.el, nameText(name.value));
  const holder = childElement(xml, root, `${p}definedNames`);
  if (holder) return insertBeforeClose(xml, holder, nameTag(p, name));
  const at = insertionPoint(xml, root, WORKBOOK_ORDER, "definedNames");
  return `${xml.slice(0, at)}<${p}definedNames>${nameTag(p, name)}</${p}definedNames>${xml.slice(at)}`;
}

/** The workbook part without the defined name of that name and scope. */
export function removeDefinedName(xml: string, name: string, localSheetId?: number): string {
  const existing = definedNameElements(xml).find((d) => sameScope(d.name, name, localSheetId));
  if (!existing) return xml;
  return xml.slice(0, existing.el.start) + xml.slice(existing.el.end);
}

/**
 * The workbook part with a `<sheet>` appended to `<sheets>`.
 * @example addSheetEntry(xml, { name: "工作日历", sheetId: 4, relId: "rId9", state: "visible" })
 */
export function addSheetEntry(xml: string, entry: SheetEntry): string {
  const { root, p } = parts(xml);
  const state = entry.state !== "visible" ? ` state="${entry.state}"` : "";
  const rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
    xml.slice(root.start, root.openEnd),
  )?.[1];
  const relAttr = rPrefix ? `${rPrefix}:id` : "r:id";
  const ns = rPrefix ? "" : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const tag = `<${p}sheet name="${escapeAttr(entry.name)}" sheetId="${entry.sheetId}"${state} ${relAttr}="${entry.relId}"${ns}/>`;
  const sheets = childElement(xml, root, `${p}sheets`);
  if (!sheets) {
    const at = insertionPoint(xml, root, WORKBOOK_ORDER, "sheets");
    return `${xml.slice(0, at)}<${p}sheets>${tag}</${p}sheets>${xml.slice(at)}`;
  }
  return insertBeforeClose(xml, sheets, tag);
}

/**
 * The workbook part without the sheet at `index`: its `<sheet>`, its sheet-scoped names, and
 * later sheets' scoped names and the active tab moved down by one.
 */
export function removeSheetEntry(xml: string, index: number): string {
  const { p } = parts(xml);
  let out = xml;
  // Names first (they follow <sheets>), last to first so positions stay valid.
  for (const { el, name } of definedNameElements(out).reverse()) {
    if (name.localSheetId === undefined || name.localSheetId < index) continue;
    out =
      name.localSheetId === index
        ? out.slice(0, el.start) + out.slice(el.end)
        : out.slice(0, el.start) +
          withAttributes(out.slice(el.start, el.openEnd), { localSheetId: String(name.localSheetId - 1) }) +
          out.slice(el.openEnd);
  }
  const sheets = childElement(out, rootElement(out), `${p}sheets`);
  const target = sheets ? childElements(out, sheets, `${p}sheet`)[index] : undefined;
  if (target) out = out.slice(0, target.start) + out.slice(target.end);
  const views = childElement(out, rootElement(out), `${p}bookViews`);
  for (const view of views ? childElements(out, views, `${p}workbookView`).reverse() : []) {
    const a = attributesOf(out, view);
    const changes: Record<string, string | null> = {};
    for (const key of ["activeTab", "firstSheet"]) {
      const v = Number(a.get(key) ?? 0);
      if (v > index || (v === index && v > 0)) changes[key] = String(v - 1);
    }
    if (Object.keys(changes).length > 0) {
      out =
        out.slice(0, view.start) +
        withAttributes(out.slice(view.start, view.openEnd), changes) +
        out.slice(view.openEnd);
    }
  }
  return out;
}

/**
 * The workbook part asking Excel to recalculate every formula when it opens (calcPr
 * fullCalcOnLoad), other calculation settings kept.
 */
export function setFullCalcOnLoad(xml: string): string {
  const { root, p } = parts(xml);
  const calc = childElement(xml, root, `${p}calcPr`);
  if (calc) {
    if (attributesOf(xml, calc).get("fullCalcOnLoad") === "1") return xml;
    return (
      xml.slice(0, calc.start) +
      withAttributes(xml.slice(calc.start, calc.openEnd), { fullCalcOnLoad: "1" }) +
      xml.slice(calc.openEnd)
    );
  }
  const at = insertionPoint(xml, root, WORKBOOK_ORDER, "calcPr");
  return `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/** The workbook's root namespace (strict OOXML uses purl.oclc.org). */
export function workbookNamespace(xml: string): string {
  const { root, p } = parts(xml);
  const attr = p ? `xmlns:${p.slice(0, -1)}` : "xmlns";
  return attributesOf(xml, root).get(attr) ?? "";
}
