/**
 * Reading a worksheet's rows and cells by position without regular expressions: the hot path
 * of SheetDoc's index on sheets of tens of thousands of rows. Anything not plain is left to the
 * general reader (null).
 */
import { isPlainTag } from "../package/xml";

/**
 * The `<c>` elements of a row, flattened: column, start and end of each, in document order
 * (one array per row rather than an object per cell: a 50,000-row sheet has a million cells).
 */
export type CellPositions = readonly number[];

/** A character that ends an element's name: space, `>`, `/`, tab or a line break. */
function isBoundary(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/**
 * Whether the element `open` names (`<row`, `<x:c`: the name with its prefix) starts at `at`,
 * and not a longer name such as `<rowBreaks` or `<cols`.
 * @example opensElement('<cols><c r="A1">', "<c", 0) // false
 */
export function opensElement(xml: string, open: string, at: number): boolean {
  return xml.startsWith(open, at) && isBoundary(xml.charCodeAt(at + open.length));
}

/**
 * Where the next element `open` names starts at or after `from` (longer names skipped), or -1.
 * @example nextElement('<cols/><c r="A1"/>', "<c", 0) // 7
 */
export function nextElement(xml: string, open: string, from: number): number {
  let at = xml.indexOf(open, from);
  while (at >= 0 && !isBoundary(xml.charCodeAt(at + open.length))) at = xml.indexOf(open, at + 1);
  return at;
}

/**
 * Where the value of the `r="…"` attribute of a plain start tag xml[start, end) begins, or -1
 * when the tag is not plain or has no such attribute.
 */
function plainRefValueAt(xml: string, start: number, end: number): number {
  if (!isPlainTag(xml, start, end)) return -1;
  const at = xml.indexOf(' r="', start);
  return at < 0 || at >= end ? -1 : at + 4;
}

/**
 * The column and row of a cell's `r="A1"` in its start tag xml[start, end), read without a
 * regular expression: [col, row], or null when the tag is not plain or has no such attribute
 * (the caller then reads it the general way).
 */
export function plainCellRef(xml: string, start: number, end: number): [number, number] | null {
  let i = plainRefValueAt(xml, start, end);
  if (i < 0) return null;
  let col = 0;
  for (let c = xml.charCodeAt(i) & ~32; c >= 65 && c <= 90; c = xml.charCodeAt(++i) & ~32) col = col * 26 + (c - 64);
  let row = 0;
  const digits = i;
  for (let c = xml.charCodeAt(i); c >= 48 && c <= 57; c = xml.charCodeAt(++i)) row = row * 10 + (c - 48);
  return col > 0 && i > digits && row > 0 && xml.charCodeAt(i) === 34 ? [col, row] : null;
}

/** The row number of a plain `<row r="12">` start tag xml[start, end), or null (read the general way). */
export function plainRowNumber(xml: string, start: number, end: number): number | null {
  const digits = plainRefValueAt(xml, start, end);
  if (digits < 0) return null;
  let i = digits;
  let row = 0;
  for (let c = xml.charCodeAt(i); c >= 48 && c <= 57; c = xml.charCodeAt(++i)) row = row * 10 + (c - 48);
  return i > digits && xml.charCodeAt(i) === 34 ? row : null;
}

/** The index in `cells` of the first cell (in document order) whose column passes `test`, or -1. */
export function cellIndex(cells: CellPositions, test: (col: number) => boolean): number {
  for (let i = 0; i < cells.length; i += 3) if (test(cells[i])) return i;
  return -1;
}

/** Whether a row's `spans="1:9"` hint covers a column (no hint, or one not understood: yes). */
export function spansHold(spans: string, col: number): boolean {
  const m = /^(\d+):(\d+)$/.exec(spans.trim());
  return !m || (col >= Number(m[1]) && col <= Number(m[2]));
}
