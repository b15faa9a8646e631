/**
 * The layout and document ports of the xlsx adapter: a SheetLayout (the engine's model of a
 * printed document) drawn as a new worksheet part (book/layout.ts does the drawing).
 */
import type { SheetLayout } from "../../domain/layout/types";
import type { DocumentPort, LayoutMode, LayoutPort } from "../../app/documents";
import type { XlsxBook } from "./book/book";
import { drawLayout, PAPER_A4, type RenderOptions } from "./book/layout";

export { PAPER_A4, type RenderOptions };

/**
 * Draws a layout into a workbook as a worksheet named `layout.name`: a new last sheet
 * ("add"; a sheet of that name already there is an error), or in place of the sheet of that
 * name at the same position ("replace"; added when there is none).
 * @example renderLayout(book, buildNotice(item, settings, cal, "2021-04-16"), "add")
 */
export function renderLayout(
  book: XlsxBook,
  layout: SheetLayout,
  mode: LayoutMode = "add",
  options: RenderOptions = {},
): void {
  drawLayout(book, layout, mode, options);
}

/**
 * The LayoutPort of a workbook.
 * @example await xlsxLayoutPort(book).writeLayout(layout, "add")
 */
export function xlsxLayoutPort(book: XlsxBook, options: RenderOptions = {}): LayoutPort {
  return {
    async writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
      drawLayout(book, layout, mode, options);
    },
  };
}

/**
 * The DocumentPort of an opened .xlsx: its cells and whole sheets drawn into its package.
 * @example await generateDocument(xlsxDocumentPort(book), "notice", { number: "〔2021〕3号", today })
 */
export function xlsxDocumentPort(book: XlsxBook, options: RenderOptions = {}): DocumentPort {
  const layouts = xlsxLayoutPort(book, options);
  return {
    sheetNames: () => book.sheetNames(),
    readSheets: (names) => book.readSheets(names),
    writeCells: (writes) => book.writeCells(writes),
    writeLayout: (layout, mode) => layouts.writeLayout(layout, mode),
  };
}
