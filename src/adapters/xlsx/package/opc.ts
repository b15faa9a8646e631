/**
 * The Open Packaging Conventions a workbook package uses: content types ([Content_Types].xml)
 * and relationships (_rels/*.rels), read and edited as text so that everything not changed
 * stays as it was written.
 */
import { attributesOf, childElements, escapeAttr, insertBeforeClose, prefixOf, rootElement } from "./xml";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Relationship types a workbook uses (transitional OOXML). */
export const REL_TYPES = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  sharedStrings: `${REL}/sharedStrings`,
  styles: `${REL}/styles`,
  calcChain: `${REL}/calcChain`,
  extendedProperties: `${REL}/extended-properties`,
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  table: `${REL}/table`,
} as const;

/** Content types of the parts this adapter writes or recognises. */
export const CONTENT_TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  template: "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  macroTemplate: "application/vnd.ms-excel.template.macroEnabled.main+xml",
  addin: "application/vnd.ms-excel.addin.macroEnabled.main+xml",
  binaryWorkbook: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  calcChain: "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

// ── content types ──────────────────────────────────────────────────────────────────────────

/**
 * The content type of a part: its Override, else the Default of its extension, else undefined.
 * @example contentTypeOf(typesXml, "xl/workbook.xml") // "application/vnd…sheet.main+xml"
 */
export function contentTypeOf(typesXml: string, part: string): string | undefined {
  const root = rootElement(typesXml);
  const wanted = `/${part}`.toLowerCase();
  const p = prefixOf(root.name);
  let byExtension: string | undefined;
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const el of childElements(typesXml, root)) {
    const a = attributesOf(typesXml, el);
    if (el.name === `${p}Override` && (a.get("PartName") ?? "").toLowerCase() === wanted) return a.get("ContentType");
    if (el.name === `${p}Default` && (a.get("Extension") ?? "").toLowerCase() === ext)
      byExtension = a.get("ContentType");
  }
  return byExtension;
}

/**
 * The content types with an Override for `part` set to `type` (added, or changed when different).
 * @example setOverride(typesXml, "xl/worksheets/sheet4.xml", CONTENT_TYPES.worksheet)
 */
export function setOverride(typesXml: string, part: string, type: string): string {
  const root = rootElement(typesXml);
  const p = prefixOf(root.name);
  const wanted = `/${part}`.toLowerCase();
  for (const el of childElements(typesXml, root, `${p}Override`)) {
    const a = attributesOf(typesXml, el);
    if ((a.get("PartName") ?? "").toLowerCase() !== wanted) continue;
    if (a.get("ContentType") === type) return typesXml;
    const tag = `<${p}Override PartName="${escapeAttr(`/${part}`)}" ContentType="${escapeAttr(type)}"/>`;
    return typesXml.slice(0, el.start) + tag + typesXml.slice(el.end);
  }
  return insertBeforeClose(
    typesXml,
    root,
    `<${p}Override PartName="${escapeAttr(`/${part}`)}" ContentType="${escapeAttr(type)}"/>`,
  );
}

/** The content types without an Override for `part`. */
export function removeOverride(typesXml: string, part: string): string {
  const root = rootElement(typesXml);
  const wanted = `/${part}`.toLowerCase();
  for (const el of childElements(typesXml, root, `${prefixOf(root.name)}Override`)) {
    if ((attributesOf(typesXml, el).get("PartName") ?? "").toLowerCase() === wanted) {
      return typesXml.slice(0, el.start) + typesXml.slice(el.end);
    }
  }
  return typesXml;
}

// ── relationships ──────────────────────────────────────────────────────────────────────────

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The Target as written. */
  readonly target: string;
  readonly external: boolean;
}

/**
 * The relationships part of a part.
 * @example relsPartOf("xl/workbook.xml") // "xl/_rels/workbook.xml.rels"
 * @example relsPartOf("") // "_rels/.rels"
 */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The relationships listed in a .rels part. */
export function parseRelationships(relsXml: string): Relationship[] {
  const root = rootElement(relsXml);
  return childElements(relsXml, root, `${prefixOf(root.name)}Relationship`).map((el) => {
    const a = attributesOf(relsXml, el);
    return {
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
    };
  });
}

/**
 * The part a relative (or absolute) target of `source`'s relationship names.
 * @example resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml") // "xl/worksheets/sheet1.xml"
 * @example resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml") // "xl/drawings/drawing1.xml"
 */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split("#")[0];
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of clean.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/**
 * A target for a relationship from `source` to `part`, relative to the source's folder.
 * @example relativeTarget("xl/workbook.xml", "xl/worksheets/sheet4.xml") // "worksheets/sheet4.xml"
 */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** An Id no relationship of the part uses: rId + one more than the highest number. */
export function newRelationshipId(rels: readonly Relationship[]): string {
  let max = 0;
  for (const r of rels) {
    const m = /^rId(\d+)$/.exec(r.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let id = `rId${max + 1}`;
  while (rels.some((r) => r.id === id)) id = `rId${Number(id.slice(3)) + 1}`;
  return id;
}

/** An empty relationships part. */
export const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/**
 * The .rels text with a relationship added; returns it and the new Id.
 * @example addRelationship(EMPTY_RELS, REL_TYPES.worksheet, "worksheets/sheet2.xml").id // "rId1"
 */
export function addRelationship(relsXml: string, type: string, target: string): { xml: string; id: string } {
  const id = newRelationshipId(parseRelationships(relsXml));
  const root = rootElement(relsXml);
  const tag = `<${prefixOf(root.name)}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  return { xml: insertBeforeClose(relsXml, root, tag), id };
}

/** The .rels text without the relationship `id`. */
export function removeRelationship(relsXml: string, id: string): string {
  const root = rootElement(relsXml);
  for (const el of childElements(relsXml, root, `${prefixOf(root.name)}Relationship`)) {
    if (attributesOf(relsXml, el).get("Id") === id) return relsXml.slice(0, el.start) + relsXml.slice(el.end);
  }
  return relsXml;
}
