/**
 * A worksheet part open for editing, as text. Rows are indexed by position once; a command
 * changes cells (whole `<c>` elements), row attributes and top-level elements (views, columns,
 * merges, conditional formats, validations, print settings); `toXml` splices only those into
 * the original text, so every other row, cell and element keeps its exact bytes. New elements
 * go where CT_Worksheet's schema order puts them.
 */
import { rangeUnion, type CellRange } from "../../../domain/cell";
import { PackageError } from "../package/errors";
import { insertionPoint } from "../package/ordered";
import {
  applySplices,
  parseAttributes,
  prefixOf,
  rootElement,
  startTagAttribute,
  withAttributes,
  type Splice,
  type XmlElement,
} from "../package/xml";
import { parseCellRef, parseRange } from "./cell-ref";
import { rangeRef } from "../../../domain/a1-ref";
import { readMerges } from "./sheet-read";
import { madeSplice, spliceBytes, type PendingSplice } from "../package/splice-bytes";
import { cellIndex, nextElement, plainCellRef, plainRowNumber, spansHold, type CellPositions } from "./sheet-scan";
import { topLevel, WORKSHEET_ORDER, type WorksheetElement } from "./sheet-elements";

/** Where an element sits in the text (an XmlElement without its name). */
type Span = Omit<XmlElement, "name">;
interface RowPos extends Span {
  readonly r: number;
}
export class SheetDoc {
  readonly p: string;
  private readonly root: XmlElement;
  private readonly data: Span | null;
  private rows?: RowPos[];
  private rowByNum?: Map<number, RowPos>;
  private readonly cellCache = new Map<number, CellPositions>();
  private readonly edits = new Map<number, Map<number, string | null>>();
  private readonly rowEdits = new Map<number, Record<string, string | null>>();
  private readonly groups = new Map<WorksheetElement, string[]>();
  private mergeList?: CellRange[];
  private colStyleList?: { min: number; max: number; style: number }[];
  private added?: { top: number; left: number; bottom: number; right: number };

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
      let at = nextElement(this.xml, open, d.openEnd);
      while (at >= 0 && at < d.closeStart) {
        const openEnd = this.xml.indexOf(">", at) + 1;
        const plain = plainRowNumber(this.xml, at, openEnd);
        const num = plain !== null ? plain : /\sr\s*=\s*["'](\d+)["']/.exec(this.xml.slice(at, openEnd))?.[1];
        r = num ? Number(num) : r + 1;
        const selfClosing = this.xml.charCodeAt(openEnd - 2) === 47;
        const closeStart = selfClosing ? openEnd : this.xml.indexOf(close, openEnd);
        if (closeStart < 0) throw new PackageError("corrupt", "unclosed row");
        const end = selfClosing ? openEnd : closeStart + close.length;
        const pos = { r, start: at, openEnd, closeStart, end };
        rows.push(pos);
        if (!map.has(r)) map.set(r, pos);
        at = nextElement(this.xml, open, end);
      }
    }
    this.rows = rows;
    this.rowByNum = map;
    return map;
  }

  private cellsOf(row: RowPos): CellPositions {
    const cached = this.cellCache.get(row.r);
    if (cached) return cached;
    const out: number[] = [];
    const open = `<${this.p}c`;
    const close = `</${this.p}c>`;
    let col = 0;
    let at = nextElement(this.xml, open, row.openEnd);
    while (at >= 0 && at < row.closeStart) {
      const tagEnd = this.xml.indexOf(">", at) + 1;
      const plain = plainCellRef(this.xml, at, tagEnd);
      if (plain) col = plain[0];
      else {
        const ref = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/.exec(this.xml.slice(at, tagEnd))?.[1];
        col = ref ? (parseCellRef(ref)?.col ?? col + 1) : col + 1;
      }
      const end = this.xml.charCodeAt(tagEnd - 2) === 47 ? tagEnd : this.xml.indexOf(close, tagEnd) + close.length;
      out.push(col, at, end);
      at = nextElement(this.xml, open, end);
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
    const cells = this.cellsOf(pos);
    const i = cellIndex(cells, (c) => c === col);
    return i >= 0 ? this.xml.slice(cells[i + 1], cells[i + 2]) : undefined;
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
    if (pos) {
      const cells = this.cellsOf(pos);
      for (let i = 0; i < cells.length; i += 3) set.add(cells[i]);
    }
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

  /**
   * One attribute of a row element (edits included): rowAttributes(row)?.get(name) without
   * building the map, for callers asking cell by cell.
   */
  rowAttribute(row: number, name: string): string | undefined {
    const edit = this.rowEdits.get(row);
    if (edit && name in edit) return edit[name] ?? undefined;
    const pos = this.index().get(row);
    return pos ? startTagAttribute(this.xml.slice(pos.start, pos.openEnd), name) : undefined;
  }

  /** Sets (text) or removes (null) the `<c>` element of a cell. */
  setCell(row: number, col: number, text: string | null): void {
    let edits = this.edits.get(row);
    if (!edits) this.edits.set(row, (edits = new Map()));
    edits.set(col, text);
    if (text !== null) {
      // Grown in place: called once per cell written.
      const a = this.added;
      if (!a) this.added = { top: row, left: col, bottom: row, right: col };
      else {
        if (row < a.top) a.top = row;
        if (col < a.left) a.left = col;
        if (row > a.bottom) a.bottom = row;
        if (col > a.right) a.right = col;
      }
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
      const found = cellIndex(cells, (c) => c === col);
      if (found >= 0) {
        splices.push({ start: cells[found + 1] - base, end: cells[found + 2] - base, text: text ?? "" });
        continue;
      }
      if (text === null) continue;
      // Before the first cell to its right, else after the last cell.
      const next = cellIndex(cells, (c) => c > col);
      const at = next >= 0 ? cells[next + 1] - base : cells.length > 0 ? cells[cells.length - 1] - base : 0;
      splices.push({ start: at, end: at, text });
    }
    return `${open}${applySplices(content, splices)}</${p}row>`;
  }

  /** Splices of the rows that changed; a row's text is made when it is written out. */
  private rowSplices(): PendingSplice[] {
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
    const splices: PendingSplice[] = [];
    let i = 0;
    for (const r of sorted) {
      const pos = index.get(r);
      if (pos) {
        splices.push({ start: pos.start, end: pos.end, make: () => this.rowText(r, pos) });
        continue;
      }
      while (i < rows.length && rows[i].r < r) i++;
      const at = i < rows.length ? rows[i].start : d.closeStart;
      splices.push({ start: at, end: at, make: () => this.rowText(r, undefined) });
    }
    return splices;
  }

  private dimensionUpdate(): void {
    if (!this.added || this.groups.has("dimension")) return;
    const current = this.original("dimension")[0];
    const ref = current ? parseAttributes(this.xml.slice(current.start, current.openEnd)).get("ref") : undefined;
    const old = ref ? parseRange(ref) : null;
    const union = old ? rangeUnion(old, this.added) : this.added;
    if (old && rangeRef(union) === rangeRef(old)) return;
    const text = current
      ? withAttributes(this.xml.slice(current.start, current.end), { ref: rangeRef(union) })
      : `<${this.p}dimension ref="${rangeRef(union)}"/>`;
    this.groups.set("dimension", [text]);
  }

  /** The part's text with every change spliced in (the original text when nothing changed). */
  toXml(): string {
    return this.changed ? applySplices(this.xml, this.allSplices().map(madeSplice)) : this.xml;
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
    return spliceBytes(original, splices, this.editedLength());
  }

  /** Characters of the cells set (what the part grows by, roughly: sizing the new bytes). */
  private editedLength(): number {
    let n = 0;
    for (const row of this.edits.values()) for (const text of row.values()) n += text?.length ?? 0;
    return n;
  }

  private allSplices(): PendingSplice[] {
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
