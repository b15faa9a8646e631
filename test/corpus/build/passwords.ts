/** Protection passwords as Excel stores them, so the corpus can be unprotected with a known password. */
import { createHash } from "crypto";

/**
 * The legacy 16-bit password hash of sheet and workbook protection (ECMA-376 Part 4, 14.7.1).
 * @example legacyPasswordHash("password") // "83AF"
 */
export function legacyPasswordHash(password: string): string {
  let hash = 0;
  for (let i = password.length - 1; i >= 0; i--) {
    hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
    hash ^= password.charCodeAt(i);
  }
  hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7fff);
  hash ^= password.length;
  hash ^= 0xce4b;
  return hash.toString(16).toUpperCase().padStart(4, "0");
}

/** The SHA-512 hash Excel 2013+ writes: H0 = sha512(salt + UTF-16LE password), then spinCount rounds of sha512(H + LE32 i). */
export function sha512PasswordHash(password: string, salt: Buffer, spinCount: number): string {
  let hash = createHash("sha512").update(salt).update(Buffer.from(password, "utf16le")).digest();
  const counter = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    counter.writeUInt32LE(i);
    hash = createHash("sha512").update(hash).update(counter).digest();
  }
  return hash.toString("base64");
}
