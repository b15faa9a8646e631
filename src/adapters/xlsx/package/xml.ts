/**
 * A small XML reader for package parts, working on the text by positions: no DOM (a 40 MB
 * sheet stays one string), no DTDs and no entities beyond the five predefined ones and
 * numeric references — a `<!DOCTYPE` or `<!ENTITY` is refused outright (no XXE, no
 * "billion laughs"). Parts are edited by splicing new text between element positions.
 */
import { PackageError } from "./errors";

/** A tag found in the text: `start` at "<", `end` just after ">". */
export interface XmlTag {
  readonly name: string;
  readonly kind: "open" | "close" | "empty";
  readonly start: number;
  readonly end: number;
}

/** An element: its start tag ends at `openEnd`; its content runs to `closeStart`; `end` follows it. */
export interface XmlElement {
  readonly name: string;
  readonly start: number;
  readonly openEnd: number;
  readonly closeStart: number;
  readonly end: number;
}

/**
 * Refuses XML that declares a document type or entities; comments and CDATA are fine.
 * @example assertSafeXml('<!DOCTYPE x [<!ENTITY a "b">]><x/>', "xl/workbook.xml") // throws PackageError("unsafe-xml")
 */
export function assertSafeXml(xml: string, part: string): void {
  let at = xml.indexOf("<!");
  while (at >= 0) {
    if (!xml.startsWith("<!--", at) && !xml.startsWith("<![CDATA[", at)) {
      throw new PackageError("unsafe-xml", part);
    }
    at = xml.indexOf("<!", at + 2);
  }
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function codePoint(n: number, whole: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
}

/**
 * Text content as the XML means it: line ends normalised to "\n", the five predefined entities
 * and numeric references decoded; any other "&name;" is left as written (no DTD, no expansion).
 * @example decodeXml("A&amp;B &#x4E2D;") // "A&B 中"
 */
export function decodeXml(text: string): string {
  let s = text.indexOf("\r") >= 0 ? text.replace(/\r\n?/g, "\n") : text;
  if (s.indexOf("&") < 0) return s;
  s = s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body[0] !== "#") return NAMED[body] ?? whole;
    return codePoint(body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10), whole);
  });
  return s;
}

/** A carriage return is kept by a character reference (a literal one is read as a line feed). */
const ENTITY: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };

function escapeOne(c: string): string {
  return ENTITY[c] ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
}

/**
 * Text for element content: &, < and > escaped; characters XML cannot hold as Excel's _xHHHH_.
 * @example escapeText("a<b & c") // "a&lt;b &amp; c"
 */
export function escapeText(text: string): string {
  return text.replace(ESCAPED, escapeMatch);
}

/** & < > and control characters (tab and line feed are kept); U+FFFE/U+FFFF. */
const ESCAPED = /[&<>\p{Cc}\ufffe\uffff]/gu;

function escapeMatch(c: string): string {
  // \p{Cc} also matches tab, line feed and U+007F–U+009F, which XML holds as they are.
  const code = c.charCodeAt(0);
  return code === 9 || code === 10 || (code >= 0x7f && code <= 0x9f) ? c : escapeOne(c);
}

/**
 * Text for an attribute value in double quotes (line ends kept as character references).
 * @example escapeAttr('say "hi"\n') // "say &quot;hi&quot;&#10;"
 */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

function isNameEnd(code: number): boolean {
  // space, tab, CR, LF, "/", ">"
  return code === 32 || code === 9 || code === 13 || code === 10 || code === 47 || code === 62;
}

/** Index just after the ">" closing a tag that starts at `at`, skipping ">" inside quotes. */
function tagEnd(xml: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  throw new PackageError("corrupt", "unclosed tag");
}

/** Skips a comment, CDATA section or processing instruction starting at `at`; -1 when it is a tag. */
function skipSpecial(xml: string, at: number): number {
  const c = xml.charCodeAt(at + 1);
  if (c === 63 /* ? */) return endOf(xml, "?>", at);
  if (c !== 33 /* ! */) return -1;
  if (xml.startsWith("<!--", at)) return endOf(xml, "-->", at);
  if (xml.startsWith("<![CDATA[", at)) return endOf(xml, "]]>", at);
  throw new PackageError("unsafe-xml", "declaration");
}

function endOf(xml: string, marker: string, at: number): number {
  const i = xml.indexOf(marker, at);
  if (i < 0) throw new PackageError("corrupt", `unterminated ${marker}`);
  return i + marker.length;
}

/**
 * The next tag at or after `from` (comments, CDATA and processing instructions skipped), or null.
 * @example nextTag("<a><b/></a>", 1) // { name: "a", kind: "open", start: 0, end: 3 } when from = 0
 */
export function nextTag(xml: string, from: number, to: number = xml.length): XmlTag | null {
  let at = xml.indexOf("<", from);
  while (at >= 0 && at < to) {
    const skipped = skipSpecial(xml, at);
    if (skipped >= 0) {
      at = xml.indexOf("<", skipped);
      continue;
    }
    const closing = xml.charCodeAt(at + 1) === 47;
    let i = at + (closing ? 2 : 1);
    while (i < xml.length && !isNameEnd(xml.charCodeAt(i))) i++;
    const name = xml.slice(at + (closing ? 2 : 1), i);
    const end = tagEnd(xml, at);
    const kind = closing ? "close" : xml.charCodeAt(end - 2) === 47 ? "empty" : "open";
    return { name, kind, start: at, end };
  }
  return null;
}

/**
 * The whole element whose start tag is `tag` (nested elements of the same name are counted).
 * @example elementOf(xml, nextTag(xml, 0)!).end // index after its end tag
 */
export function elementOf(xml: string, tag: XmlTag): XmlElement {
  if (tag.kind === "empty")
    return { name: tag.name, start: tag.start, openEnd: tag.end, closeStart: tag.end, end: tag.end };
  let depth = 1;
  let at = tag.end;
  for (;;) {
    const t = nextTag(xml, at);
    if (!t) throw new PackageError("corrupt", `unclosed <${tag.name}>`);
    at = t.end;
    if (t.name !== tag.name) continue;
    if (t.kind === "open") depth++;
    else if (t.kind === "close" && --depth === 0) {
      return { name: tag.name, start: tag.start, openEnd: tag.end, closeStart: t.start, end: t.end };
    }
  }
}

/** The document's root element (its end tag is the document's last: found from the end). */
export function rootElement(xml: string): XmlElement {
  const tag = nextTag(xml, 0);
  if (!tag || tag.kind === "close") throw new PackageError("corrupt", "no root element");
  if (tag.kind === "empty") return elementOf(xml, tag);
  const closeStart = xml.lastIndexOf(`</${tag.name}`);
  if (closeStart < tag.end) throw new PackageError("corrupt", `unclosed <${tag.name}>`);
  const end = xml.indexOf(">", closeStart) + 1;
  return { name: tag.name, start: tag.start, openEnd: tag.end, closeStart, end };
}

/**
 * The direct children of an element, in order, each taken whole by `wholeElement` (by default
 * tag by tag; a caller may step over a big child by its end tag instead).
 * @example childrenOf(xml, root, (tag) => elementOf(xml, tag)).length
 */
export function childrenOf(
  xml: string,
  parent: XmlElement,
  wholeElement: (tag: XmlTag) => XmlElement = (tag) => elementOf(xml, tag),
): XmlElement[] {
  const out: XmlElement[] = [];
  let at = parent.openEnd;
  while (at < parent.closeStart) {
    const tag = nextTag(xml, at, parent.closeStart);
    if (!tag || tag.kind === "close") break;
    const el = wholeElement(tag);
    out.push(el);
    at = el.end;
  }
  return out;
}

/**
 * The direct children of an element, in order (optionally only those named `name`).
 * @example childElements(xml, root, "sheet").length
 */
export function childElements(xml: string, parent: XmlElement, name?: string): XmlElement[] {
  const all = childrenOf(xml, parent);
  return name === undefined ? all : all.filter((el) => el.name === name);
}

/** The first direct child named `name`, or undefined. */
export function childElement(xml: string, parent: XmlElement, name: string): XmlElement | undefined {
  let at = parent.openEnd;
  while (at < parent.closeStart) {
    const tag = nextTag(xml, at, parent.closeStart);
    if (!tag || tag.kind === "close") return undefined;
    const el = elementOf(xml, tag);
    if (tag.name === name) return el;
    at = el.end;
  }
  return undefined;
}

/**
 * The text with `text` appended inside `el` (an empty element `<x/>` is opened for it).
 * @example insertBeforeClose("<a/>", rootElement("<a/>"), "<b/>") // "<a><b/></a>"
 */
export function insertBeforeClose(xml: string, el: XmlElement, text: string): string {
  if (el.closeStart === el.end) return openedWith(xml, el, text);
  return xml.slice(0, el.closeStart) + text + xml.slice(el.closeStart);
}

/**
 * The text with the content of `el` replaced by `text` (its start tag and attributes kept).
 * @example replaceContent("<a>x</a>", rootElement("<a>x</a>"), "y") // "<a>y</a>"
 */
export function replaceContent(xml: string, el: XmlElement, text: string): string {
  if (el.closeStart === el.end) return openedWith(xml, el, text);
  return xml.slice(0, el.openEnd) + text + xml.slice(el.closeStart);
}

/** An empty element `<x …/>` opened as `<x …>text</x>`. */
function openedWith(xml: string, el: XmlElement, text: string): string {
  const open = xml.slice(el.start, el.end - 2).replace(/\s+$/, "") + ">";
  return `${xml.slice(0, el.start)}${open}${text}</${el.name}>${xml.slice(el.end)}`;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * The attributes of a start tag (text from "<" to ">"), values decoded.
 * @example parseAttributes('<c r="A1" t="s">').get("t") // "s"
 */
export function parseAttributes(startTag: string): Map<string, string> {
  const out = new Map<string, string>();
  const nameEnd = startTag.search(/[\s/>]/);
  ATTRIBUTE.lastIndex = nameEnd < 0 ? startTag.length : nameEnd;
  let m: RegExpExecArray | null;
  while ((m = ATTRIBUTE.exec(startTag)) !== null) {
    const raw = m[3] ?? m[4] ?? "";
    out.set(m[1], decodeXml(raw.replace(/[\t\n\r]/g, " ")));
  }
  return out;
}

/**
 * True for a start tag xml[start, end) whose attributes a plain search reads right: double
 * quotes only, single spaces, no space around "=".
 * @example isPlainTag('<c r="A1" s="3">', 0, 16) // true
 */
export function isPlainTag(xml: string, start = 0, end = xml.length): boolean {
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c === 39 || c === 9 || c === 10 || c === 13) return false;
    if (c === 61 && (xml.charCodeAt(i - 1) === 32 || xml.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

/**
 * One attribute of a start tag, decoded — what `parseAttributes(startTag).get(name)` gives,
 * read without building the map when the tag is plain (the usual `<c r="A1" s="3" t="s">`).
 * @example startTagAttribute('<c r="A1" s="3">', "s") // "3"
 */
export function startTagAttribute(startTag: string, name: string): string | undefined {
  if (!isPlainTag(startTag)) return parseAttributes(startTag).get(name);
  const key = ` ${name}="`;
  // The last one, as the map keeps it (no value holds a double quote, so no match is inside one).
  const at = startTag.lastIndexOf(key);
  if (at < 0) return undefined;
  const from = at + key.length;
  const end = startTag.indexOf('"', from);
  if (end < 0) return parseAttributes(startTag).get(name);
  const raw = startTag.slice(from, end);
  return raw.indexOf("&") < 0 ? raw : decodeXml(raw);
}

/** The attributes of an element's start tag. */
export function attributesOf(xml: string, el: Pick<XmlElement, "start" | "openEnd">): Map<string, string> {
  return parseAttributes(xml.slice(el.start, el.openEnd));
}

/** The decoded text inside an element (markup inside it removed). */
export function textOf(xml: string, el: XmlElement): string {
  const inner = xml.slice(el.openEnd, el.closeStart);
  if (inner.indexOf("<") < 0) return decodeXml(inner);
  return decodeXml(
    inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|<[^>]*>/g, (_, cdata?: string) => (cdata ? escapeText(cdata) : "")),
  );
}

/**
 * A start tag with attributes changed: a string sets (added at the end when new), null removes.
 * Other attributes keep their text and order.
 * @example withAttributes('<c r="A1" s="3">', { s: null, t: "s" }) // '<c r="A1" t="s">'
 */
export function withAttributes(startTag: string, changes: Readonly<Record<string, string | null>>): string {
  const names = Object.keys(changes);
  if (names.length === 1 && isPlainTag(startTag)) {
    const one = withOneAttribute(startTag, names[0], changes[names[0]]);
    if (one !== undefined) return one;
  }
  const done = new Set<string>();
  let out = startTag.replace(/(\s+)([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g, (whole, space: string, name: string) => {
    if (!(name in changes)) return whole;
    done.add(name);
    const value = changes[name];
    return value === null ? "" : `${space}${name}="${escapeAttr(value)}"`;
  });
  const added = Object.entries(changes)
    .filter(([name, value]) => value !== null && !done.has(name))
    .map(([name, value]) => ` ${name}="${escapeAttr(value as string)}"`)
    .join("");
  if (added) {
    const close = out.endsWith("/>") ? out.length - 2 : out.length - 1;
    out = out.slice(0, close).replace(/\s+$/, "") + added + out.slice(close);
  }
  return out;
}

/**
 * withAttributes for one attribute of a plain start tag, by search instead of a regular
 * expression (a cell restyled is one such call); undefined when the attribute is there twice.
 */
function withOneAttribute(startTag: string, name: string, value: string | null): string | undefined {
  const key = ` ${name}="`;
  const at = startTag.indexOf(key);
  if (at >= 0) {
    if (startTag.indexOf(key, at + 1) >= 0) return undefined;
    let from = at;
    while (startTag.charCodeAt(from - 1) === 32) from--;
    const end = startTag.indexOf('"', at + key.length) + 1;
    const text = value === null ? "" : `${startTag.slice(from, at + 1)}${name}="${escapeAttr(value)}"`;
    return startTag.slice(0, from) + text + startTag.slice(end);
  }
  if (value === null) return startTag;
  const close = startTag.endsWith("/>") ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, close).replace(/\s+$/, "")} ${name}="${escapeAttr(value)}"${startTag.slice(close)}`;
}

/** The prefix of a qualified name with its colon ("x:" for "x:c"), or "". */
export function prefixOf(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? "" : name.slice(0, i + 1);
}

/** One edit of a text: replace [start, end) by `text` (start = end inserts). */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The text with non-overlapping splices applied (in any order given; equal starts keep their order).
 * @example applySplices("abc", [{ start: 1, end: 2, text: "X" }]) // "aXc"
 */
export function applySplices(text: string, splices: readonly Splice[]): string {
  if (splices.length === 0) return text;
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  for (const { s } of sorted) {
    if (s.start < at) throw new Error("overlapping edits");
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
