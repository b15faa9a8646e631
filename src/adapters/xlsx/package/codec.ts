/**
 * Raw DEFLATE and the CRC-32 for zip entries. The core uses fflate and a table-driven CRC
 * (pure JavaScript: browsers and Node); Node callers may pass zlib's, several times faster.
 * Either way inflating is capped at the size the zip declares, so a lying "zip bomb" stops at once.
 */
import { deflateSync, Inflate } from "fflate";
import { crc32 } from "./crc32";

/** Inflation produced more than the entry's declared size. */
export class InflateOverflow extends Error {}

export interface Codec {
  /** The data inflated; throws InflateOverflow as soon as it exceeds `size` bytes. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  /** The zip CRC-32 of the bytes (unsigned). */
  crc32(data: Uint8Array): number;
}

/** Compressed bytes fed to the inflater per step: bounds what one step can produce. */
const STEP = 16 * 1024;

/** fflate, streaming so that output is checked against the declared size step by step. */
export const FFLATE_CODEC: Codec = {
  inflate(data, size) {
    const out = new Uint8Array(size);
    let written = 0;
    const inflater = new Inflate((chunk) => {
      if (written + chunk.length > size) throw new InflateOverflow();
      out.set(chunk, written);
      written += chunk.length;
    });
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += STEP)
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    return written === size ? out : out.subarray(0, written);
  },
  deflate(data) {
    return deflateSync(data, { level: 6 });
  },
  crc32,
};
