/**
 * Sheets as parts of the package: a new worksheet gets its own part, a relationship from the
 * workbook, a content type, a `<sheet>` entry and an app.xml title; a deleted one takes with it
 * the parts only it used (drawings, comments …) and its sheet-scoped names.
 */
import {
  addRelationship,
  CONTENT_TYPES,
  CONTENT_TYPES_PART,
  EMPTY_RELS,
  parseRelationships,
  REL_TYPES,
  relativeTarget,
  relsPartOf,
  removeOverride,
  removeRelationship,
  resolveTarget,
  setOverride,
} from "../package/opc";
import type { XlsxBook } from "./book";
import type { SheetInfo } from "./open";
import { addSheetEntry, removeSheetEntry, workbookSheets } from "./workbook-part";
import { addSheetTitle, removeSheetTitle } from "./app-props";
import { MINIMAL_STYLES } from "./styles";
import { XlsxWriteError } from "./write-errors";

/** A worksheet with nothing in it. */
export const EMPTY_SHEET_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

function rels(book: XlsxBook, part: string): string {
  const name = relsPartOf(part);
  return book.pkg.has(name) ? book.pkg.text(name) : EMPTY_RELS;
}

/** The part of the package's app.xml (extended properties), if any. */
function appPart(book: XlsxBook): string | undefined {
  if (!book.pkg.has("_rels/.rels")) return undefined;
  const rel = parseRelationships(book.pkg.text("_rels/.rels")).find((r) => r.type === REL_TYPES.extendedProperties);
  const part = rel ? resolveTarget("", rel.target) : undefined;
  return part && book.pkg.has(part) ? part : undefined;
}

/**
 * Adds a worksheet named `name` at the end of the workbook, holding `xml` (an empty sheet by
 * default). A sheet of that name in any letter case is an error.
 * @example addWorksheet(book, "工作日历")
 */
export function addWorksheet(
  book: XlsxBook,
  name: string,
  xml: string = EMPTY_SHEET_XML,
  state = "visible",
): SheetInfo {
  if (book.sheetLike(name)) {
    throw new XlsxWriteError("sheet-exists", `工作表“${name}”已存在`, name);
  }
  const folder = `${folderOf(book.workbookPart)}worksheets/`;
  let n = 1;
  while (book.pkg.has(`${folder}sheet${n}.xml`)) n++;
  const part = `${folder}sheet${n}.xml`;
  const relId = addWorkbookPart(book, part, xml, CONTENT_TYPES.worksheet, REL_TYPES.worksheet);
  const wb = book.workbookXml();
  const sheetId = Math.max(0, ...workbookSheets(wb).map((s) => s.sheetId)) + 1;
  book.setWorkbookXml(addSheetEntry(wb, { name, sheetId, relId, state }));
  const app = appPart(book);
  if (app) book.pkg.setText(app, addSheetTitle(book.pkg.text(app), name));
  book.sheetsChanged();
  const info = book.sheet(name);
  if (!info) throw new Error(`sheet ${name} was not added`);
  return info;
}

/** Every internal relationship target in the package, with the part whose .rels names it. */
function allTargets(book: XlsxBook): { source: string; target: string }[] {
  const out: { source: string; target: string }[] = [];
  for (const name of book.pkg.names()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    for (const r of parseRelationships(book.pkg.text(name))) {
      if (!r.external) out.push({ source, target: resolveTarget(source, r.target).toLowerCase() });
    }
  }
  return out;
}

/**
 * Removes a part, its relationships part, and — recursively — every part it pointed to that
 * no remaining part points to. Returns the removed part names.
 */
export function removePartTree(book: XlsxBook, part: string): string[] {
  const removed: string[] = [];
  const queue = [part];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (!book.pkg.has(current)) continue;
    const relsPart = relsPartOf(current);
    const children = book.pkg.has(relsPart)
      ? parseRelationships(book.pkg.text(relsPart))
          .filter((r) => !r.external)
          .map((r) => resolveTarget(current, r.target))
      : [];
    book.pkg.remove(current);
    book.pkg.remove(relsPart);
    book.pkg.setText(CONTENT_TYPES_PART, removeOverride(book.pkg.text(CONTENT_TYPES_PART), current));
    removed.push(current);
    const still = allTargets(book);
    for (const child of children) {
      if (!still.some((t) => t.target === child.toLowerCase())) queue.push(child);
    }
  }
  return removed;
}

/** Parts a sheet's relationships point to (drawings, comments, tables …). */
export function relatedParts(book: XlsxBook, part: string): string[] {
  const relsPart = relsPartOf(part);
  if (!book.pkg.has(relsPart)) return [];
  return parseRelationships(book.pkg.text(relsPart))
    .filter((r) => !r.external)
    .map((r) => resolveTarget(part, r.target));
}

/**
 * Deletes a worksheet: its `<sheet>` entry and scoped names, its relationship, its part and
 * the parts only it used, its app.xml title; the calculation chain is dropped (Excel rebuilds it).
 */
export function deleteWorksheet(book: XlsxBook, info: SheetInfo): void {
  const index = book.sheets().findIndex((s) => s.name === info.name);
  book.setWorkbookXml(removeSheetEntry(book.workbookXml(), index));
  const relsPart = relsPartOf(book.workbookPart);
  if (book.pkg.has(relsPart)) book.pkg.setText(relsPart, removeRelationship(book.pkg.text(relsPart), info.relId));
  if (info.part) removePartTree(book, info.part);
  book.forgetDoc(info.part);
  const app = appPart(book);
  if (app) book.pkg.setText(app, removeSheetTitle(book.pkg.text(app), info.name));
  book.sheetsChanged();
  book.markFormulas();
}

/** The styles part, created (with its relationship and content type) when the package has none. */
export function ensureStylesPart(book: XlsxBook): string {
  const existing = book.workbookTarget(REL_TYPES.styles);
  if (existing && book.pkg.has(existing)) return existing;
  const part = `${folderOf(book.workbookPart)}styles.xml`;
  addWorkbookPart(book, part, MINIMAL_STYLES, CONTENT_TYPES.styles, REL_TYPES.styles);
  return part;
}

/**
 * A new part beside the workbook: its text, its content type, and the workbook's relationship
 * to it; returns the relationship's id.
 */
function addWorkbookPart(book: XlsxBook, part: string, xml: string, contentType: string, relType: string): string {
  book.pkg.setText(part, xml);
  book.pkg.setText(CONTENT_TYPES_PART, setOverride(book.pkg.text(CONTENT_TYPES_PART), part, contentType));
  const added = addRelationship(rels(book, book.workbookPart), relType, relativeTarget(book.workbookPart, part));
  book.pkg.setText(relsPartOf(book.workbookPart), added.xml);
  return added.id;
}
