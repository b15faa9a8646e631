/**
 * The Open Packaging Conventions parts of a package, read for comparison: content types,
 * relationships (with their targets resolved to part names) and the workbook's sheets.
 */
import * as path from "path";
import { attributes, childrenNamed, childNamed, rootElement } from "./xml";
import { partText, type Parts } from "./zip";

export const CONTENT_TYPES = "[Content_Types].xml";

export interface ContentTypes {
  /** Extension (lower case) → content type. */
  readonly defaults: Map<string, string>;
  /** Part name without leading "/" → content type. */
  readonly overrides: Map<string, string>;
}

/** The content types of a package (empty maps when the part is missing). */
export function readContentTypes(parts: Parts): ContentTypes {
  const root = rootElement(partText(parts, CONTENT_TYPES) ?? "");
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const d of childrenNamed(root, "Default")) {
    const a = attributes(d.startTag);
    defaults.set(a.Extension.toLowerCase(), a.ContentType);
  }
  for (const o of childrenNamed(root, "Override")) {
    const a = attributes(o.startTag);
    overrides.set(a.PartName.replace(/^\//, ""), a.ContentType);
  }
  return { defaults, overrides };
}

/** The content type a part gets: its override, else the default of its extension. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  return types.overrides.get(part) ?? types.defaults.get(path.posix.extname(part).slice(1).toLowerCase());
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The part name the target resolves to (internal relationships only). */
  readonly part: string | null;
  /** The element as written. */
  readonly raw: string;
}

/**
 * The relationships part of a part: "" (the package) → "_rels/.rels",
 * "xl/workbook.xml" → "xl/_rels/workbook.xml.rels".
 */
export function relsPartOf(source: string): string {
  if (source === "") return "_rels/.rels";
  const dir = path.posix.dirname(source);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(source)}.rels`;
}

/** The source part of a relationships part (the inverse of relsPartOf), or null. */
export function sourceOfRels(relsPart: string): string | null {
  const m = /^(?:(.*)\/)?_rels\/([^/]*)\.rels$/.exec(relsPart);
  if (!m) return null;
  return m[1] === undefined ? m[2] : `${m[1]}/${m[2]}`.replace(/^\//, "");
}

/** Resolves a relationship target against its source part (absolute targets from the root). */
export function resolveTarget(source: string, target: string): string {
  const clean = decodeURIComponent(target.split("#")[0]);
  if (clean.startsWith("/")) return path.posix.normalize(clean).replace(/^\//, "");
  const base = source === "" ? "" : path.posix.dirname(source);
  return path.posix.normalize(path.posix.join(base === "." ? "" : base, clean));
}

/** The relationships of a source part ("" for the package). */
export function readRels(parts: Parts, source: string): Relationship[] {
  const root = rootElement(partText(parts, relsPartOf(source)) ?? "");
  return childrenNamed(root, "Relationship").map((r) => {
    const a = attributes(r.startTag);
    const external = a.TargetMode === "External";
    return {
      id: a.Id,
      type: a.Type,
      target: a.Target,
      external,
      part: external ? null : resolveTarget(source, a.Target),
      raw: r.raw,
    };
  });
}

/** The relationship type's last path segment ("worksheet", "chartsheet", "theme" …). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: string;
  readonly rid: string;
  readonly state: string;
  /** The sheet's part, or null when its relationship is missing. */
  readonly part: string | null;
  /** "worksheet", "chartsheet", "dialogsheet" … */
  readonly kind: string;
  readonly raw: string;
}

/** The workbook part named by the package relationships (usually xl/workbook.xml). */
export function workbookPart(parts: Parts): string {
  const rel = readRels(parts, "").find((r) => relKind(r.type) === "officeDocument");
  return rel?.part ?? "xl/workbook.xml";
}

/** The sheets listed in workbook.xml, in order, with their parts. */
export function readSheets(parts: Parts): SheetEntry[] {
  const wbPart = workbookPart(parts);
  const rels = readRels(parts, wbPart);
  const root = rootElement(partText(parts, wbPart) ?? "");
  return childrenNamed(childNamed(root, "sheets"), "sheet").map((s) => {
    const a = attributes(s.startTag);
    const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    const rel = rels.find((r) => r.id === rid);
    return {
      name: a.name,
      sheetId: a.sheetId,
      rid,
      state: a.state ?? "visible",
      part: rel?.part ?? null,
      kind: rel ? relKind(rel.type) : "",
      raw: s.raw,
    };
  });
}

/** The part of the sheet named `name`, or null. */
export function sheetPart(parts: Parts, name: string): string | null {
  return readSheets(parts).find((s) => s.name === name)?.part ?? null;
}
