/**
 * Estimates of how much room text takes when printed, so a layout can give every row the
 * height its wrapped text needs. Spreadsheets do not grow merged rows to fit their text, so a
 * layout that guessed short would print clipped fields. The estimates err on the generous
 * side: CJK faces (and their Noto substitutes) draw a line about 1.45 em high. Widths are
 * Excel's (7 px per character unit of the default font, Calibri 11).
 */

/** Points per Excel character unit of column width: 7 px per unit plus 5 px padding, at 0.75 pt/px. */
const PT_PER_PX = 0.75;
/** Cell padding on each side, in points. */
const CELL_PADDING_PT = 2;
/** Line height as a multiple of the font size (Noto CJK draws 1.45 em, 仿宋 about 1.3). */
export const LINE_HEIGHT_EM = 1.45;
/** Extra room above and below the lines of a cell, in points. */
const ROW_PADDING_PT = 6;

/**
 * Width in points of a column of `chars` Excel character units.
 * @example columnWidthPt(10) // 56.25
 */
export function columnWidthPt(chars: number): number {
  return (Math.trunc(chars * 7) + 5) * PT_PER_PX;
}

/**
 * Width of one character in em: 1 for CJK ideographs, full-width forms and symbols, about
 * half for ASCII.
 * @example charWidthEm("督") // 1
 * @example charWidthEm("3") // 0.55
 */
export function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return 0.55;
  // Latin-1, Greek, Cyrillic and similar letters are proportional, not full-width.
  if (code < 0x2000) return 0.6;
  return 1;
}

/**
 * Width in points of a single line of text at a font size.
 * @example textWidthPt("督办", 14) // 28
 */
export function textWidthPt(text: string, sizePt: number): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * sizePt;
}

/**
 * Lines one paragraph takes when wrapped greedily in `usablePt`: CJK characters break
 * anywhere, a run of Latin letters and digits (an e-mail, a phone number) moves to the next
 * line whole unless it is longer than a line.
 */
function paragraphLines(paragraph: string, sizePt: number, usablePt: number): number {
  const tokens = paragraph.match(/[\x21-\x7e]+|[\s\S]/gu) ?? [];
  let lines = 1;
  let x = 0;
  for (const token of tokens) {
    const w = textWidthPt(token, sizePt);
    if (x + w <= usablePt + 0.01) {
      x += w;
      continue;
    }
    if (token.length > 1 && w > usablePt) {
      // A word longer than a line breaks between characters.
      for (const ch of token) {
        const cw = charWidthEm(ch) * sizePt;
        if (x + cw > usablePt + 0.01) {
          lines += 1;
          x = 0;
        }
        x += cw;
      }
      continue;
    }
    if (x === 0 || /^\s$/.test(token)) {
      x += w;
      continue;
    }
    lines += 1;
    x = w;
  }
  return lines;
}

/**
 * Lines a text takes when wrapped in a cell `widthPt` wide (each "\n" starts a new line; a
 * blank text takes one line).
 * @example wrappedLines("督办事项通知单", 14, 60) // 2
 */
export function wrappedLines(text: string, sizePt: number, widthPt: number): number {
  const usable = Math.max(sizePt, widthPt - 2 * CELL_PADDING_PT);
  let lines = 0;
  for (const paragraph of text.split("\n")) lines += paragraphLines(paragraph, sizePt, usable);
  return lines;
}

/**
 * Height in points a cell needs for a text wrapped in `widthPt` (at least `minPt`).
 * @example rowHeightFor("督办", 14, 100, 20) // 27
 */
export function rowHeightFor(text: string, sizePt: number, widthPt: number, minPt: number): number {
  const lines = wrappedLines(text, sizePt, widthPt);
  return Math.max(minPt, Math.ceil(lines * sizePt * LINE_HEIGHT_EM + ROW_PADDING_PT));
}
