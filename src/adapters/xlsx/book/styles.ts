/**
 * The workbook's styles (xl/styles.xml): what a cell's style index says about its number
 * format, and new styles derived from existing ones. Existing fonts, fills, borders, number
 * formats, cell formats and differential formats are never renumbered or rewritten; what a
 * command needs is appended (or an identical entry reused).
 */
import {
  attributesOf,
  childElements,
  escapeAttr,
  rootElement,
  withAttributes,
  prefixOf,
  type XmlElement,
} from "../package/xml";
import { insertionPoint, localName } from "../package/ordered";
import { BUILTIN_NUM_FMTS, builtinNumFmtId, isDateFormat } from "./number-formats";
import {
  alignmentAttributes,
  changeBorder,
  changeFont,
  childAttributes,
  solidFill,
  type AlignmentChange,
  type BorderChange,
  type FontChange,
} from "./style-parts";

const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

type Collection = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";
const COLLECTIONS: readonly Collection[] = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"];
const ITEM: Readonly<Record<Collection, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

/** A change to a cell's look: only the given parts change. */
export interface StyleChange {
  readonly numFmt?: string;
  readonly font?: FontChange;
  /** Solid fill colour, ARGB. */
  readonly fill?: string;
  readonly border?: BorderChange;
  readonly alignment?: AlignmentChange;
}

/** A conditional format's look. */
export interface DxfSpec {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/** The minimal styles part a package without one gets. */
export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

interface Group {
  readonly items: string[];
  readonly added: string[];
  index?: Map<string, number>;
}

export class Styles {
  private readonly groups = new Map<Collection, Group>();
  private readonly customFormats = new Map<number, string>();
  private readonly fmtCache: (string | undefined | null)[] = [];
  private readonly derived = new Map<string, number>();
  /** The key text of each change object derived with (a change is not altered once made). */
  private readonly changeKeys = new WeakMap<StyleChange, string>();
  private readonly prefix: string;

  private constructor(private readonly xml: string) {
    const root = rootElement(xml);
    this.prefix = prefixOf(root.name);
    for (const c of COLLECTIONS) this.groups.set(c, { items: [], added: [] });
    for (const child of childElements(xml, root)) {
      const local = localName(child.name) as Collection;
      if (!COLLECTIONS.includes(local) || prefixOf(child.name) !== this.prefix) continue;
      const group = this.groups.get(local) as Group;
      for (const item of childElements(xml, child, this.prefix + ITEM[local]))
        group.items.push(xml.slice(item.start, item.end));
    }
    for (const nf of this.groups.get("numFmts")!.items) {
      const a = attributesOf(nf, rootElement(nf));
      const id = Number(a.get("numFmtId"));
      if (Number.isInteger(id)) this.customFormats.set(id, a.get("formatCode") ?? "");
    }
  }

  /** Styles from the part's text (undefined: the package has none, a minimal one is used). */
  static parse(xml: string | undefined): Styles {
    return new Styles(xml ?? MINIMAL_STYLES);
  }

  /** True when something was appended. */
  get changed(): boolean {
    return COLLECTIONS.some((c) => this.groups.get(c)!.added.length > 0);
  }

  private all(c: Collection): string[] {
    const g = this.groups.get(c)!;
    return g.added.length === 0 ? g.items : [...g.items, ...g.added];
  }

  /** The xf element of a style index (index 0 when out of range). */
  xfXml(xf: number): string {
    const xfs = this.all("cellXfs");
    return xfs[xf] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  private xfAttributes(xf: number): Map<string, string> {
    const text = this.xfXml(xf);
    return attributesOf(text, rootElement(text));
  }

  /**
   * The number format code of a style index, as ExcelJS reports it (none for id 0).
   * @example styles.numFmtOf(3) // 'yyyy"年"m"月"d"日"'
   */
  numFmtOf(xf: number): string | undefined {
    const cached = this.fmtCache[xf];
    if (cached !== undefined) return cached ?? undefined;
    const id = Number(this.xfAttributes(xf).get("numFmtId") ?? 0);
    const code = id ? (this.customFormats.get(id) ?? BUILTIN_NUM_FMTS[id]) : undefined;
    this.fmtCache[xf] = code ?? null;
    return code;
  }

  /** True when the style shows numbers as dates. */
  isDateStyle(xf: number): boolean {
    return isDateFormat(this.numFmtOf(xf));
  }

  /** Index of an item: an identical existing one, else appended. */
  private intern(c: Collection, text: string): number {
    const g = this.groups.get(c)!;
    if (!g.index) {
      g.index = new Map();
      [...g.items, ...g.added].forEach((t, i) => {
        if (!g.index!.has(t)) g.index!.set(t, i);
      });
    }
    const found = g.index.get(text);
    if (found !== undefined) return found;
    g.added.push(text);
    const index = g.items.length + g.added.length - 1;
    g.index.set(text, index);
    return index;
  }

  private numFmtId(code: string): number {
    const builtin = builtinNumFmtId(code);
    if (builtin !== undefined) return builtin;
    for (const [id, existing] of this.customFormats) if (existing === code) return id;
    const id = Math.max(163, ...this.customFormats.keys()) + 1;
    this.customFormats.set(id, code);
    this.intern("numFmts", `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /**
   * The style index of style `xf` with `change` applied: `xf` itself when nothing differs,
   * else an identical existing style or a new one.
   * @example styles.derive(0, { numFmt: DATE_NUM_FMT }) // e.g. 7
   */
  derive(xf: number, change: StyleChange): number {
    let json = this.changeKeys.get(change);
    if (json === undefined) this.changeKeys.set(change, (json = JSON.stringify(change)));
    const key = `${xf}\u0000${json}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const result = this.deriveNew(xf, change);
    this.derived.set(key, result);
    return result;
  }

  private deriveNew(xf: number, change: StyleChange): number {
    const base = this.xfXml(xf);
    const a = this.xfAttributes(xf);
    const set: Record<string, string> = {};
    if (change.numFmt !== undefined && this.numFmtOf(xf) !== change.numFmt) {
      set.numFmtId = String(this.numFmtId(change.numFmt));
      set.applyNumberFormat = "1";
    }
    const pick = (c: Collection, key: string, apply: string, make: (current: string) => string) => {
      const list = this.all(c);
      const current = list[Number(a.get(key) ?? 0)] ?? list[0] ?? `<${ITEM[c]}/>`;
      const next = make(current);
      if (next === current) return;
      set[key] = String(this.intern(c, next));
      set[apply] = "1";
    };
    if (change.font) pick("fonts", "fontId", "applyFont", (f) => changeFont(f, change.font as FontChange));
    if (change.fill !== undefined) pick("fills", "fillId", "applyFill", (f) => solidFill(f, change.fill as string));
    if (change.border)
      pick("borders", "borderId", "applyBorder", (b) => changeBorder(b, change.border as BorderChange));
    let text = Object.keys(set).length > 0 ? this.withXfAttributes(base, set) : base;
    if (change.alignment) text = this.withAlignment(text, change.alignment);
    if (text === base) return xf < this.all("cellXfs").length ? xf : 0;
    return this.intern("cellXfs", text);
  }

  private withXfAttributes(xfText: string, set: Record<string, string>): string {
    const el = rootElement(xfText);
    return withAttributes(xfText.slice(0, el.openEnd), set) + xfText.slice(el.openEnd);
  }

  private withAlignment(xfText: string, change: AlignmentChange): string {
    const current = childAttributes(xfText, "alignment");
    const next = alignmentAttributes(current, change);
    const same =
      current !== undefined && next.size === current.size && [...next].every(([k, v]) => current.get(k) === v);
    if (same || (current === undefined && next.size === 0)) return xfText;
    const tag = `<${this.prefix}alignment${[...next].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("")}/>`;
    const el = rootElement(xfText);
    const kids = childElements(xfText, el).filter((k) => localName(k.name) !== "alignment");
    const open = withAttributes(xfText.slice(0, el.openEnd), { applyAlignment: "1" }).replace(/\/>$/, ">");
    const rest = kids.map((k) => xfText.slice(k.start, k.end)).join("");
    return `${open}${tag}${rest}</${el.name}>`;
  }

  /** Index of a differential format (for conditional formatting) with this look. */
  dxf(spec: DxfSpec): number {
    const p = this.prefix;
    const font =
      spec.bold || spec.fontColor
        ? `<${p}font>${spec.bold ? `<${p}b/>` : ""}${spec.fontColor ? `<${p}color rgb="${escapeAttr(spec.fontColor)}"/>` : ""}</${p}font>`
        : "";
    const fill = spec.fill
      ? `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${escapeAttr(spec.fill)}"/></${p}patternFill></${p}fill>`
      : "";
    return this.intern("dxfs", `<${p}dxf>${font}${fill}</${p}dxf>`);
  }

  /** The look of a differential format, as far as conditional formats of the setup use it. */
  dxfSpec(index: number): DxfSpec {
    const text = this.all("dxfs")[index];
    if (!text) return {};
    const color = (tag: string) => new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*\\brgb="([^"]*)"`).exec(text)?.[1];
    const fontPart = /<(?:[\w.-]+:)?font\b[\s\S]*?<\/(?:[\w.-]+:)?font>/.exec(text)?.[0] ?? "";
    const fillPart = /<(?:[\w.-]+:)?fill\b[\s\S]*?<\/(?:[\w.-]+:)?fill>/.exec(text)?.[0] ?? "";
    const bold = /<(?:[\w.-]+:)?b(\s+val="(1|true)")?\s*\/>/.test(fontPart);
    const fontColor = /rgb="([^"]*)"/.exec(fontPart.match(/<(?:[\w.-]+:)?color\b[^>]*>/)?.[0] ?? "")?.[1];
    const fill = fillPart ? (color("bgColor") ?? color("fgColor")) : undefined;
    return { ...(fill ? { fill } : {}), ...(fontColor ? { fontColor } : {}), ...(bold ? { bold } : {}) };
  }

  /** The styles part with everything appended (the original text when nothing was). */
  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    // Work from the last collection backwards so earlier positions stay valid.
    for (const c of [...COLLECTIONS].reverse()) {
      const g = this.groups.get(c)!;
      if (g.added.length === 0) continue;
      xml = this.appendTo(xml, c, g);
    }
    return xml;
  }

  private appendTo(xml: string, c: Collection, g: Group): string {
    const root = rootElement(xml);
    const name = this.prefix + c;
    const el: XmlElement | undefined = childElements(xml, root, name)[0];
    const count = String(g.items.length + g.added.length);
    const added = g.added.join("");
    if (!el) {
      const at = insertionPoint(xml, root, STYLESHEET_ORDER, c);
      return `${xml.slice(0, at)}<${name} count="${count}">${added}</${name}>${xml.slice(at)}`;
    }
    const open = withAttributes(xml.slice(el.start, el.openEnd), { count }).replace(/\/>$/, ">");
    const inner = xml.slice(el.openEnd, el.closeStart);
    return `${xml.slice(0, el.start)}${open}${inner}${added}</${name}>${xml.slice(el.end)}`;
  }
}
