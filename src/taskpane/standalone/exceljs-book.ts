/**
 * The standalone page's workbook on the xlsx adapter (ExcelJS's browser build, resolved through
 * its package "browser" field). Lives in the lazily loaded standalone chunk.
 */
import { XlsxWorkbook } from "../../adapters/xlsx/xlsx-workbook";
import { xlsxDocumentPort } from "../../adapters/xlsx/render-layout";
import { xlsxSetupTarget } from "../../adapters/xlsx/apply-plan";
import type { OpenBook } from "./book";

/**
 * Opens .xlsx bytes with the xlsx adapter.
 * @example const book = await openExcelJsBook(bytes, "登记表.xlsx")
 */
export const openExcelJsBook: OpenBook = async (bytes, name) => {
  // The adapter reads Node Buffers; ExcelJS's browser build takes a Uint8Array as well.
  const book = await XlsxWorkbook.fromBuffer(bytes as unknown as Buffer, name);
  return {
    port: xlsxDocumentPort(book),
    setup: xlsxSetupTarget(book.workbook),
    toBytes: () => book.toBytes(),
  };
};
