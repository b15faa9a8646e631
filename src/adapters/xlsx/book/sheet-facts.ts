/**
 * Facts about a worksheet a write must respect, read once per sheet: array formulas (a cell
 * inside one cannot be changed alone), shared formulas (their master's text, so that the cells
 * sharing it keep their formulas when the master is overwritten), and table header rows.
 */
import type { CellRange } from "../../../domain/cell";
import { parseRelationships, REL_TYPES, relsPartOf, resolveTarget } from "../package/opc";
import { attributesOf, rootElement } from "../package/xml";
import type { XlsxBook } from "./book";
import { parseCellRef, parseRange, rangeHas } from "./cell-ref";
import { parseCellXml } from "./cell-xml";
import type { SheetInfo } from "./open";
import type { SheetDoc } from "./sheet-doc";

export interface SharedMaster {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  readonly range: CellRange;
}

export interface TableHeader {
  readonly name: string;
  readonly row: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Every cell whose `<f>` matches `attr` (e.g. t="array"): scans only when the text has one.
 */
function formulaCells(xml: string, kind: string): { row: number; col: number; text: string }[] {
  if (xml.indexOf(`"${kind}"`) < 0 && xml.indexOf(`'${kind}'`) < 0) return [];
  const out: { row: number; col: number; text: string }[] = [];
  const re = new RegExp(`<([\\w.-]+:)?f\\b[^>]*\\bt\\s*=\\s*["']${kind}["']`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const cellStart = xml.lastIndexOf(`<${m[1] ?? ""}c`, m.index);
    const cellEnd = xml.indexOf(`</${m[1] ?? ""}c>`, m.index);
    if (cellStart < 0 || cellEnd < 0) continue;
    const text = xml.slice(cellStart, cellEnd + (m[1] ?? "").length + 4);
    const r = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/.exec(text.slice(0, text.indexOf(">")))?.[1];
    const ref = r ? parseCellRef(r) : null;
    if (ref) out.push({ ...ref, text });
    re.lastIndex = cellEnd;
  }
  return out;
}

export class SheetFacts {
  private arrays?: CellRange[];
  private masters?: Map<string, SharedMaster>;
  private headers?: TableHeader[];

  constructor(
    private readonly book: XlsxBook,
    private readonly info: SheetInfo,
    private readonly doc: SheetDoc,
  ) {}

  /** The array formula (or data table) range holding a cell, if any. */
  arrayAt(row: number, col: number): CellRange | undefined {
    if (!this.arrays) {
      this.arrays = [];
      for (const kind of ["array", "dataTable"]) {
        for (const c of formulaCells(this.doc.xml, kind)) {
          const ref = parseCellXml(c.text, this.doc.p).formula?.ref;
          const range = ref ? parseRange(ref) : null;
          if (range) this.arrays.push(range);
        }
      }
    }
    return this.arrays.find((r) => rangeHas(r, row, col));
  }

  /** The master of shared formula `si`. */
  sharedMaster(si: string): SharedMaster | undefined {
    if (!this.masters) {
      this.masters = new Map();
      for (const c of formulaCells(this.doc.xml, "shared")) {
        const f = parseCellXml(c.text, this.doc.p).formula;
        const range = f?.ref ? parseRange(f.ref) : null;
        if (f?.si !== undefined && range && f.text !== "") {
          this.masters.set(f.si, { row: c.row, col: c.col, formula: f.text, range });
        }
      }
    }
    return this.masters.get(si);
  }

  /** The table whose header row holds a cell, if any. */
  tableHeaderAt(row: number, col: number): TableHeader | undefined {
    if (!this.headers) this.headers = this.readHeaders();
    return this.headers.find((h) => h.row === row && col >= h.left && col <= h.right);
  }

  private readHeaders(): TableHeader[] {
    const relsPart = relsPartOf(this.info.part);
    if (!this.book.pkg.has(relsPart)) return [];
    const out: TableHeader[] = [];
    for (const rel of parseRelationships(this.book.pkg.text(relsPart))) {
      if (rel.type !== REL_TYPES.table || rel.external) continue;
      const part = resolveTarget(this.info.part, rel.target);
      if (!this.book.pkg.has(part)) continue;
      const xml = this.book.pkg.text(part);
      const a = attributesOf(xml, rootElement(xml));
      const range = parseRange(a.get("ref") ?? "");
      if (!range || a.get("headerRowCount") === "0") continue;
      out.push({
        name: a.get("displayName") ?? a.get("name") ?? "",
        row: range.top,
        left: range.left,
        right: range.right,
      });
    }
    return out;
  }
}
