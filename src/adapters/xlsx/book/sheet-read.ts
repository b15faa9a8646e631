/**
 * One worksheet's cells straight from its XML into the engine's SheetGrid, in one pass over
 * the text: no DOM, no cell objects beyond the values kept. Values are typed as ExcelJS types
 * them (shared and inline strings, rich text concatenated, booleans, errors, a formula's cached
 * value, numbers with a date format as dates in the workbook's date system), so both readers
 * agree. The `<dimension>` a sheet claims is never used: only cells present take memory.
 */
import { EMPTY, type CellValue, type CellRange, type SheetGrid } from "../../../domain/cell";
import { PackageError } from "../package/errors";
import { MAX_CELL_CHARS, MAX_COLS, MAX_DIMENSION_SLACK, MAX_ROWS } from "../package/limits";
import { decodeXml, parseAttributes, prefixOf, rootElement } from "../package/xml";
import { columnLetters } from "../../../domain/a1-ref";
import { parseCellRef, parseRange } from "./cell-ref";
import { serialToShownDate } from "./number-formats";
import { stringItemText } from "./shared-strings";
import { opensElement } from "./sheet-scan";
import type { Styles } from "./styles";

/** What reading a sheet needs from its workbook. */
export interface ReadContext {
  readonly sheet: string;
  readonly strings: () => readonly string[];
  readonly styles: Styles;
  readonly date1904: boolean;
}

/** The attributes of a cell start tag that matter, read without a regular expression when plain. */
function cellAttributes(tag: string): { r?: string; s?: string; t?: string } {
  if (tag.indexOf("'") >= 0 || tag.indexOf("\n") >= 0 || tag.indexOf("\t") >= 0) {
    const a = parseAttributes(tag);
    return { r: a.get("r"), s: a.get("s"), t: a.get("t") };
  }
  const get = (name: string): string | undefined => {
    const at = tag.indexOf(` ${name}="`);
    if (at < 0) return undefined;
    const from = at + name.length + 3;
    return tag.slice(from, tag.indexOf('"', from));
  };
  return { r: get("r"), s: get("s"), t: get("t") };
}

/** The merged ranges listed after sheetData. */
export function readMerges(xml: string, from: number, prefix: string): CellRange[] {
  const out: CellRange[] = [];
  const open = `<${prefix}mergeCell `;
  let at = xml.indexOf(open, from);
  while (at >= 0) {
    const end = xml.indexOf(">", at);
    const ref = parseAttributes(xml.slice(at, end + 1)).get("ref");
    const range = ref ? parseRange(ref) : null;
    if (range) out.push(range);
    at = xml.indexOf(open, end);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Covered cells of merges by row: [left, right, masterCol] triples (a master is not covered). */
function coveredByRow(merges: readonly CellRange[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const m of merges) {
    if (m.bottom - m.top > MAX_ROWS) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      const list = out.get(r) ?? [];
      list.push(m.left, m.right, r === m.top ? m.left : 0);
      out.set(r, list);
    }
  }
  return out;
}

function isCovered(spans: number[] | undefined, col: number): boolean {
  if (!spans) return false;
  for (let i = 0; i < spans.length; i += 3) {
    if (col >= spans[i] && col <= spans[i + 1] && col !== spans[i + 2]) return true;
  }
  return false;
}

function tooLong(ctx: ReadContext, row: number, col: number): PackageError {
  return new PackageError("cell-too-long", `${ctx.sheet}!${columnLetters(col)}${row}`);
}

/** The inner text of the first `<v>` in a cell's content, or undefined. */
function valueText(inner: string, prefix: string): string | undefined {
  const open = `<${prefix}v>`;
  const at = inner.indexOf(open);
  if (at < 0) return undefined;
  const end = inner.indexOf(`</${prefix}v>`, at);
  return end < 0 ? undefined : inner.slice(at + open.length, end);
}

/**
 * The engine's value of one cell from its type, style and content, as ExcelJS reads it.
 * @example cellValue("s", 0, "<v>3</v>", "", ctx) // { t: "string", v: ctx.strings()[3] }
 */
export function cellValue(
  t: string | undefined,
  s: number,
  inner: string,
  prefix: string,
  ctx: ReadContext,
): CellValue {
  if (t === "inlineStr") {
    const at = inner.indexOf(`<${prefix}is>`);
    if (at < 0) return EMPTY;
    const text = stringItemText(inner.slice(at + prefix.length + 4, inner.indexOf(`</${prefix}is>`, at)), prefix);
    return text === "" ? EMPTY : { t: "string", v: text };
  }
  const raw = valueText(inner, prefix);
  if (raw === undefined || raw === "") return EMPTY;
  switch (t) {
    case "s": {
      const v = ctx.strings()[parseInt(raw, 10)];
      return v === undefined ? EMPTY : { t: "string", v };
    }
    case "str":
      return { t: "string", v: decodeXml(raw) };
    case "b":
      return { t: "bool", v: parseInt(raw, 10) !== 0 };
    case "e":
      return { t: "error", v: decodeXml(raw) };
    case "d": {
      const iso = /^\d{4}-\d{2}-\d{2}/.exec(raw.trim())?.[0];
      return iso && !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? { t: "date", v: iso } : EMPTY;
    }
    default: {
      const v = parseFloat(raw);
      if (!Number.isFinite(v)) return EMPTY;
      if (s > 0 && ctx.styles.isDateStyle(s)) {
        const iso = serialToShownDate(v, ctx.date1904);
        return iso ? { t: "date", v: iso } : EMPTY;
      }
      const fmt = s > 0 ? ctx.styles.numFmtOf(s) : undefined;
      return fmt ? { t: "number", v, fmt } : { t: "number", v };
    }
  }
}

function textLength(value: CellValue): number {
  return value.t === "string" ? value.v.length : 0;
}

/** Rows of values collected while scanning, 0-based, sparse. */
class Collector {
  readonly rows: (CellValue[] | undefined)[] = [];
  lastRow = 0;
  lastCol = 0;
  put(row: number, col: number, value: CellValue): void {
    const cells = (this.rows[row - 1] ??= []);
    cells[col - 1] = value;
    if (row > this.lastRow) this.lastRow = row;
    if (col > this.lastCol) this.lastCol = col;
  }
  grid(name: string, merges: CellRange[]): SheetGrid {
    const width = this.lastCol;
    const blank: CellValue[] = Object.freeze(new Array<CellValue>(width).fill(EMPTY)) as CellValue[];
    const rows: CellValue[][] = new Array(this.lastRow);
    for (let r = 0; r < this.lastRow; r++) {
      const source = this.rows[r];
      if (!source) {
        rows[r] = blank;
        continue;
      }
      const row = new Array<CellValue>(width);
      for (let c = 0; c < width; c++) row[c] = source[c] ?? EMPTY;
      rows[r] = row;
    }
    return { name, rows, merges };
  }
}

/**
 * The grid of a worksheet: rows 1…last row holding a value, each padded with empty cells to
 * the last column holding a value anywhere; the covered cells of merges are empty.
 * Throws PackageError for a cell address beyond Excel's grid or a text over 32,767 characters.
 * @example readSheetGrid(xml, ctx) // { name: "登记表", rows: [[…], …], merges: [{ top: 1, left: 1, bottom: 1, right: 14 }] }
 */
export function readSheetGrid(xml: string, ctx: ReadContext): SheetGrid {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const dataOpen = xml.indexOf(`<${p}sheetData`, root.openEnd);
  const out = new Collector();
  if (dataOpen < 0) return out.grid(ctx.sheet, []);
  const dataTagEnd = xml.indexOf(">", dataOpen);
  const dataEnd = xml.charCodeAt(dataTagEnd - 1) === 47 ? dataTagEnd : xml.indexOf(`</${p}sheetData>`, dataTagEnd);
  if (dataEnd < 0) throw new PackageError("corrupt", `${ctx.sheet}: unclosed sheetData`);
  const claimed = claimedRange(xml, root.openEnd, dataOpen, p);
  const merges = readMerges(xml, dataEnd, p);
  const covered = coveredByRow(merges);
  const rowOpen = `<${p}row`;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  let row = 0;
  let col = 0;
  let at = xml.indexOf("<", dataTagEnd);
  while (at >= 0 && at < dataEnd) {
    if (opensElement(xml, rowOpen, at)) {
      const end = xml.indexOf(">", at);
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(xml.slice(at, end))?.[1];
      row = r ? Number(r) : row + 1;
      col = 0;
      if (row > MAX_ROWS) throw new PackageError("corrupt", `${ctx.sheet}: row ${row}`);
      at = xml.indexOf("<", end);
      continue;
    }
    if (opensElement(xml, cellOpen, at)) {
      const end = xml.indexOf(">", at);
      const tag = xml.slice(at, end + 1);
      const a = cellAttributes(tag);
      const ref = a.r ? parseCellRef(a.r) : null;
      const r = ref ? ref.row : row;
      const c = ref ? ref.col : col + 1;
      if (r < 1 || r > MAX_ROWS || c > MAX_COLS) throw new PackageError("corrupt", `${ctx.sheet}: cell ${a.r ?? ""}`);
      col = c;
      if (xml.charCodeAt(end - 1) === 47) {
        at = xml.indexOf("<", end);
        continue;
      }
      const close = xml.indexOf(cellClose, end);
      if (close < 0) throw new PackageError("corrupt", `${ctx.sheet}: unclosed cell`);
      if (!isCovered(covered.get(r), c)) {
        const value = cellValue(a.t, a.s ? parseInt(a.s, 10) : 0, xml.slice(end + 1, close), p, ctx);
        if (textLength(value) > MAX_CELL_CHARS) throw tooLong(ctx, r, c);
        if (value.t !== "empty") out.put(r, c, value);
      }
      at = xml.indexOf("<", close + cellClose.length);
      continue;
    }
    at = xml.indexOf("<", at + 1);
  }
  checkClaim(ctx.sheet, claimed, row);
  return out.grid(ctx.sheet, merges);
}

/** The range a sheet's `<dimension>` claims, or null. */
function claimedRange(xml: string, from: number, to: number, p: string): CellRange | null {
  const at = xml.indexOf(`<${p}dimension`, from);
  if (at < 0 || at > to) return null;
  const ref = parseAttributes(xml.slice(at, xml.indexOf(">", at) + 1)).get("ref") ?? "";
  const colon = ref.indexOf(":");
  return parseRange(colon < 0 ? ref : ref.slice(colon + 1)) ?? null;
}

/**
 * Refuses a `<dimension>` beyond Excel's grid, or one claiming far more rows than the sheet
 * has (a claim meant to make a reader allocate): it is never used to size anything.
 */
function checkClaim(sheet: string, claimed: CellRange | null, lastRow: number): void {
  if (!claimed) return;
  if (claimed.bottom > MAX_ROWS || claimed.right > MAX_COLS) {
    throw new PackageError("corrupt", `${sheet}: dimension beyond the grid`);
  }
  if (claimed.bottom - lastRow > MAX_DIMENSION_SLACK) {
    throw new PackageError("dimension-claim", `“${sheet}”声称有 ${claimed.bottom} 行，实际只有 ${lastRow} 行`);
  }
}
