/**
 * Packages as maps of part name → bytes: reading a .xlsx into its uncompressed parts (for
 * comparing them) and writing parts back into a zip (for building the corpus), deterministically.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** Part name (as stored in the zip, no leading "/") → uncompressed bytes, in zip order. */
export type Parts = Map<string, Uint8Array>;

/** A fixed modification time so the same corpus always gives the same bytes. */
const FIXED_MTIME = new Date("2026-01-05T08:00:00Z");

/**
 * Reads every entry of a zip (folders skipped).
 * @example readParts(fs.readFileSync("登记表.xlsx")).get("xl/workbook.xml")
 */
export function readParts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  const out: Parts = new Map();
  for (const [name, data] of Object.entries(files)) if (!name.endsWith("/")) out.set(name, data);
  return out;
}

/** The text of a part (UTF-8), or null when the package has no such part. */
export function partText(parts: Parts, name: string): string | null {
  const data = parts.get(name);
  return data ? strFromU8(data) : null;
}

/** Bytes of a part given as text or bytes. */
export function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === "string" ? strToU8(content) : content;
}

/**
 * Writes parts into a zip, in the order given ([Content_Types].xml should come first, as
 * Office writes it), deflated, with a fixed time stamp.
 */
export function writeParts(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of parts) zippable[name] = [toBytes(content), { level: 6, mtime: FIXED_MTIME }];
  return zipSync(zippable);
}

/** True when two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
