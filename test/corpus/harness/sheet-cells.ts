/** The cells and rows of a worksheet part, as written, and cell ranges ("A1:B3 D5") expanded. */
import { attributes, childElements, childNamed, rootElement } from "../ooxml/xml";

export interface RawCell {
  readonly ref: string;
  /** The whole `<c>` element. */
  readonly raw: string;
  readonly attrs: Record<string, string>;
  /** The element without its style attribute, to compare values only. */
  readonly unstyled: string;
  /** True when it holds a value or a formula (not just a style). */
  readonly filled: boolean;
}

export interface SheetCells {
  readonly cells: Map<string, RawCell>;
  /** Row attributes by row number (spans left out: they follow the cells). */
  readonly rows: Map<number, Record<string, string>>;
}

/** Reads `<sheetData>` of a worksheet part. */
export function sheetCells(xml: string): SheetCells {
  const cells = new Map<string, RawCell>();
  const rows = new Map<number, Record<string, string>>();
  const data = childNamed(rootElement(xml), "sheetData");
  for (const row of childElements(data?.inner ?? "")) {
    const rowAttrs = attributes(row.startTag);
    delete rowAttrs.spans;
    rows.set(Number(rowAttrs.r), rowAttrs);
    for (const c of childElements(row.inner)) {
      const attrs = attributes(c.startTag);
      cells.set(attrs.r, {
        ref: attrs.r,
        raw: c.raw,
        attrs,
        unstyled: c.raw.replace(/\s+s="\d+"/, ""),
        filled: /<(v|f|is)[\s>/]/.test(c.inner),
      });
    }
  }
  return { cells, rows };
}

/** References of the formula cells of a worksheet part. */
export function formulaCells(xml: string): Set<string> {
  const out = new Set<string>();
  for (const c of sheetCells(xml).cells.values()) if (/<f[\s>/]/.test(c.raw)) out.add(c.ref);
  return out;
}

/** "AB12" → [12, 28]. */
export function refPosition(ref: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return [0, 0];
  return [Number(m[2]), [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)];
}

/** 28 → "AB". */
export function columnName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Every cell of a space-separated list of ranges, as "row:col" keys.
 * @example expandSqref("A1:B2 D4").size // 5
 */
export function expandSqref(sqref: string): Set<string> {
  const out = new Set<string>();
  for (const range of sqref.trim().split(/\s+/)) {
    const [a, b = a] = range.split(":");
    const [r1, c1] = refPosition(a);
    const [r2, c2] = refPosition(b);
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
      for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.add(`${r}:${c}`);
    }
  }
  return out;
}
