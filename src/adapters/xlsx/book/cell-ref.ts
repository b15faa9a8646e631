/** Cell addresses in sheet XML ("AB12") and range lists ("A1:B2 D4"), parsed without regular expressions in hot loops. */
import { rangeBetween, type CellRange } from "../../../domain/cell";

/**
 * The 1-based row and column of an A1 address (a leading "$" on either part is allowed), or null.
 * @example parseCellRef("AB12") // { row: 12, col: 28 }
 */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  while (i < n) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (col === 0) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    i++;
  }
  if (i === digits || row === 0) return null;
  return { row, col };
}

/**
 * A range "A1:C3" (or a single cell "B2") as a CellRange, or null.
 * @example parseRange("A1:N1") // { top: 1, left: 1, bottom: 1, right: 14 }
 */
export function parseRange(ref: string): CellRange | null {
  const colon = ref.indexOf(":");
  const a = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1));
  return a && b ? rangeBetween(a, b) : null;
}

/**
 * The ranges of a space-separated list (a `sqref`), unreadable parts skipped.
 * @example parseRangeList("A1:A3 C5") // [{ top: 1, left: 1, bottom: 3, right: 1 }, { top: 5, left: 3, bottom: 5, right: 3 }]
 */
export function parseRangeList(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .filter((s) => s !== "")
    .map(parseRange)
    .filter((r): r is CellRange => r !== null);
}

/** True when the range holds the cell. */
export function rangeHas(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** True when two ranges share a cell. */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * The parts of `a` outside `b` (at most four rectangles).
 * @example subtractRange({ top: 1, left: 1, bottom: 3, right: 1 }, { top: 2, left: 1, bottom: 2, right: 1 }) // rows 1 and 3
 */
export function subtractRange(a: CellRange, b: CellRange): CellRange[] {
  if (!rangesOverlap(a, b)) return [a];
  const out: CellRange[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}

/** Number of cells of a range. */
export function rangeArea(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
