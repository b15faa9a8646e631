/**
 * Fonts, fills, borders and alignment of styles.xml as small records, and the XML of a part
 * changed from a base part: unchanged children keep their text, so a change that changes
 * nothing gives back the base text (and the base index).
 */
import { attributesOf, childElements, escapeAttr, parseAttributes, rootElement, type XmlElement } from "../package/xml";

export type LineStyle = "thin" | "medium" | "thick" | "dashed" | "dotted" | "double" | "hair";

/** A font change: only the given fields change. Colours are ARGB hex ("FF9C0006"). */
export interface FontChange {
  readonly bold?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly name?: string;
  readonly charset?: number;
  readonly family?: number;
}

export interface AlignmentChange {
  readonly horizontal?: string;
  /** "middle" is written as Excel's "center". */
  readonly vertical?: string;
  readonly wrap?: boolean;
  readonly indent?: number;
}

/** Sides to set: a line style, or "none" for no line. */
export type BorderChange = Partial<Record<"left" | "right" | "top" | "bottom", LineStyle | "none">>;

/** The children of an element as [local name, raw text] in order. */
function children(xml: string): { el: XmlElement; kids: { name: string; text: string }[]; prefix: string } {
  const el = rootElement(xml);
  const prefix = el.name.includes(":") ? el.name.slice(0, el.name.indexOf(":") + 1) : "";
  const kids = childElements(xml, el).map((k) => ({
    name: k.name.slice(prefix.length),
    text: xml.slice(k.start, k.end),
  }));
  return { el, kids, prefix };
}

function valOf(text: string | undefined): string | undefined {
  return text === undefined ? undefined : parseAttributes(text.slice(0, text.indexOf(">") + 1)).get("val");
}

const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

function isOn(text: string | undefined): boolean {
  if (text === undefined) return false;
  const v = valOf(text);
  return v === undefined || v === "1" || v === "true";
}

/**
 * The font XML with the change applied, or the same text when it already matches.
 * @example changeFont("<font><sz val=\"11\"/></font>", { bold: true }) // "<font><b/><sz val=\"11\"/></font>"
 */
export function changeFont(fontXml: string, change: FontChange): string {
  const { el, kids, prefix } = children(fontXml);
  const get = (n: string) => kids.find((k) => k.name === n)?.text;
  const set = new Map<string, string | null>();
  if (change.bold !== undefined && isOn(get("b")) !== change.bold) set.set("b", change.bold ? `<${prefix}b/>` : null);
  if (change.size !== undefined && Number(valOf(get("sz"))) !== change.size)
    set.set("sz", `<${prefix}sz val="${change.size}"/>`);
  if (change.color !== undefined) {
    const rgb = get("color") ? parseAttributes(get("color") as string).get("rgb") : undefined;
    if ((rgb ?? "").toUpperCase() !== change.color.toUpperCase())
      set.set("color", `<${prefix}color rgb="${escapeAttr(change.color)}"/>`);
  }
  if (change.name !== undefined && valOf(get("name")) !== change.name)
    set.set("name", `<${prefix}name val="${escapeAttr(change.name)}"/>`);
  if (change.family !== undefined && Number(valOf(get("family"))) !== change.family)
    set.set("family", `<${prefix}family val="${change.family}"/>`);
  if (change.charset !== undefined && Number(valOf(get("charset"))) !== change.charset)
    set.set("charset", `<${prefix}charset val="${change.charset}"/>`);
  if (set.size === 0) return fontXml;
  if (set.has("name") || set.has("family") || set.has("charset")) {
    // A new face: the theme's font scheme would override the name, so drop it.
    set.set("scheme", null);
  }
  const byName = new Map(kids.map((k) => [k.name, k.text] as [string, string | null]));
  for (const [k, v] of set) byName.set(k, v);
  const known = FONT_ORDER.filter((n) => byName.get(n)).map((n) => byName.get(n) as string);
  const unknown = kids.filter((k) => !FONT_ORDER.includes(k.name)).map((k) => k.text);
  return `${fontXml.slice(0, el.openEnd).replace(/\/>$/, ">")}${[...known, ...unknown].join("")}</${el.name}>`;
}

/**
 * A solid fill of one colour, or the base text when it already is one.
 * @example solidFill("<fill><patternFill patternType=\"none\"/></fill>", "FFD9E1F2")
 */
export function solidFill(fillXml: string, argb: string): string {
  const current = solidColorOf(fillXml);
  if (current !== undefined && current.toUpperCase() === argb.toUpperCase()) return fillXml;
  return `<fill><patternFill patternType="solid"><fgColor rgb="${escapeAttr(argb)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

/** The foreground colour of a solid pattern fill, or undefined. */
export function solidColorOf(fillXml: string): string | undefined {
  const m = /<([\w.-]+:)?patternFill\b([^>]*)>/.exec(fillXml);
  if (!m || parseAttributes(`<p ${m[2]}>`).get("patternType") !== "solid") return undefined;
  const fg = /<([\w.-]+:)?fgColor\b([^>]*)\/?>/.exec(fillXml);
  return fg ? parseAttributes(`<c ${fg[2]}>`).get("rgb") : undefined;
}

const BORDER_ORDER = ["start", "left", "end", "right", "top", "bottom", "diagonal", "vertical", "horizontal"];

/** The line style of each side of a border. */
export function borderSides(borderXml: string): Record<string, string | undefined> {
  const { kids } = children(borderXml);
  const out: Record<string, string | undefined> = {};
  for (const k of kids) out[k.name] = parseAttributes(k.text.slice(0, k.text.indexOf(">") + 1)).get("style");
  return out;
}

/**
 * The border XML with the given sides set, or the base text when they already match.
 * @example changeBorder("<border/>", { top: "thin" }) // "<border><left/><right/><top style=\"thin\"/><bottom/><diagonal/></border>"
 */
export function changeBorder(borderXml: string, change: BorderChange): string {
  const { el, kids, prefix } = children(borderXml);
  const sides = borderSides(borderXml);
  const entries = Object.entries(change) as [string, string][];
  if (entries.every(([side, style]) => (sides[side] ?? "none") === style)) return borderXml;
  const byName = new Map(kids.map((k) => [k.name, k.text]));
  for (const [side, style] of entries) {
    byName.set(side, style === "none" ? `<${prefix}${side}/>` : `<${prefix}${side} style="${style}"/>`);
  }
  for (const side of ["left", "right", "top", "bottom", "diagonal"])
    if (!byName.has(side)) byName.set(side, `<${prefix}${side}/>`);
  const ordered = BORDER_ORDER.filter((n) => byName.has(n)).map((n) => byName.get(n) as string);
  const unknown = kids.filter((k) => !BORDER_ORDER.includes(k.name)).map((k) => k.text);
  return `${borderXml.slice(0, el.openEnd).replace(/\/>$/, ">")}${[...ordered, ...unknown].join("")}</${el.name}>`;
}

/**
 * The attributes of an `<alignment>` element merged with a change (null when nothing is set).
 * @example alignmentAttributes(undefined, { vertical: "middle", wrap: true }) // { vertical: "center", wrapText: "1" }
 */
export function alignmentAttributes(
  current: ReadonlyMap<string, string> | undefined,
  change: AlignmentChange,
): Map<string, string> {
  const out = new Map(current ?? []);
  if (change.horizontal !== undefined) out.set("horizontal", change.horizontal);
  if (change.vertical !== undefined) out.set("vertical", change.vertical === "middle" ? "center" : change.vertical);
  if (change.wrap !== undefined) {
    if (change.wrap) out.set("wrapText", "1");
    else out.delete("wrapText");
  }
  if (change.indent !== undefined) {
    if (change.indent > 0) out.set("indent", String(change.indent));
    else out.delete("indent");
  }
  return out;
}

/** Attributes of the first child of `xml` named `local` (any prefix), or undefined. */
export function childAttributes(xml: string, local: string): Map<string, string> | undefined {
  const el = rootElement(xml);
  for (const k of childElements(xml, el)) {
    if (k.name === local || k.name.endsWith(`:${local}`)) return attributesOf(xml, k);
  }
  return undefined;
}
