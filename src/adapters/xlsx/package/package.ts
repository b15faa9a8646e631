/**
 * An Office package held in memory: the source archive's bytes, parts inflated only when
 * asked, and the parts a command changed, added or removed. `toBytes` copies every untouched
 * part's compressed bytes as they were and deflates only what changed.
 */
import { FFLATE_CODEC, type Codec } from "./codec";
import { PackageError } from "./errors";
import { utf8Decode, utf8Encode } from "./text-codec";
import { assertSafeXml } from "./xml";
import { inflateEntry, readZipDirectory, type ZipEntry } from "./zip-read";
import { writeZip, type ZipOut } from "./zip-write";

/**
 * The text of an XML part: UTF-8 (a BOM dropped) or UTF-16 with its BOM.
 * @example decodePart(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c])) // "<"
 */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8Decode(bytes.subarray(3));
  return utf8Decode(bytes);
}

/** XML text as UTF-8 bytes, its declaration saying so. */
function encodeXml(text: string): Uint8Array {
  const fixed = text.startsWith("<?xml") ? text.replace(/^(<\?xml[^>]*encoding=["'])[^"']*(["'])/, "$1UTF-8$2") : text;
  return utf8Encode(fixed);
}

interface Slot {
  /** The source entry, when the part came from the archive. */
  readonly entry?: ZipEntry;
  /** New content (uncompressed); undefined while the part is unchanged. */
  data?: Uint8Array;
}

export class OfficePackage {
  /** Parts by lower-cased name (part names are case-insensitive); insertion order is archive order. */
  private readonly slots = new Map<string, Slot & { name: string }>();
  private readonly texts = new Map<string, string>();

  private constructor(
    private readonly source: Uint8Array,
    private readonly codec: Codec,
  ) {}

  /**
   * Opens an archive (only its central directory is read). Throws PackageError.
   * @example const pkg = OfficePackage.open(bytes)
   */
  static open(bytes: Uint8Array, codec: Codec = FFLATE_CODEC): OfficePackage {
    const pkg = new OfficePackage(bytes, codec);
    for (const entry of readZipDirectory(bytes)) pkg.slots.set(entry.name.toLowerCase(), { name: entry.name, entry });
    return pkg;
  }

  /** A new package from text parts. */
  static create(parts: Readonly<Record<string, string>>, codec: Codec = FFLATE_CODEC): OfficePackage {
    const pkg = new OfficePackage(new Uint8Array(0), codec);
    for (const [name, text] of Object.entries(parts)) pkg.setText(name, text);
    return pkg;
  }

  /** Part names (directory entries excluded), in archive order. */
  names(): string[] {
    return [...this.slots.values()].filter((s) => !s.name.endsWith("/")).map((s) => s.name);
  }

  has(name: string): boolean {
    return this.slots.has(name.toLowerCase());
  }

  /** The name of a part as the archive spells it. */
  actualName(name: string): string | undefined {
    return this.slots.get(name.toLowerCase())?.name;
  }

  /** The uncompressed bytes of a part; throws PackageError("corrupt") when there is none. */
  bytes(name: string): Uint8Array {
    const slot = this.slots.get(name.toLowerCase());
    if (!slot) throw new PackageError("corrupt", `missing part ${name}`);
    if (slot.data) return slot.data;
    if (!slot.entry) throw new PackageError("corrupt", `missing part ${name}`);
    return inflateEntry(this.source, slot.entry, this.codec);
  }

  /**
   * The text of an XML part, checked for DTDs and entity declarations (refused). Cached until
   * the part is set again.
   */
  text(name: string): string {
    const key = name.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const text = decodePart(this.bytes(name));
    assertSafeXml(text, name);
    this.texts.set(key, text);
    return text;
  }

  /** Forgets the cached text of a part (to free memory once it has been read). */
  release(name: string): void {
    this.texts.delete(name.toLowerCase());
  }

  /** Sets a part's text (the text is not kept: big sheets are read again only when asked). */
  setText(name: string, text: string): void {
    this.setBytes(name, encodeXml(text));
  }

  setBytes(name: string, data: Uint8Array): void {
    const key = name.toLowerCase();
    const slot = this.slots.get(key);
    this.texts.delete(key);
    if (slot) slot.data = data;
    else this.slots.set(key, { name, data });
  }

  remove(name: string): void {
    this.slots.delete(name.toLowerCase());
    this.texts.delete(name.toLowerCase());
  }

  /** True when the part was set since opening (or is new). */
  changed(name: string): boolean {
    return this.slots.get(name.toLowerCase())?.data !== undefined;
  }

  /** The package as archive bytes: untouched parts copied raw, changed and new parts deflated. */
  toBytes(): Uint8Array {
    const items: ZipOut[] = [];
    let stamp: ZipEntry | undefined;
    for (const slot of this.slots.values()) {
      stamp ??= slot.entry;
      if (slot.data) items.push({ kind: "data", name: slot.name, data: slot.data });
      else if (slot.entry) items.push({ kind: "copy", entry: slot.entry, source: this.source });
    }
    return writeZip(items, this.codec, stamp);
  }
}
