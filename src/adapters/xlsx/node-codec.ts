/** zlib's raw DEFLATE for the package (Node only): inflating capped at the declared size. */
import * as zlib from "zlib";
import { InflateOverflow, type Codec } from "./package/codec";

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
};
