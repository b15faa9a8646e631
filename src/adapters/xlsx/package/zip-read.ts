/**
 * Reading a zip archive's central directory and inflating single entries, with the checks a
 * hostile file needs: declared sizes within the limits before anything is inflated, output
 * capped at the declared size while inflating (a "zip bomb" that lies is stopped at once),
 * the CRC checked, part names that could escape a folder or collide refused.
 */
import { InflateOverflow, type Codec } from "./codec";
import { PackageError } from "./errors";
import { utf8Decode } from "./text-codec";
import { MAX_ENTRIES, MAX_PART_BYTES, MAX_TOTAL_BYTES } from "./limits";

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** MS-DOS time and date, kept when the entry is copied. */
  readonly time: number;
  readonly date: number;
  readonly externalAttributes: number;
  /** Offset of the compressed bytes in the archive. */
  readonly dataStart: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

function corrupt(detail: string): PackageError {
  return new PackageError("corrupt", detail);
}

/** Offset of the end-of-central-directory record, searched backwards over a possible comment. */
function findEndRecord(bytes: Uint8Array): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  throw corrupt("no end of central directory (truncated)");
}

/**
 * Why a part name is unsafe, or null: names must be relative, use "/" only, and have no
 * empty, "." or ".." segment (a name like "../../x" would escape any folder it is unpacked in).
 * @example unsafeName("xl/../../evil.xml") // "“..”"
 */
export function unsafeName(name: string): string | null {
  if (name.length === 0) return "空名称";
  if (name.includes("\\")) return "反斜杠";
  if (name.includes("\u0000")) return "空字符";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "绝对路径";
  const segments = name.endsWith("/") ? name.slice(0, -1).split("/") : name.split("/");
  for (const s of segments) {
    if (s === "..") return "“..”";
    if (s === "." || s === "") return "空路径段";
  }
  return null;
}

function readEntry(bytes: Uint8Array, at: number, end: number): { entry: ZipEntry; next: number } {
  if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE) throw corrupt("bad central directory entry");
  const flags = u16(bytes, at + 8);
  const nameLength = u16(bytes, at + 28);
  const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  if (next > end) throw corrupt("central directory entry runs past its end");
  const name = utf8Decode(bytes.subarray(at + 46, at + 46 + nameLength));
  const compressedSize = u32(bytes, at + 20);
  const size = u32(bytes, at + 24);
  const localAt = u32(bytes, at + 42);
  if (compressedSize === 0xffffffff || size === 0xffffffff || localAt === 0xffffffff) {
    throw new PackageError("too-large", name);
  }
  if (localAt + 30 > bytes.length || u32(bytes, localAt) !== LOCAL_SIGNATURE)
    throw corrupt(`bad local header: ${name}`);
  const dataStart = localAt + 30 + u16(bytes, localAt + 26) + u16(bytes, localAt + 28);
  if (dataStart + compressedSize > bytes.length) throw corrupt(`entry runs past the end: ${name}`);
  const entry: ZipEntry = {
    name,
    method: u16(bytes, at + 10),
    flags,
    crc: u32(bytes, at + 16),
    compressedSize,
    size,
    time: u16(bytes, at + 12),
    date: u16(bytes, at + 14),
    externalAttributes: u32(bytes, at + 38),
    dataStart,
  };
  return { entry, next };
}

/**
 * The entries of a zip archive, in the order of its central directory. Refuses (PackageError):
 * a truncated or corrupt archive, ZIP64 or more than MAX_ENTRIES entries, encrypted entries,
 * unknown compression, unsafe or duplicate part names, and declared sizes over the limits.
 * @example readZipDirectory(bytes).map((e) => e.name) // ["[Content_Types].xml", "_rels/.rels", …]
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const eocd = findEndRecord(bytes);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdStart = u32(bytes, eocd + 16);
  if (count === 0xffff || cdStart === 0xffffffff) throw new PackageError("too-large", "ZIP64");
  if (count > MAX_ENTRIES) throw new PackageError("too-large", `${count} 个部件`);
  if (cdStart + cdSize > eocd) throw corrupt("central directory outside the archive");
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    const { entry, next } = readEntry(bytes, at, cdStart + cdSize);
    at = next;
    const unsafe = unsafeName(entry.name);
    if (unsafe) throw new PackageError("unsafe-part", `${entry.name}（${unsafe}）`);
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw new PackageError("unsafe-part", `${entry.name}（名称重复）`);
    seen.add(key);
    if (entry.flags & 1) throw new PackageError("encrypted", entry.name);
    if (entry.method !== 0 && entry.method !== 8) throw corrupt(`compression method ${entry.method}: ${entry.name}`);
    if (entry.size > MAX_PART_BYTES) throw new PackageError("too-large", `${entry.name}：${entry.size} 字节`);
    total += entry.size;
    if (total > MAX_TOTAL_BYTES) throw new PackageError("too-large", `合计 ${total} 字节`);
    entries.push(entry);
  }
  return entries;
}

/**
 * The uncompressed bytes of one entry. Output beyond the declared size stops inflating at
 * once (a lying zip bomb) and a wrong size or CRC is refused: both are a corrupt package.
 * @example new TextDecoder().decode(inflateEntry(bytes, entry, FFLATE_CODEC)) // "<?xml …"
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, codec: Codec): Uint8Array {
  const compressed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt(`stored size differs: ${entry.name}`);
    out = compressed;
  } else {
    try {
      out = codec.inflate(compressed, entry.size);
    } catch (error) {
      if (error instanceof InflateOverflow) throw new PackageError("too-large", `${entry.name} 解压后超过声明的大小`);
      throw corrupt(`cannot inflate ${entry.name}`);
    }
    if (out.length !== entry.size) throw corrupt(`short data: ${entry.name}`);
  }
  if (codec.crc32(out) !== entry.crc) throw corrupt(`CRC mismatch: ${entry.name}`);
  return out;
}
