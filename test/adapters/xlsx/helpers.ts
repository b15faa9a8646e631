/**
 * Moving between ExcelJS (how tests build fixture workbooks and inspect results, as an
 * independent reader) and the adapter's package-preserving XlsxWorkbook.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";

/** The adapter's workbook of a fixture built with ExcelJS (written to bytes, then opened). */
export async function bookOf(wb: ExcelJS.Workbook, name = "工作簿.xlsx"): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), name);
}

/** The adapter's workbook as ExcelJS reads its saved bytes. */
export async function excelOf(book: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await book.toBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The adapter's workbook after a save and a fresh open (what the next command sees). */
export async function reopened(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await book.toBuffer(), "再次打开.xlsx");
}

/**
 * What the saved file stores in a cell's `<v>` (a number, or the text when not numeric),
 * read from the sheet part with JSZip — the bytes, not any reader's interpretation.
 */
export async function storedValue(book: XlsxWorkbook, part: string, address: string): Promise<number | string | null> {
  const zip = await JSZip.loadAsync(await book.toBuffer());
  const xml = await zip.file(part)!.async("string");
  const m = new RegExp(`<c r="${address}"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>`).exec(xml);
  if (!m) return null;
  return Number.isNaN(Number(m[1])) ? m[1] : Number(m[1]);
}
