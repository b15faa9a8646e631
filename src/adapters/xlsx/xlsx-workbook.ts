/**
 * The xlsx adapter on Node: the browser-safe XlsxBook (book/book.ts) plus files — loading a
 * path, saving through a temp file and a rename. Reading and writing never go through a
 * spreadsheet library's model: a save changes only the parts the command changed and copies
 * every other part of the package byte for byte.
 */
import { promises as fsp } from "fs";
import { newBook, openBook, XlsxBook } from "./book/book";
import { fromFsError, XlsxLoadError } from "./load-errors";
import { writeFileAtomic } from "./atomic-write";
import { ZLIB_CODEC } from "./node-codec";

export { MergedCellWriteError, MissingSheetError, XlsxWriteError } from "./book/write-errors";

/** WorkbookPort (and setup and layout ports) over an .xlsx/.xlsm package, with file I/O. */
export class XlsxWorkbook extends XlsxBook {
  /**
   * Opens an .xlsx file. Anything that is not a readable .xlsx — a missing file, a folder,
   * a .xls or .csv, a password-protected, hostile or corrupt file — throws an XlsxLoadError.
   * `shown` names the file in error messages (default: `file`).
   * @example const book = await XlsxWorkbook.load("登记表.xlsx")
   */
  static async load(file: string, shown: string = file): Promise<XlsxWorkbook> {
    let bytes: Uint8Array;
    try {
      const stat = await fsp.stat(file);
      if (stat.isDirectory()) throw new XlsxLoadError("is-directory", shown);
      bytes = await fsp.readFile(file);
    } catch (error) {
      throw error instanceof XlsxLoadError ? error : fromFsError(shown, error);
    }
    return XlsxWorkbook.fromBuffer(bytes, shown, file);
  }

  /**
   * Opens an .xlsx held in memory; `name` is used in error messages and `fileName` (default
   * `name`) tells a .csv or .xls by its extension when the content is ambiguous.
   * @example const book = await XlsxWorkbook.fromBuffer(await fs.readFile("登记表.xlsx"))
   */
  static async fromBuffer(bytes: Uint8Array, name = "工作簿", fileName: string = name): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(openBook(bytes, name, fileName, ZLIB_CODEC));
  }

  /** A new workbook without sheets (for `duban init`). */
  static empty(name?: string): XlsxWorkbook {
    return new XlsxWorkbook(newBook(name, ZLIB_CODEC));
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    const bytes = this.toBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Saves to `file` through a temp file and a rename, so a crash leaves the old file or the
   * new one, never half of one.
   */
  async save(file: string): Promise<void> {
    await writeFileAtomic(file, this.toBytes());
  }
}
