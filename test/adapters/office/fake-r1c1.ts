/**
 * R1C1 formulas for the fake Excel: what `range.formulasR1C1` stores and loads. Written on its
 * own (not the adapter's converter) so that a test of the adapter's R1C1 writes compares two
 * independent readings. Cell references and ranges of them; quoted text and names are kept.
 */

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Applies `fn` to the parts of a formula outside double-quoted text. */
function outsideQuotes(formula: string, fn: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) => (part.startsWith('"') ? part : fn(part)))
    .join("");
}

const A1 = /(^|[^A-Za-z0-9_.$\u0080-\uffff])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(\u0080-\uffff])/g;
const R1C1 = /(^|[^A-Za-z0-9_.\u0080-\uffff])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(\u0080-\uffff])/g;

/**
 * An A1 formula of the cell (row, col) in R1C1 notation.
 * @example toR1C1("=IF(B3>0,$C$2,D4)", 3, 5) // "=IF(RC[-3]>0,R2C3,R[1]C[-1])"
 */
export function toR1C1(formula: string, row: number, col: number): string {
  return outsideQuotes(formula, (part) =>
    part.replace(A1, (_m, before: string, c$: string, c: string, r$: string, r: string) => {
      const cn = colNumber(c);
      const rn = Number(r);
      const rp = r$ ? `R${rn}` : rn === row ? "R" : `R[${rn - row}]`;
      const cp = c$ ? `C${cn}` : cn === col ? "C" : `C[${cn - col}]`;
      return `${before}${rp}${cp}`;
    }),
  );
}

/**
 * An R1C1 formula as the A1 formula of the cell (row, col).
 * @example fromR1C1("=IF(RC[-3]>0,R2C3,R[1]C[-1])", 3, 5) // "=IF(B3>0,$C$2,D4)"
 */
export function fromR1C1(formula: string, row: number, col: number): string {
  return outsideQuotes(formula, (part) =>
    part.replace(R1C1, (_m, before: string, r?: string, c?: string) => {
      const rel = (v: string | undefined, base: number) =>
        v === undefined
          ? { abs: false, n: base }
          : v.startsWith("[")
            ? { abs: false, n: base + Number(v.slice(1, -1)) }
            : { abs: true, n: Number(v) };
      const rr = rel(r, row);
      const cc = rel(c, col);
      return `${before}${cc.abs ? "$" : ""}${colLetters(cc.n)}${rr.abs ? "$" : ""}${rr.n}`;
    }),
  );
}
