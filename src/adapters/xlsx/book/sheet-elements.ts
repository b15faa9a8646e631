/**
 * The top level of a worksheet part: CT_Worksheet's children in schema order, finding them in a
 * big sheet without walking its rows, and cell addresses.
 */
import { columnLetters } from "../../../domain/a1-ref";
import { PackageError } from "../package/errors";
import { childrenOf, elementOf, type XmlElement } from "../package/xml";

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;
export type WorksheetElement = (typeof WORKSHEET_ORDER)[number];

/**
 * The top-level children of the root; the big element `skip` (sheetData) is stepped over by
 * its end tag instead of tag by tag.
 */
export function topLevel(xml: string, root: XmlElement, skip: string): XmlElement[] {
  return childrenOf(xml, root, (tag) => {
    if (tag.name !== skip || tag.kind !== "open") return elementOf(xml, tag);
    const close = xml.indexOf(`</${skip}>`, tag.end);
    if (close < 0) throw new PackageError("corrupt", `unclosed <${skip}>`);
    return { name: tag.name, start: tag.start, openEnd: tag.end, closeStart: close, end: close + skip.length + 3 };
  });
}

/**
 * A1 address of a cell.
 * @example cellAddress(3, 2) // "B3"
 */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
