/**
 * Which of a workbook's formulas may legitimately change value when a command sets cells:
 * those that reference a set cell — directly, through a defined name, or through other such
 * formulas. The LibreOffice comparison leaves them out and checks every other formula.
 */
import { readSheets, workbookPart } from "../ooxml/opc";
import { attributes, childNamed, childrenNamed, decodeXml, rootElement, textContent } from "../ooxml/xml";
import { partText, type Parts } from "../ooxml/zip";
import { refPosition, sheetCells } from "./sheet-cells";

interface Range {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A cell or range reference, perhaps sheet-qualified (`[1]统计!` is another workbook's sheet);
 * not part of a longer name (LOG10) or a call.
 */
const REF =
  /(?<![\w.])(?:(?:'((?:[^']|'')+)'|((?:\[\d+\])?[^\s!(),'"&+\-*/^=<>:;{}[\]]+))!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![\w(])/g;

/** The cell ranges a formula references (unqualified references are on `sheet`). */
export function referencedRanges(formula: string, sheet: string, names: ReadonlyMap<string, string>): Range[] {
  let text = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const [name, definition] of names) if (text.includes(name)) text += ` ${definition}`;
  const out: Range[] = [];
  for (const m of text.matchAll(REF)) {
    const on = m[1]?.replace(/''/g, "'") ?? m[2] ?? sheet;
    const [r1, c1] = refPosition(m[3]);
    const [r2, c2] = m[4] ? refPosition(m[4]) : [r1, c1];
    out.push({
      sheet: on,
      top: Math.min(r1, r2),
      left: Math.min(c1, c2),
      bottom: Math.max(r1, r2),
      right: Math.max(c1, c2),
    });
  }
  return out;
}

/** The workbook's defined names (global ones; sheet-scoped ones too, by name) and their formulas. */
function definedNames(parts: Parts): Map<string, string> {
  const root = rootElement(partText(parts, workbookPart(parts)) ?? "");
  return new Map(
    childrenNamed(childNamed(root, "definedNames"), "definedName").map((n) => [
      attributes(n.startTag).name,
      textContent(n),
    ]),
  );
}

/**
 * "sheet!ref" of every formula cell whose value may change when the cells `set` ("sheet!ref")
 * change: it references one of them, or a formula cell that does.
 */
export function dependentFormulas(parts: Parts, set: ReadonlySet<string>): Set<string> {
  const names = definedNames(parts);
  const formulas: { key: string; ranges: Range[] }[] = [];
  for (const sheet of readSheets(parts)) {
    if (sheet.kind !== "worksheet" || !sheet.part) continue;
    for (const cell of sheetCells(partText(parts, sheet.part) ?? "").cells.values()) {
      const f = /<f(?:\s[^>]*)?>([^<]*)<\/f>/.exec(cell.raw);
      if (f)
        formulas.push({
          key: `${sheet.name}!${cell.ref}`,
          ranges: referencedRanges(decodeXml(f[1]), sheet.name, names),
        });
    }
  }
  const tainted = new Set(set);
  const dependent = new Set<string>();
  const hits = (ranges: readonly Range[]) =>
    [...tainted].some((key) => {
      const bang = key.lastIndexOf("!");
      const [row, col] = refPosition(key.slice(bang + 1));
      const sheet = key.slice(0, bang);
      return ranges.some(
        (r) => r.sheet === sheet && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right,
      );
    });
  for (let changed = true; changed;) {
    changed = false;
    for (const f of formulas) {
      if (dependent.has(f.key) || !hits(f.ranges)) continue;
      dependent.add(f.key);
      tainted.add(f.key);
      changed = true;
    }
  }
  return dependent;
}
