/**
 * A small XML scanner for comparing package parts: it finds elements as the exact text they
 * occupy in the part (so "kept verbatim" can be checked), their attributes and their children.
 * It does not resolve entities or DTDs (it never needs to) and assumes well-formed input.
 */

/** One element as it appears in the text: name with prefix, start and end offsets. */
export interface XmlElement {
  readonly name: string;
  /** The whole element, start tag to end tag (or the self-closing tag). */
  readonly raw: string;
  /** The start tag only. */
  readonly startTag: string;
  /** The text between the start and end tags ("" when self-closing). */
  readonly inner: string;
}

interface Token {
  readonly kind: "open" | "close" | "empty" | "other";
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** The end (exclusive) of the markup starting at `i` (a "<"), skipping quoted attribute values. */
function markupEnd(xml: string, i: number): number {
  for (const [open, close] of [
    ["<!--", "-->"],
    ["<![CDATA[", "]]>"],
    ["<?", "?>"],
  ] as const) {
    if (xml.startsWith(open, i)) {
      const j = xml.indexOf(close, i + open.length);
      return j < 0 ? xml.length : j + close.length;
    }
  }
  let quote = "";
  let depth = 0; // brackets of a DOCTYPE internal subset
  for (let j = i + 1; j < xml.length; j++) {
    const ch = xml[j];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[") depth += 1;
    else if (ch === "]") depth -= 1;
    else if (ch === ">" && depth <= 0) return j + 1;
  }
  return xml.length;
}

function tokenAt(xml: string, i: number): Token {
  const end = markupEnd(xml, i);
  const text = xml.slice(i, end);
  if (text.startsWith("<!") || text.startsWith("<?")) return { kind: "other", name: "", start: i, end };
  if (text.startsWith("</")) return { kind: "close", name: /^<\/\s*([^\s>]+)/.exec(text)![1], start: i, end };
  const name = /^<([^\s/>]+)/.exec(text)![1];
  return { kind: text.endsWith("/>") ? "empty" : "open", name, start: i, end };
}

/** Every markup token of a text, in order. */
function tokens(xml: string): Token[] {
  const out: Token[] = [];
  let i = xml.indexOf("<");
  while (i >= 0) {
    const t = tokenAt(xml, i);
    out.push(t);
    i = xml.indexOf("<", t.end);
  }
  return out;
}

/**
 * The elements directly inside `xml` (a fragment or an element's inner text), in order.
 * @example childElements("<a/><b>x</b>").map((e) => e.name) // ["a", "b"]
 */
export function childElements(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: Token[] = [];
  for (const t of tokens(xml)) {
    if (t.kind === "other") continue;
    if (t.kind === "empty") {
      if (stack.length === 0) {
        const raw = xml.slice(t.start, t.end);
        out.push({ name: t.name, raw, startTag: raw, inner: "" });
      }
    } else if (t.kind === "open") stack.push(t);
    else {
      const open = stack.pop();
      if (open && stack.length === 0) {
        out.push({
          name: open.name,
          raw: xml.slice(open.start, t.end),
          startTag: xml.slice(open.start, open.end),
          inner: xml.slice(open.end, t.start),
        });
      }
    }
  }
  return out;
}

/** The root element of a part (after the declaration), or null for text that has none. */
export function rootElement(xml: string): XmlElement | null {
  return childElements(xml)[0] ?? null;
}

/** Local name: the part after a namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The children of `el` whose local name is `name`. */
export function childrenNamed(el: XmlElement | null, name: string): XmlElement[] {
  return el ? childElements(el.inner).filter((c) => localName(c.name) === name) : [];
}

/** The first child of `el` named `name`, or null. */
export function childNamed(el: XmlElement | null, name: string): XmlElement | null {
  return childrenNamed(el, name)[0] ?? null;
}

/** Every element named `name` at any depth inside `xml`, outermost first. */
export function descendantsNamed(xml: string, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const el of childElements(xml)) {
    if (localName(el.name) === name) out.push(el);
    out.push(...descendantsNamed(el.inner, name));
  }
  return out;
}

/** Decodes the five predefined entities and character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[ref]!;
  });
}

/** Escapes text for an XML attribute or element. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/**
 * The attributes of a start tag, decoded, by qualified name.
 * @example attributes('<sheet name="登记表" sheetId="1"/>') // { name: "登记表", sheetId: "1" }
 */
export function attributes(startTag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const body = startTag.replace(/^<[^\s/>]+/, "");
  for (let m = re.exec(body); m; m = re.exec(body)) out[m[1]] = decodeXml(m[3] ?? m[4] ?? "");
  return out;
}

/**
 * A canonical form of an XML fragment for comparing meaning, not bytes: attributes sorted,
 * children sorted, white space between elements dropped.
 * @example canonical('<a y="2" x="1"><c/><b/></a>') === canonical('<a x="1" y="2"><b/><c/></a>') // true
 */
export function canonical(xml: string): string {
  const children = childElements(xml);
  if (children.length === 0) return decodeXml(xml.trim());
  return children
    .map((el) => {
      const attrs = Object.entries(attributes(el.startTag))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => ` ${k}="${v}"`)
        .join("");
      return `<${el.name}${attrs}>${canonical(el.inner)}</${el.name}>`;
    })
    .sort()
    .join("");
}

/** The decoded text content of an element (tags removed). */
export function textContent(el: XmlElement | null): string {
  return el ? decodeXml(el.inner.replace(/<[^>]*>/g, "")) : "";
}
