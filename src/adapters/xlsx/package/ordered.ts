/**
 * Where a new child element goes in a parent whose schema fixes the order of its children
 * (CT_Worksheet, CT_Stylesheet …): after the last child that must precede it.
 */
import { childElements, prefixOf, type XmlElement } from "./xml";

/** The local name of an element name ("x:cols" → "cols"). */
export function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

/**
 * The direct children of `parent` whose local name is `local`, whatever their prefix.
 * @example childrenNamed(xml, rootElement(xml), "cfRule").length
 */
export function childrenNamed(xml: string, parent: XmlElement, local: string): XmlElement[] {
  return childElements(xml, parent).filter((el) => localName(el.name) === local);
}

/**
 * The position at which a child named `local` is inserted among `parent`'s children, given
 * the schema's order of names; children with other names (extensions) are not counted. Pass
 * `children` when they are known (a big sheet's are, without walking its rows).
 * @example insertionPoint(xml, worksheet, WORKSHEET_ORDER, "mergeCells") // index after </sheetData>
 */
export function insertionPoint(
  xml: string,
  parent: XmlElement,
  order: readonly string[],
  local: string,
  children: readonly XmlElement[] = childElements(xml, parent),
): number {
  const rank = order.indexOf(local);
  if (rank < 0) throw new Error(`${local} is not in the schema order`);
  const p = prefixOf(parent.name);
  let after = -1;
  let before = -1;
  for (const child of children) {
    if (prefixOf(child.name) !== p) continue;
    const r = order.indexOf(localName(child.name));
    if (r < 0) continue;
    if (r <= rank) after = child.end;
    else if (before < 0) before = child.start;
  }
  if (after >= 0) return after;
  if (before >= 0) return before;
  return parent.closeStart;
}
