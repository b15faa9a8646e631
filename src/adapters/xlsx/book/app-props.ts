/**
 * The sheet titles of docProps/app.xml (TitlesOfParts, counted in HeadingPairs), kept in step
 * with the workbook when a sheet is added or removed. Anything else in the part is untouched.
 */
import {
  attributesOf,
  childElements,
  escapeText,
  prefixOf,
  rootElement,
  textOf,
  withAttributes,
  type XmlElement as Vector,
} from "../package/xml";

function vectorIn(xml: string, holder: string): { vector: Vector; items: Vector[] } | undefined {
  const root = rootElement(xml);
  const el = childElements(xml, root).find((c) => c.name.endsWith(holder));
  if (!el) return undefined;
  const vector = childElements(xml, el).find((c) => c.name.endsWith("vector"));
  if (!vector) return undefined;
  return { vector, items: childElements(xml, vector) };
}

/** Heading pairs as [name, count, element of the count]. */
function headingPairs(xml: string): { name: string; count: number; countEl: Vector }[] | undefined {
  const found = vectorIn(xml, "HeadingPairs");
  if (!found) return undefined;
  const out: { name: string; count: number; countEl: Vector }[] = [];
  for (let i = 0; i + 1 < found.items.length; i += 2) {
    const nameEl = found.items[i];
    const countEl = found.items[i + 1];
    const nameInner = childElements(xml, nameEl)[0];
    const countInner = childElements(xml, countEl)[0];
    if (!nameInner || !countInner) return undefined;
    out.push({ name: textOf(xml, nameInner), count: Number(textOf(xml, countInner)), countEl: countInner });
  }
  return out;
}

/** Index of the worksheets group: the one named as Excel names it in any language, else the first. */
function sheetGroup(pairs: { name: string }[]): number {
  const i = pairs.findIndex((p) => /^(Worksheets|工作表|Feuilles de calcul|Arbeitsblätter)$/i.test(p.name.trim()));
  return i >= 0 ? i : 0;
}

function replaceCount(xml: string, el: Vector, count: number): string {
  return xml.slice(0, el.openEnd) + String(count) + xml.slice(el.closeStart);
}

function resize(xml: string, holder: string, delta: number): string {
  const found = vectorIn(xml, holder);
  if (!found) return xml;
  const size = Number(attributesOf(xml, found.vector).get("size") ?? found.items.length) + delta;
  return (
    xml.slice(0, found.vector.start) +
    withAttributes(xml.slice(found.vector.start, found.vector.openEnd), { size: String(size) }) +
    xml.slice(found.vector.openEnd)
  );
}

/** The worksheet titles of app.xml: the TitlesOfParts vector, the worksheets group, and where its titles start. */
function worksheetTitles(
  xml: string,
): { titles: { vector: Vector; items: Vector[] }; group: number; first: number; count: number } | undefined {
  const pairs = headingPairs(xml);
  const titles = vectorIn(xml, "TitlesOfParts");
  if (!pairs || !titles || pairs.length === 0) return undefined;
  const group = sheetGroup(pairs);
  const first = pairs.slice(0, group).reduce((n, p) => n + p.count, 0);
  return { titles, group, first, count: pairs[group].count };
}

/** app.xml after one title was added (delta 1) or removed (-1): the vector's size and the group's count follow. */
function recount(xml: string, group: number, delta: 1 | -1): string {
  const out = resize(xml, "TitlesOfParts", delta);
  const again = headingPairs(out) as NonNullable<ReturnType<typeof headingPairs>>;
  return replaceCount(out, again[group].countEl, again[group].count + delta);
}

/**
 * app.xml with a sheet title added at the end of the worksheet titles (unchanged when the part
 * does not list titles in the usual form).
 * @example addSheetTitle(appXml, "工作日历")
 */
export function addSheetTitle(xml: string, title: string): string {
  const found = worksheetTitles(xml);
  if (!found) return xml;
  const { titles, group, first, count } = found;
  const offset = first + count;
  const p = prefixOf(titles.vector.name);
  const tag = `<${p}lpstr>${escapeText(title)}</${p}lpstr>`;
  const at = offset < titles.items.length ? titles.items[offset].start : titles.vector.closeStart;
  return recount(xml.slice(0, at) + tag + xml.slice(at), group, 1);
}

/** app.xml without a sheet title (unchanged when it is not listed). */
export function removeSheetTitle(xml: string, title: string): string {
  const found = worksheetTitles(xml);
  if (!found) return xml;
  const { titles, group, first, count } = found;
  const index = titles.items.findIndex((el, i) => i >= first && i < first + count && textOf(xml, el) === title);
  if (index < 0) return xml;
  const el = titles.items[index];
  return recount(xml.slice(0, el.start) + xml.slice(el.end), group, -1);
}
