/**
 * A worksheet under construction: cells by row, and every other element in its slot of the
 * schema order of CT_Worksheet, so features can add what they need in any order.
 */
import { escapeXml } from "../ooxml/xml";
import { NS, XML_DECL } from "./package-builder";

/** The elements of a worksheet in schema order (sheetData is written from the cells). */
export const SHEET_SLOTS = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;
export type SheetSlot = (typeof SHEET_SLOTS)[number];

/** A formula with its cached result (as Excel saves it). */
export interface FormulaCell {
  readonly f: string;
  readonly v?: string | number | boolean;
}

export type CellInput = string | number | boolean | FormulaCell | null;

interface CellEntry {
  readonly col: number;
  readonly value: CellInput;
  readonly style: number;
}

/** "A1" → [1, 1]. */
export function parseRef(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

/** 1 → "A", 27 → "AA". */
export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class SheetBuilder {
  private readonly rows = new Map<number, Map<number, CellEntry>>();
  private readonly rowAttrs = new Map<number, string>();
  private readonly slots = new Map<SheetSlot, string>();
  private readonly exts: string[] = [];
  readonly merges: string[] = [];

  constructor(
    readonly name: string,
    readonly part: string,
    readonly index: number,
  ) {}

  /** Sets a cell; `style` is an xf index. */
  set(ref: string, value: CellInput, style = 0): this {
    const [row, col] = parseRef(ref);
    const cells = this.rows.get(row) ?? new Map<number, CellEntry>();
    cells.set(col, { col, value, style });
    this.rows.set(row, cells);
    return this;
  }

  /** Extra attributes of a row, e.g. `ht="30" customHeight="1"` or `hidden="1"`. */
  row(r: number, attrs: string): this {
    this.rowAttrs.set(r, attrs);
    return this;
  }

  /** Puts an element into its slot (appended when the slot repeats, e.g. conditionalFormatting). */
  add(slot: SheetSlot, xml: string): this {
    this.slots.set(slot, (this.slots.get(slot) ?? "") + xml);
    return this;
  }

  /** Replaces the content of a slot. */
  replace(slot: SheetSlot, xml: string): this {
    this.slots.set(slot, xml);
    return this;
  }

  /** Adds an `<ext>` to the sheet's extLst. */
  ext(xml: string): this {
    this.exts.push(xml);
    return this;
  }

  /** Merges a range ("A1:N1"). */
  merge(range: string): this {
    this.merges.push(range);
    return this;
  }

  /** Every formula cell's reference, for calcChain. */
  formulaRefs(): string[] {
    const refs: string[] = [];
    for (const [r, cells] of [...this.rows].sort((a, b) => a[0] - b[0])) {
      for (const c of [...cells.values()].sort((a, b) => a.col - b.col)) {
        if (c.value !== null && typeof c.value === "object") refs.push(`${colLetters(c.col)}${r}`);
      }
    }
    return refs;
  }

  private dimension(): string {
    const rows = [...this.rows.keys()];
    if (rows.length === 0) return "A1";
    const cols = [...this.rows.values()].flatMap((cells) => [...cells.keys()]);
    const first = `${colLetters(Math.min(...cols))}${Math.min(...rows)}`;
    const last = `${colLetters(Math.max(...cols))}${Math.max(...rows)}`;
    return first === last ? first : `${first}:${last}`;
  }

  private cellXml(ref: string, c: CellEntry, sst: (text: string) => number): string {
    const s = c.style ? ` s="${c.style}"` : "";
    const v = c.value;
    if (v === null) return `<c r="${ref}"${s}/>`;
    if (typeof v === "string") return `<c r="${ref}"${s} t="s"><v>${sst(v)}</v></c>`;
    if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
    const f = `<f>${escapeXml(v.f)}</f>`;
    if (v.v === undefined) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof v.v === "string") {
      const t = v.v.startsWith("#") ? "e" : "str";
      return `<c r="${ref}"${s} t="${t}">${f}<v>${escapeXml(v.v)}</v></c>`;
    }
    if (typeof v.v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v.v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${v.v}</v></c>`;
  }

  private sheetData(sst: (text: string) => number): string {
    const rows = [...new Set([...this.rows.keys(), ...this.rowAttrs.keys()])].sort((a, b) => a - b);
    const xml = rows.map((r) => {
      const cells = [...(this.rows.get(r) ?? new Map<number, CellEntry>()).values()].sort((a, b) => a.col - b.col);
      const spans = cells.length ? ` spans="${cells[0].col}:${cells[cells.length - 1].col}"` : "";
      const attrs = this.rowAttrs.has(r) ? ` ${this.rowAttrs.get(r)}` : "";
      const body = cells.map((c) => this.cellXml(`${colLetters(c.col)}${r}`, c, sst)).join("");
      return body ? `<row r="${r}"${spans}${attrs}>${body}</row>` : `<row r="${r}"${spans}${attrs}/>`;
    });
    return `<sheetData>${xml.join("")}</sheetData>`;
  }

  /** The worksheet part; `sst` gives the shared-string index of a text. */
  toXml(sst: (text: string) => number, selected: boolean): string {
    const slots = new Map(this.slots);
    if (!slots.has("dimension")) slots.set("dimension", `<dimension ref="${this.dimension()}"/>`);
    if (!slots.has("sheetViews")) {
      slots.set(
        "sheetViews",
        `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"/></sheetViews>`,
      );
    }
    if (!slots.has("sheetFormatPr"))
      slots.set("sheetFormatPr", '<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>');
    if (this.merges.length > 0) {
      slots.set(
        "mergeCells",
        `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
      );
    }
    if (!slots.has("pageMargins")) {
      slots.set(
        "pageMargins",
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
      );
    }
    if (this.exts.length > 0) slots.set("extLst", `<extLst>${this.exts.join("")}</extLst>`);
    const body = SHEET_SLOTS.map((slot) => (slot === "sheetData" ? this.sheetData(sst) : (slots.get(slot) ?? ""))).join(
      "",
    );
    return `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}">${body}</worksheet>`;
  }
}
