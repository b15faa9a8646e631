/**
 * Splices applied to a part's bytes: the edited sheet is written straight into one buffer,
 * row texts made and UTF-8 encoded one at a time.
 */
import type { Splice } from "./xml";
import { utf8EncodeInto } from "./text-codec";

/** A splice whose text is given, or made when it is applied (a row's new text). */
export type PendingSplice = { readonly start: number; readonly end: number } & (
  { readonly text: string } | { readonly make: () => string }
);

/** The splice to apply: a pending one's text made now. */
export function madeSplice(sp: PendingSplice): Splice {
  return "text" in sp ? sp : { start: sp.start, end: sp.end, text: sp.make() };
}

/**
 * Bytes with splices (positions in bytes) applied, the inserted text UTF-8 encoded straight
 * into one growing buffer: each row's text is made, encoded and dropped in turn, so the new
 * sheet never exists as text or as a list of pieces.
 */
export function spliceBytes(bytes: Uint8Array, splices: readonly PendingSplice[], expectedGrowth: number): Uint8Array {
  const sorted = splices.map((sp, i) => ({ sp, i })).sort((a, b) => a.sp.start - b.sp.start || a.i - b.i);
  let out = new Uint8Array(Math.max(1024, bytes.length + expectedGrowth));
  let pos = 0;
  const room = (n: number) => {
    if (pos + n <= out.length) return;
    const bigger = new Uint8Array(Math.max(pos + n, Math.ceil(out.length * 1.5)));
    bigger.set(out.subarray(0, pos));
    out = bigger;
  };
  const copy = (from: number, to: number) => {
    room(to - from);
    out.set(bytes.subarray(from, to), pos);
    pos += to - from;
  };
  let at = 0;
  for (const { sp } of sorted) {
    if (sp.start < at) throw new Error("overlapping edits");
    copy(at, sp.start);
    const text = "text" in sp ? sp.text : sp.make();
    room(text.length * 3);
    const { read, written } = utf8EncodeInto(text, out.subarray(pos));
    if (read !== text.length) throw new Error("text not fully encoded");
    pos += written;
    at = sp.end;
  }
  copy(at, bytes.length);
  // Trim a buffer grown well past its content: the package keeps it until the save.
  return pos < out.length * 0.9 ? out.slice(0, pos) : out.subarray(0, pos);
}
