/**
 * Building an OPC package part by part: parts with their content types, relationships from
 * any part (or the package) to any other, and the zip written in the order Office writes it.
 */
import * as path from "path";
import { escapeXml } from "../ooxml/xml";
import { writeParts } from "../ooxml/zip";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

/** Relationship types by short name (officeDocument/2006 unless noted). */
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL = {
  officeDocument: `${R}/officeDocument`,
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${R}/extended-properties`,
  customProperties: `${R}/custom-properties`,
  worksheet: `${R}/worksheet`,
  chartsheet: `${R}/chartsheet`,
  styles: `${R}/styles`,
  theme: `${R}/theme`,
  sharedStrings: `${R}/sharedStrings`,
  calcChain: `${R}/calcChain`,
  drawing: `${R}/drawing`,
  chart: `${R}/chart`,
  image: `${R}/image`,
  hyperlink: `${R}/hyperlink`,
  comments: `${R}/comments`,
  vmlDrawing: `${R}/vmlDrawing`,
  table: `${R}/table`,
  pivotTable: `${R}/pivotTable`,
  pivotCacheDefinition: `${R}/pivotCacheDefinition`,
  pivotCacheRecords: `${R}/pivotCacheRecords`,
  externalLink: `${R}/externalLink`,
  externalLinkPath: `${R}/externalLinkPath`,
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
} as const;

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
export const CT = {
  workbook: `${SML}.sheet.main+xml`,
  workbookMacro: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  worksheet: `${SML}.worksheet+xml`,
  chartsheet: `${SML}.chartsheet+xml`,
  styles: `${SML}.styles+xml`,
  sharedStrings: `${SML}.sharedStrings+xml`,
  calcChain: `${SML}.calcChain+xml`,
  comments: `${SML}.comments+xml`,
  table: `${SML}.table+xml`,
  pivotTable: `${SML}.pivotTable+xml`,
  pivotCacheDefinition: `${SML}.pivotCacheDefinition+xml`,
  pivotCacheRecords: `${SML}.pivotCacheRecords+xml`,
  externalLink: `${SML}.externalLink+xml`,
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  vba: "application/vnd.ms-office.vbaProject",
  threadedComments: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
  png: "image/png",
} as const;

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The relationships part of a source part ("" for the package). */
function relsPart(source: string): string {
  if (source === "") return "_rels/.rels";
  const dir = path.posix.dirname(source);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(source)}.rels`;
}

/** A target written relative to the source part's folder, as Office writes it. */
function relativeTarget(source: string, part: string): string {
  const from = source === "" ? "." : path.posix.dirname(source);
  return path.posix.relative(from, part);
}

/** An OPC package under construction. */
export class PackageBuilder {
  private readonly parts = new Map<string, string | Uint8Array>();
  private readonly rels = new Map<string, Rel[]>();
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>([
    ["rels", CT.rels],
    ["xml", "application/xml"],
  ]);

  /** Adds (or replaces) a part; `contentType` becomes an Override unless a Default covers it. */
  put(part: string, content: string | Uint8Array, contentType?: string): this {
    this.parts.set(part, content);
    if (contentType !== undefined) {
      const ext = path.posix.extname(part).slice(1).toLowerCase();
      if (this.defaults.get(ext) !== contentType) this.overrides.set(part, contentType);
    }
    return this;
  }

  has(part: string): boolean {
    return this.parts.has(part);
  }

  /** Declares the content type of an extension. */
  setDefault(ext: string, contentType: string): this {
    this.defaults.set(ext, contentType);
    return this;
  }

  /** Changes the content type override of a part (e.g. the workbook of an .xlsm). */
  setOverride(part: string, contentType: string): this {
    this.overrides.set(part, contentType);
    return this;
  }

  /**
   * Adds a relationship from `source` ("" for the package) to the part `to` (a part name) or,
   * when `external`, to the URL `to`. Returns its id (rId1, rId2 … per source).
   */
  relate(source: string, type: string, to: string, external = false): string {
    const list = this.rels.get(source) ?? [];
    const id = `rId${list.length + 1}`;
    list.push({ id, type, target: external ? to : relativeTarget(source, to), external });
    this.rels.set(source, list);
    return id;
  }

  private contentTypesXml(): string {
    const defaults = [...this.defaults].map(
      ([ext, ct]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(ct)}"/>`,
    );
    const overrides = [...this.overrides].map(
      ([part, ct]) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(ct)}"/>`,
    );
    return `${XML_DECL}<Types xmlns="${NS.ct}">${defaults.join("")}${overrides.join("")}</Types>`;
  }

  private relsXml(rels: readonly Rel[]): string {
    const items = rels.map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${
          r.external ? ' TargetMode="External"' : ""
        }/>`,
    );
    return `${XML_DECL}<Relationships xmlns="${NS.rel}">${items.join("")}</Relationships>`;
  }

  /** Every part in writing order: content types, package rels, then parts each followed by its rels. */
  toParts(): Map<string, string | Uint8Array> {
    const out = new Map<string, string | Uint8Array>();
    out.set("[Content_Types].xml", this.contentTypesXml());
    const packageRels = this.rels.get("");
    if (packageRels) out.set(relsPart(""), this.relsXml(packageRels));
    for (const [part, content] of this.parts) {
      out.set(part, content);
      const rels = this.rels.get(part);
      if (rels) out.set(relsPart(part), this.relsXml(rels));
    }
    return out;
  }

  /** The package as .xlsx bytes. */
  toZip(): Uint8Array {
    return writeParts(this.toParts());
  }
}
