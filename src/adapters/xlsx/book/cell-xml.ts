/**
 * One `<c>` element: reading what it stores (style, type, formula, cached value) and writing a
 * new one for a value or a formula. Strings are written inline (`t="inlineStr"`), so the shared
 * string table is never rewritten; Excel turns them into shared strings when it saves.
 */
import type { CellValue } from "../../../domain/cell";
import { isoToSerial } from "../../../domain/dates";
import { decodeXml, escapeText, parseAttributes, startTagAttribute } from "../package/xml";
import { DATE1904_OFFSET } from "./number-formats";

/** A value or a formula (without "=") to write. */
export type WriteValue = CellValue | { readonly t: "formula"; readonly f: string };

/** What one `<c>` element says. */
export interface CellXml {
  /** Style index (0 when none). */
  readonly s: number;
  readonly t?: string;
  /** The content between the start and end tags ("" for an empty element). */
  readonly inner: string;
  /** The formula element, when the cell has one. */
  readonly formula?: { readonly text: string; readonly type?: string; readonly ref?: string; readonly si?: string };
}

/**
 * Parses a `<c>` element's text.
 * @example parseCellXml('<c r="A1" s="2"><f>B1*2</f><v>4</v></c>').formula.text // "B1*2"
 */
export function parseCellXml(text: string, prefix = ""): CellXml {
  const gt = text.indexOf(">");
  const tag = text.slice(0, gt + 1);
  const inner = text.charCodeAt(gt - 1) === 47 ? "" : text.slice(gt + 1, text.lastIndexOf("</"));
  const s = Number(startTagAttribute(tag, "s") ?? 0) || 0;
  const t = startTagAttribute(tag, "t");
  const fAt = inner.indexOf(`<${prefix}f`);
  if (fAt < 0 || !/[\s/>]/.test(inner[fAt + prefix.length + 2] ?? "")) return { s, ...(t ? { t } : {}), inner };
  const fEnd = inner.indexOf(">", fAt);
  const fa = parseAttributes(inner.slice(fAt, fEnd + 1));
  const selfClosing = inner.charCodeAt(fEnd - 1) === 47;
  const body = selfClosing ? "" : inner.slice(fEnd + 1, inner.indexOf(`</${prefix}f>`, fEnd));
  const type = fa.get("t");
  const ref = fa.get("ref");
  const si = fa.get("si");
  return {
    s,
    ...(t ? { t } : {}),
    inner,
    formula: { text: decodeXml(body), ...(type ? { type } : {}), ...(ref ? { ref } : {}), ...(si ? { si } : {}) },
  };
}

/**
 * The style index of a `<c>` element's text (0 when none): parseCellXml(text).s without the rest.
 * @example cellStyleIndex('<c r="A1" s="7"><v>1</v></c>') // 7
 */
export function cellStyleIndex(text: string): number {
  return Number(startTagAttribute(text.slice(0, text.indexOf(">") + 1), "s") ?? 0) || 0;
}

/**
 * Cell text for a `<t>` element: escaped, and a literal "_xHHHH_" in the text protected as
 * "_x005F_xHHHH_" so that no reader decodes it as Excel's character escape.
 * @example cellText("a_x0041_b") // "a_x005F_x0041_b"
 */
export function cellText(text: string): string {
  return escapeText(text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_"));
}

/** Text that needs xml:space="preserve" to keep its spaces (the rule ExcelJS writes by). */
function preserve(text: string): string {
  return /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
}

/**
 * The serial number written for a date in a workbook's date system.
 * @example dateSerial("2021-03-31", false) // 44286
 */
export function dateSerial(iso: string, date1904: boolean): number {
  const serial = isoToSerial(iso);
  if (Number.isNaN(serial)) throw new RangeError(`Not a writable date: ${iso}`);
  return date1904 ? serial - DATE1904_OFFSET : serial;
}

function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`Not a writable number: ${v}`);
  return String(v);
}

/**
 * A `<c>` element for a value at `ref` with style `s`; null for an empty cell without style
 * (nothing to keep). A date becomes its serial number.
 * @example cellXmlFor("B3", 0, { t: "string", v: "〔2026〕1号" }, false, "")
 *   // '<c r="B3" t="inlineStr"><is><t>〔2026〕1号</t></is></c>'
 */
export function cellXmlFor(ref: string, s: number, value: WriteValue, date1904: boolean, p: string): string | null {
  const style = s > 0 ? ` s="${s}"` : "";
  const open = `<${p}c r="${ref}"${style}`;
  switch (value.t) {
    case "empty":
      return s > 0 ? `${open}/>` : null;
    case "string":
      if (value.v === "") return s > 0 ? `${open}/>` : null;
      return `${open} t="inlineStr"><${p}is><${p}t${preserve(value.v)}>${cellText(value.v)}</${p}t></${p}is></${p}c>`;
    case "number":
      return `${open}><${p}v>${numberText(value.v)}</${p}v></${p}c>`;
    case "bool":
      return `${open} t="b"><${p}v>${value.v ? 1 : 0}</${p}v></${p}c>`;
    case "error":
      return `${open} t="e"><${p}v>${escapeText(value.v)}</${p}v></${p}c>`;
    case "date":
      return `${open}><${p}v>${dateSerial(value.v, date1904)}</${p}v></${p}c>`;
    case "formula":
      return `${open}><${p}f>${escapeText(value.f)}</${p}f></${p}c>`;
  }
}

/**
 * The cell text with its formula replaced by a plain one (for the cells of a shared formula
 * whose master is overwritten); value, type and style kept.
 * @example withOwnFormula('<c r="B2"><f t="shared" si="0"/><v>10</v></c>', "A2*2", "")
 *   // '<c r="B2"><f>A2*2</f><v>10</v></c>'
 */
export function withOwnFormula(cellText: string, formula: string, p: string): string {
  return cellText.replace(
    new RegExp(`<${p}f\\b[^>]*?(/>|>[\\s\\S]*?</${p}f>)`),
    () => `<${p}f>${escapeText(formula)}</${p}f>`,
  );
}
