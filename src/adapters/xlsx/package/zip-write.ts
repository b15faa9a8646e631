/**
 * Writing a zip archive from entries that are either copied (their compressed bytes, CRC and
 * sizes taken as they are from the source archive: the part stays byte for byte what it was)
 * or new (deflated here). One output buffer, no temporary files: works in browsers too.
 */
import type { Codec } from "./codec";
import type { ZipEntry } from "./zip-read";
import { utf8Encode } from "./text-codec";

/** An entry of the archive to write. */
export type ZipOut =
  | { readonly kind: "copy"; readonly entry: ZipEntry; readonly source: Uint8Array }
  | { readonly kind: "data"; readonly name: string; readonly data: Uint8Array };

/** An entry ready to write: the directory fields it keeps or gets, its encoded name and its bytes. */
interface Prepared extends Pick<
  ZipEntry,
  "method" | "flags" | "crc" | "size" | "time" | "date" | "externalAttributes"
> {
  readonly name: Uint8Array;
  readonly utf8Name: boolean;
  readonly payload: Uint8Array;
}

/** MS-DOS date of 1980-01-01, time 00:00: new parts carry no clock time (the output is reproducible). */
const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;
/** Keep the deflate-option bits and the UTF-8 bit; drop the data-descriptor bit (sizes are in the header). */
const KEPT_FLAGS = 0x0806;
const UTF8_FLAG = 0x0800;

function prepare(item: ZipOut, dosDate: number, dosTime: number, codec: Codec): Prepared {
  if (item.kind === "copy") {
    const e = item.entry;
    const name = utf8Encode(e.name);
    return {
      name,
      utf8Name: name.length !== e.name.length,
      method: e.method,
      flags: e.flags & KEPT_FLAGS,
      crc: e.crc,
      size: e.size,
      time: e.time,
      date: e.date,
      externalAttributes: e.externalAttributes,
      payload: item.source.subarray(e.dataStart, e.dataStart + e.compressedSize),
    };
  }
  const name = utf8Encode(item.name);
  const deflated = item.data.length === 0 ? item.data : codec.deflate(item.data);
  const store = deflated.length >= item.data.length;
  return {
    name,
    utf8Name: name.length !== item.name.length,
    method: store ? 0 : 8,
    flags: 0,
    crc: codec.crc32(item.data),
    size: item.data.length,
    time: dosTime,
    date: dosDate,
    externalAttributes: 0,
    payload: store ? item.data : deflated,
  };
}

class Writer {
  private at = 0;
  constructor(readonly bytes: Uint8Array) {}
  get offset(): number {
    return this.at;
  }
  u16(v: number): void {
    this.bytes[this.at++] = v & 0xff;
    this.bytes[this.at++] = (v >>> 8) & 0xff;
  }
  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16((v >>> 16) & 0xffff);
  }
  put(data: Uint8Array): void {
    this.bytes.set(data, this.at);
    this.at += data.length;
  }
}

function header(w: Writer, p: Prepared, central: boolean, offset: number): void {
  w.u32(central ? 0x02014b50 : 0x04034b50);
  if (central) w.u16(20);
  w.u16(20);
  w.u16(p.flags | (p.utf8Name ? UTF8_FLAG : 0));
  w.u16(p.method);
  w.u16(p.time);
  w.u16(p.date);
  w.u32(p.crc);
  w.u32(p.payload.length);
  w.u32(p.size);
  w.u16(p.name.length);
  w.u16(0); // extra field
  if (central) {
    w.u16(0); // comment
    w.u16(0); // disk
    w.u16(0); // internal attributes
    w.u32(p.externalAttributes);
    w.u32(offset);
  }
  w.put(p.name);
}

/**
 * The archive holding `items` in order. New entries are dated like `stamp` (an entry of the
 * source, so a rewritten part keeps its package's date), else 1980-01-01.
 * @example writeZip([{ kind: "data", name: "a.xml", data: bytes }], FFLATE_CODEC)
 */
export function writeZip(items: readonly ZipOut[], codec: Codec, stamp?: Pick<ZipEntry, "date" | "time">): Uint8Array {
  const prepared = items.map((item) => prepare(item, stamp?.date ?? DOS_EPOCH_DATE, stamp?.time ?? 0, codec));
  let size = 22;
  for (const p of prepared) size += 30 + p.name.length + p.payload.length + 46 + p.name.length;
  const w = new Writer(new Uint8Array(size));
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(w.offset);
    header(w, p, false, 0);
    w.put(p.payload);
  }
  const cdStart = w.offset;
  prepared.forEach((p, i) => header(w, p, true, offsets[i]));
  const cdSize = w.offset - cdStart;
  w.u32(0x06054b50);
  w.u16(0);
  w.u16(0);
  w.u16(prepared.length);
  w.u16(prepared.length);
  w.u32(cdSize);
  w.u32(cdStart);
  w.u16(0);
  return w.bytes;
}
