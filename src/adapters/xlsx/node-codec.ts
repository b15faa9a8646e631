/**
 * zlib's raw DEFLATE and CRC-32 for the package (Node only): inflating capped at the declared
 * size. zlib.crc32 (Node 20.15 and later) is some twenty times faster than the JavaScript table.
 */
import * as zlib from "zlib";
import { InflateOverflow, type Codec } from "./package/codec";
import { crc32 } from "./package/crc32";

const nativeCrc32: ((data: Uint8Array) => number) | undefined =
  typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) >>> 0 : undefined;

export const ZLIB_CODEC: Codec = {
  inflate(data, size) {
    try {
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflow();
      throw error;
    }
  },
  deflate(data) {
    return zlib.deflateRawSync(data, { level: 6 });
  },
  crc32: nativeCrc32 ?? crc32,
};
