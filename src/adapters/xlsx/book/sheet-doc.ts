/**
 * A worksheet part open for editing, as text. Rows are indexed by position once; a command
 * changes cells (whole `<c>` elements), row attributes and top-level elements (views, columns,
 * merges, conditional formats, validations, print settings); `toXml` splices only those into
 * the original text, so every other row, cell and element keeps its exact bytes. New elements
 * go where CT_Worksheet's schema order puts them.
 */
import type { CellRange } from "../../../domain/cell";
import { PackageError } from "../package/errors";
import { insertionPoint } from "../package/ordered";
import {
  applySplices,
  parseAttributes,
  prefixOf,
  rootElement,
  withAttributes,
  type Splice,
  type XmlElement,
} from "../package/xml";
import { parseCellRef, parseRange } from "./cell-ref";
import { rangeRef } from "../../../domain/a1-ref";
import { readMerges } from "./sheet-read";
import { utf8Encode } from "../package/text-codec";
import { topLevel, WORKSHEET_ORDER, type WorksheetElement } from "./sheet-elements";

/** Where an element sits in the text (an XmlElement without its name). */
type Span = Omit<XmlElement, "name">;
interface RowPos extends Span {
  readonly r: number;
}
interface CellPos {
  readonly col: number;
  readonly start: number;
  readonly end: number;
}

function isBoundary(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

export class SheetDoc {
  readonly p: string;
  private readonly root: XmlElement;
  private readonly data: Span | null;
  private rows?: RowPos[];
  private rowByNum?: Map<number, RowPos>;
  private readonly cellCache = new Map<number, CellPos[]>();
  private readonly edits = new Map<number, Map<number, string | null>>();
  private readonly rowEdits = new Map<number, Record<string, string | null>>();
  private readonly groups = new Map<WorksheetElement, string[]>();
  private mergeList?: CellRange[];
  private colStyleList?: { min: number; max: number; style: number }[];
  private added?: CellRange;

  private readonly children: XmlElement[];

  constructor(readonly xml: string) {
    this.root = rootElement(xml);
    this.p = prefixOf(this.root.name);
    this.children = topLevel(xml, this.root, `${this.p}sheetData`);
    this.data = this.children.find((el) => el.name === `${this.p}sheetData`) ?? null;
  }

  /** True when anything was changed. */
  get changed(): boolean {
    return this.edits.size > 0 || this.rowEdits.size > 0 || this.groups.size > 0;
  }

  // ── rows and cells ──────────────────────────────────────────────────────────────────────

  private index(): Map<number, RowPos> {
    if (this.rowByNum) return this.rowByNum;
    const rows: RowPos[] = [];
    const map = new Map<number, RowPos>();
    const d = this.data;
    if (d && d.openEnd !== d.end) {
      const open = `<${this.p}row`;
      const close = `</${this.p}row>`;
      let r = 0;
      let at = this.xml.indexOf(open, d.openEnd);
      while (at >= 0 && at < d.closeStart) {
        if (!isBoundary(this.xml.charCodeAt(at + open.length))) {
          at = this.xml.indexOf(open, at + 1);
          continue;
        }
        const openEnd = this.xml.indexOf(">", at) + 1;
        const num = /\sr\s*=\s*["'](\d+)["']/.exec(this.xml.slice(at, openEnd))?.[1];
        r = num ? Number(num) : r + 1;
        const selfClosing = this.xml.charCodeAt(openEnd - 2) === 47;
        const closeStart = selfClosing ? openEnd : this.xml.indexOf(close, openEnd);
        if (closeStart < 0) throw new PackageError("corrupt", "unclosed row");
        const end = selfClosing ? openEnd : closeStart + close.length;
        const pos = { r, start: at, openEnd, closeStart, end };
        rows.push(pos);
        if (!map.has(r)) map.set(r, pos);
        at = this.xml.indexOf(open, end);
      }
    }
    this.rows = rows;
    this.rowByNum = map;
    return map;
  }

  private cellsOf(row: RowPos): CellPos[] {
    const cached = this.cellCache.get(row.r);
    if (cached) return cached;
    const out: CellPos[] = [];
    const open = `<${this.p}c`;
    const close = `</${this.p}c>`;
    let col = 0;
    let at = this.xml.indexOf(open, row.openEnd);
    while (at >= 0 && at < row.closeStart) {
      if (!isBoundary(this.xml.charCodeAt(at + open.length))) {
        at = this.xml.indexOf(open, at + 1);
        continue;
      }
      const tagEnd = this.xml.indexOf(">", at) + 1;
      const ref = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/.exec(this.xml.slice(at, tagEnd))?.[1];
      col = ref ? (parseCellRef(ref)?.col ?? col + 1) : col + 1;
      const end = this.xml.charCodeAt(tagEnd - 2) === 47 ? tagEnd : this.xml.indexOf(close, tagEnd) + close.length;
      out.push({ col, start: at, end });
      at = this.xml.indexOf(open, end);
    }
    this.cellCache.set(row.r, out);
    return out;
  }

  /** The `<c>` text of a cell as it stands (edits included), or undefined when there is none. */
  cellText(row: number, col: number): string | undefined {
    const edited = this.edits.get(row);
    if (edited?.has(col)) return edited.get(col) ?? undefined;
    const pos = this.index().get(row);
    if (!pos) return undefined;
    const cell = this.cellsOf(pos).find((c) => c.col === col);
    return cell ? this.xml.slice(cell.start, cell.end) : undefined;
  }

  /** Row numbers present (in the file or added), ascending, from `from` on. */
  rowNumbers(from = 1): number[] {
    const set = new Set<number>();
    for (const r of this.index().keys()) if (r >= from) set.add(r);
    for (const r of this.edits.keys()) if (r >= from) set.add(r);
    return [...set].sort((a, b) => a - b);
  }

  /** Columns of a row holding a `<c>` element (edits included), ascending. */
  columnsOf(row: number): number[] {
    const set = new Set<number>();
    const pos = this.index().get(row);
    if (pos) for (const c of this.cellsOf(pos)) set.add(c.col);
    for (const [c, text] of this.edits.get(row) ?? []) {
      if (text === null) set.delete(c);
      else set.add(c);
    }
    return [...set].sort((a, b) => a - b);
  }

  /** Attributes of a row element (edits included), or undefined when the row has none. */
  rowAttributes(row: number): Map<string, string> | undefined {
    const pos = this.index().get(row);
    const base = pos ? parseAttributes(this.xml.slice(pos.start, pos.openEnd)) : undefined;
    const edit = this.rowEdits.get(row);
    if (!edit) return base;
    const out = new Map(base ?? []);
    for (const [k, v] of Object.entries(edit)) {
      if (v === null) out.delete(k);
      else out.set(k, v);
    }
    return out;
  }

  /** Sets (text) or removes (null) the `<c>` element of a cell. */
  setCell(row: number, col: number, text: string | null): void {
    let edits = this.edits.get(row);
    if (!edits) this.edits.set(row, (edits = new Map()));
    edits.set(col, text);
    if (text !== null) {
      const a = this.added;
      this.added = a
        ? {
            top: Math.min(a.top, row),
            left: Math.min(a.left, col),
            bottom: Math.max(a.bottom, row),
            right: Math.max(a.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
  }

  /** Changes attributes of a row element (null removes one); creates the row when needed. */
  setRowAttributes(row: number, changes: Readonly<Record<string, string | null>>): void {
    this.rowEdits.set(row, { ...this.rowEdits.get(row), ...changes });
  }

  // ── merges ──────────────────────────────────────────────────────────────────────────────

  /** The merged ranges, top to bottom. */
  merges(): CellRange[] {
    if (!this.mergeList) {
      const text = this.elementTexts("mergeCells").join("");
      this.mergeList = text ? readMerges(text, 0, this.p) : [];
    }
    return this.mergeList;
  }

  /** Adds merged ranges (the caller made sure they overlap none). */
  addMerges(ranges: readonly CellRange[]): void {
    if (ranges.length === 0) return;
    const all = [...this.merges(), ...ranges];
    const existing = this.elementTexts("mergeCells")[0];
    const extra = ranges.map((m) => `<${this.p}mergeCell ref="${rangeRef(m)}"/>`).join("");
    let text: string;
    if (existing) {
      const el = rootElement(existing);
      const open = withAttributes(existing.slice(0, el.openEnd), { count: String(all.length) }).replace(/\/>$/, ">");
      text = `${open}${existing.slice(el.openEnd, el.closeStart)}${extra}</${el.name}>`;
    } else {
      text = `<${this.p}mergeCells count="${all.length}">${extra}</${this.p}mergeCells>`;
    }
    this.setElements("mergeCells", [text]);
    this.mergeList = all.sort((a, b) => a.top - b.top || a.left - b.left);
  }

  // ── top-level elements ──────────────────────────────────────────────────────────────────

  private original(local: WorksheetElement): XmlElement[] {
    return this.children.filter((el) => el.name === this.p + local);
  }

  /** The texts of the top-level elements of a kind, as they stand. */
  elementTexts(local: WorksheetElement): string[] {
    const replaced = this.groups.get(local);
    if (replaced) return replaced;
    return this.original(local).map((el) => this.xml.slice(el.start, el.end));
  }

  /** Replaces all top-level elements of a kind by these texts (none removes them). */
  setElements(local: WorksheetElement, texts: readonly string[]): void {
    this.groups.set(local, [...texts]);
    if (local === "mergeCells") this.mergeList = undefined;
    if (local === "cols") this.colStyleList = undefined;
  }

  /** The style index columns give their new cells (0 when none). */
  columnStyle(col: number): number {
    if (!this.colStyleList) {
      this.colStyleList = [];
      for (const text of this.elementTexts("cols")) {
        for (const m of text.matchAll(/<(?:[\w.-]+:)?col\b([^>]*)>/g)) {
          const a = parseAttributes(`<col ${m[1]}>`);
          const style = Number(a.get("style") ?? 0);
          if (style > 0) this.colStyleList.push({ min: Number(a.get("min")), max: Number(a.get("max")), style });
        }
      }
    }
    return this.colStyleList.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  }

  // ── writing out ─────────────────────────────────────────────────────────────────────────

  private rowText(r: number, pos: RowPos | undefined): string {
    const edits = [...(this.edits.get(r) ?? [])].sort((a, b) => a[0] - b[0]);
    const attrs = this.rowEdits.get(r) ?? {};
    const p = this.p;
    if (!pos) {
      const open = withAttributes(`<${p}row r="${r}">`, attrs);
      return `${open}${edits.map(([, t]) => t ?? "").join("")}</${p}row>`;
    }
    const cells = this.cellsOf(pos);
    let open = this.xml.slice(pos.start, pos.openEnd);
    const selfClosing = pos.openEnd === pos.end;
    const spans = parseAttributes(open).get("spans");
    const outside = spans && edits.some(([c, t]) => t !== null && !spansHold(spans, c));
    open = withAttributes(open, { ...attrs, ...(outside ? { spans: null } : {}) });
    if (selfClosing) open = open.replace(/\s*\/>$/, ">");
    const base = pos.openEnd;
    const content = selfClosing ? "" : this.xml.slice(pos.openEnd, pos.closeStart);
    const splices: Splice[] = [];
    for (const [col, text] of edits) {
      const found = cells.find((c) => c.col === col);
      if (found) {
        splices.push({ start: found.start - base, end: found.end - base, text: text ?? "" });
        continue;
      }
      if (text === null) continue;
      const next = cells.find((c) => c.col > col);
      const last = cells[cells.length - 1];
      const at = next ? next.start - base : last ? last.end - base : 0;
      splices.push({ start: at, end: at, text });
    }
    return `${open}${applySplices(content, splices)}</${p}row>`;
  }

  private rowSplices(): Splice[] {
    const wanted = new Set([...this.edits.keys(), ...this.rowEdits.keys()]);
    if (wanted.size === 0) return [];
    const index = this.index();
    const d = this.data;
    const sorted = [...wanted].sort((a, b) => a - b);
    if (!d || d.openEnd === d.end) {
      const inner = sorted.map((r) => this.rowText(r, undefined)).join("");
      this.groups.set("sheetData", [`<${this.p}sheetData>${inner}</${this.p}sheetData>`]);
      return [];
    }
    const rows = this.rows as RowPos[];
    const splices: Splice[] = [];
    let i = 0;
    for (const r of sorted) {
      const pos = index.get(r);
      if (pos) {
        splices.push({ start: pos.start, end: pos.end, text: this.rowText(r, pos) });
        continue;
      }
      while (i < rows.length && rows[i].r < r) i++;
      const at = i < rows.length ? rows[i].start : d.closeStart;
      splices.push({ start: at, end: at, text: this.rowText(r, undefined) });
    }
    return splices;
  }

  private dimensionUpdate(): void {
    if (!this.added || this.groups.has("dimension")) return;
    const current = this.original("dimension")[0];
    const ref = current ? parseAttributes(this.xml.slice(current.start, current.openEnd)).get("ref") : undefined;
    const old = ref ? parseRange(ref) : null;
    const a = this.added;
    const union = old
      ? {
          top: Math.min(old.top, a.top),
          left: Math.min(old.left, a.left),
          bottom: Math.max(old.bottom, a.bottom),
          right: Math.max(old.right, a.right),
        }
      : a;
    if (
      old &&
      union.top === old.top &&
      union.left === old.left &&
      union.bottom === old.bottom &&
      union.right === old.right
    )
      return;
    const text = current
      ? withAttributes(this.xml.slice(current.start, current.end), { ref: rangeRef(union) })
      : `<${this.p}dimension ref="${rangeRef(union)}"/>`;
    this.groups.set("dimension", [text]);
  }

  /** The part's text with every change spliced in (the original text when nothing changed). */
  toXml(): string {
    return this.changed ? applySplices(this.xml, this.allSplices()) : this.xml;
  }

  /**
   * The part's bytes with every change spliced in, built from `original` — the part's UTF-8
   * bytes, when its text is ASCII (one byte per character, so positions agree) — without
   * making the whole new text: a big ASCII sheet gaining a Chinese cell would otherwise become
   * a two-byte string twice its size. Null when the bytes cannot be used that way.
   */
  toBytes(original: Uint8Array): Uint8Array | null {
    if (
      original.length !== this.xml.length ||
      !/^(<\?xml(?![^>]*encoding)[^>]*>|<\?xml[^>]*encoding=["']utf-8["'][^>]*>|<)/i.test(this.xml)
    ) {
      return null;
    }
    const splices = this.changed ? this.allSplices() : [];
    return spliceBytes(original, splices);
  }

  private allSplices(): Splice[] {
    const splices = this.rowSplices();
    this.dimensionUpdate();
    for (const local of WORKSHEET_ORDER) {
      const texts = this.groups.get(local);
      if (!texts) continue;
      const existing = this.original(local);
      if (existing.length > 0) {
        existing.forEach((el, i) =>
          splices.push({ start: el.start, end: el.end, text: i === 0 ? texts.join("") : "" }),
        );
      } else if (texts.length > 0) {
        const at = insertionPoint(this.xml, this.root, WORKSHEET_ORDER, local, this.children);
        splices.push({ start: at, end: at, text: texts.join("") });
      }
    }
    return splices;
  }
}

/** Bytes with splices (positions in bytes) applied, the inserted text UTF-8 encoded. */
function spliceBytes(bytes: Uint8Array, splices: readonly Splice[]): Uint8Array {
  const sorted = splices.map((sp, i) => ({ sp, i })).sort((a, b) => a.sp.start - b.sp.start || a.i - b.i);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const { sp } of sorted) {
    if (sp.start < at) throw new Error("overlapping edits");
    chunks.push(bytes.subarray(at, sp.start), utf8Encode(sp.text));
    at = sp.end;
  }
  chunks.push(bytes.subarray(at));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

function spansHold(spans: string, col: number): boolean {
  const m = /^(\d+):(\d+)$/.exec(spans.trim());
  return !m || (col >= Number(m[1]) && col <= Number(m[2]));
}
