/**
 * The standalone page's workbook on the xlsx adapter's browser-safe core (adapters/xlsx/book:
 * the package read and edited in place with fflate — no fs, zlib or Buffer). A save changes only
 * the parts the page's operations changed and copies every other part byte for byte, as the
 * command line does. Lives in the lazily loaded standalone chunk.
 */
import { XlsxBook } from "../../adapters/xlsx/book/book";
import type { OpenBook } from "./book";

/**
 * Opens .xlsx/.xlsm bytes with the package-preserving core.
 * @example const book = await openPackageBook(bytes, "登记表.xlsx")
 */
export const openPackageBook: OpenBook = async (bytes, name) => {
  const book = XlsxBook.fromBytes(bytes, name);
  return {
    port: book,
    setup: book,
    losses: () => book.losses,
    toBytes: async () => book.toBytes(),
  };
};
