/**
 * A zip writer with nothing checked, for hostile packages: any entry name (`../x`, `/x`), and
 * entries given already deflated with the sizes and CRC they claim — so a zip bomb of a gigabyte
 * can be made in a megabyte without ever holding the gigabyte.
 */
import * as zlib from "zlib";

export interface RawEntry {
  readonly name: string;
  /** Deflated bytes (raw deflate). */
  readonly deflated: Buffer;
  /** The uncompressed size and CRC-32 the headers claim. */
  readonly size: number;
  readonly crc: number;
}

/** An entry deflated from its content. */
export function entry(name: string, content: string | Buffer): RawEntry {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, deflated: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
}

/**
 * An entry whose content is `head`, then `repeat` times `chunk`, then `tail`, deflated piece by
 * piece (sync-flushed pieces concatenate into one deflate stream), so a huge content costs only
 * its compressed size in memory.
 */
export function repeatedEntry(name: string, head: string, chunk: Buffer, repeat: number, tail: string): RawEntry {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const headBytes = Buffer.from(head, "utf8");
  const tailBytes = Buffer.from(tail, "utf8");
  const piece = zlib.deflateRawSync(chunk, flush);
  let crc = zlib.crc32(headBytes);
  for (let i = 0; i < repeat; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tailBytes, crc);
  const deflated = Buffer.concat([
    zlib.deflateRawSync(headBytes, flush),
    ...new Array<Buffer>(repeat).fill(piece),
    zlib.deflateRawSync(tailBytes),
  ]);
  return { name, deflated, size: headBytes.length + chunk.length * repeat + tailBytes.length, crc };
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** The zip of these entries, in order (deflate, UTF-8 names, no time stamps). */
export function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const common = [
      u16(20),
      u16(0x0800),
      u16(8),
      u16(0),
      u16(0x21),
      u32(e.crc),
      u32(e.deflated.length),
      u32(e.size),
      u16(name.length),
      u16(0),
    ];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, e.deflated]);
    centrals.push(
      Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(central.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, central, end]);
}
