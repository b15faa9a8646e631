/**
 * The shared string table (xl/sharedStrings.xml), read once into plain strings: rich text runs
 * concatenated, phonetic runs (rPh) left out, Excel's _xHHHH_ escapes decoded — what ExcelJS
 * gives for the same part. Writes use inline strings, so the table is never rewritten.
 */
import { decodeXml, prefixOf, rootElement, textOf, type XmlElement } from "../package/xml";

/** Excel's escape for characters XML cannot hold (upper-case hex, as ExcelJS decodes it). */
const EXCEL_ESCAPE = /_x([0-9A-F]{4})_/g;

/**
 * Text with Excel's _xHHHH_ escapes decoded.
 * @example unescapeExcel("a_x000D_b") // "a\rb"
 */
export function unescapeExcel(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of a string item (`<si>` or an inline `<is>`): its `<t>` runs, direct or inside
 * `<r>` runs, concatenated; phonetic runs ignored.
 * @example stringItemText('<t>督办</t>') // "督办"
 */
export function stringItemText(inner: string, prefix = ""): string {
  let body = inner;
  if (body.indexOf("rPh") >= 0)
    body = body.replace(/<([\w.-]+:)?rPh\b[\s\S]*?<\/([\w.-]+:)?rPh>|<([\w.-]+:)?rPh\b[^>]*\/>/g, "");
  const open = `<${prefix}t`;
  let out = "";
  let at = body.indexOf(open);
  while (at >= 0) {
    const next = body.charCodeAt(at + open.length);
    // "<t>" or "<t …>" or "<t/>", not "<tab…>".
    if (next === 62 || next === 32 || next === 47 || next === 9 || next === 10 || next === 13) {
      const gt = body.indexOf(">", at);
      if (body.charCodeAt(gt - 1) === 47) {
        at = body.indexOf(open, gt);
        continue;
      }
      const close = body.indexOf(`</${prefix}t>`, gt);
      if (close < 0) break;
      const raw = body.slice(gt + 1, close);
      out += raw.indexOf("<![CDATA[") >= 0 ? textOfRaw(raw) : decodeXml(raw);
      at = body.indexOf(open, close);
    } else {
      at = body.indexOf(open, at + open.length);
    }
  }
  return unescapeExcel(out);
}

function textOfRaw(raw: string): string {
  const el: XmlElement = { name: "t", start: 0, openEnd: 3, closeStart: 3 + raw.length, end: 7 + raw.length };
  return textOf(`<t>${raw}</t>`, el);
}

/**
 * Every string of a shared string table, in index order.
 * @example parseSharedStrings('<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>') // ["a", "bc"]
 */
export function parseSharedStrings(xml: string): string[] {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const open = `<${p}si`;
  const close = `</${p}si>`;
  const out: string[] = [];
  let at = xml.indexOf(open, root.openEnd);
  while (at >= 0 && at < root.closeStart) {
    const gt = xml.indexOf(">", at);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      at = xml.indexOf(open, gt);
      continue;
    }
    const end = xml.indexOf(close, gt);
    if (end < 0) break;
    out.push(stringItemText(xml.slice(gt + 1, end), p));
    at = xml.indexOf(open, end);
  }
  return out;
}
