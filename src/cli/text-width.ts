/**
 * Display width of text in a terminal: CJK ideographs, kana, hangul, full-width forms and
 * CJK punctuation (〔〕、。) take two columns; combining marks and zero-width characters none.
 */

/** Code point ranges that a terminal draws two columns wide (East Asian Wide and Fullwidth). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Combining marks, zero-width spaces and joiners, variation selectors: drawn on the previous character. */
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x2060, 0x2060],
  [0xfe00, 0xfe0f],
];

/** ANSI SGR sequences (colours), which take no columns. */
const ANSI_SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, "g");

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/**
 * Columns one character occupies.
 * @example charWidth("督") // 2
 * @example charWidth("a") // 1
 */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || inRanges(cp, ZERO_WIDTH_RANGES)) return 0;
  return inRanges(cp, WIDE_RANGES) ? 2 : 1;
}

/**
 * Columns a text occupies (ANSI colour codes not counted).
 * @example displayWidth("〔2026〕3号") // 11
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI_SGR, "")) width += charWidth(ch);
  return width;
}

/**
 * Pads text with spaces on the right to a display width.
 * @example padEndWidth("逾期", 6) // "逾期  "
 */
export function padEndWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Cuts text to at most `width` columns, ending with "…" when something was cut.
 * @example truncateWidth("落实区政府第12次常务会议", 12) // "落实区政府…"
 */
export function truncateWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
