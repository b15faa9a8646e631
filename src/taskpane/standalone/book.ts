/**
 * The standalone page's workbook: an .xlsx held in memory, opened from the bytes of a file the
 * person picked or dropped, saved back to bytes for 下载. The pane sees only this interface; the
 * implementation is the xlsx adapter's package-preserving core (package-book.ts).
 */
import type { DocumentPort } from "../../app/documents";
import type { SetupTarget } from "../../app/setup-port";

export interface StandaloneBook {
  /** Cells, sheets and documents of the workbook. */
  readonly port: DocumentPort;
  /** Where a refresh applies its setup plan. */
  readonly setup: SetupTarget;
  /** What the workbook could not keep as it was (named before 下载, never silent). */
  losses(): readonly string[];
  /** The workbook as .xlsx bytes. */
  toBytes(): Promise<Uint8Array>;
}

/** Opens .xlsx bytes; throws an Error with a Chinese message when they are not a readable workbook. */
export type OpenBook = (bytes: Uint8Array, name: string) => Promise<StandaloneBook>;

/** The first bytes of a zip file (an .xlsx is one). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * True when the bytes start like a zip package (.xlsx, .xlsm); .xls, .csv and password-protected
 * files do not.
 * @example looksLikeXlsx(new Uint8Array([0x50, 0x4b, 3, 4])) // true
 */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b);
}
