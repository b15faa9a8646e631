/**
 * UTF-8 text and bytes, with the decoder and encoder made on first use (not when a module
 * loads), so importing the package layer works in any environment, jsdom included.
 */
let decoder: TextDecoder | undefined;
let encoder: TextEncoder | undefined;

/** UTF-8 bytes as text (invalid sequences replaced, never thrown). */
export function utf8Decode(bytes: Uint8Array): string {
  decoder ??= new TextDecoder("utf-8");
  return decoder.decode(bytes);
}

/** Text as UTF-8 bytes. */
export function utf8Encode(text: string): Uint8Array {
  encoder ??= new TextEncoder();
  return encoder.encode(text);
}

/**
 * Text as UTF-8 bytes written into `dest` (which should have room for 3 bytes per UTF-16 unit);
 * returns how many units were read and bytes written.
 */
export function utf8EncodeInto(text: string, dest: Uint8Array): { read: number; written: number } {
  encoder ??= new TextEncoder();
  const { read = 0, written = 0 } = encoder.encodeInto(text, dest);
  return { read, written };
}
