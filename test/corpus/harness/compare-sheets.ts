/**
 * Worksheet comparison, for every sheet whose part changed: each element of the input kept as
 * written unless the command may change it, extensions (x14 sparklines, data bars …) kept, every
 * filled cell kept unless the command set it, row attributes (heights, hidden rows) kept; and in
 * every output sheet, no cell under two data validations.
 */
import { readSheets } from "../ooxml/opc";
import {
  attributes,
  canonical,
  childElements,
  childNamed,
  decodeXml,
  localName,
  rootElement,
  type XmlElement,
} from "../ooxml/xml";
import { partText, sameBytes, type Parts } from "../ooxml/zip";
import { clip, Findings } from "./findings";
import type { Comparison } from "./compare-parts";
import type { SetCell } from "./policy";
import { refPosition, sheetCells, type RawCell } from "./sheet-cells";

export interface SheetComparison extends Comparison {
  /** Cells the command reports setting, with the text each should show (null: any). */
  readonly setCells: ReadonlyMap<string, string | null>;
}

/** "sheet!ref" key of a set cell. */
export const cellKey = (c: SetCell) => `${c.sheet}!${c.ref}`;

type Rect = readonly [number, number, number, number];

/** Rectangles of an sqref ("E3:E200 G3:H200", "E:E", "3:3"). */
function rects(sqref: string): Rect[] {
  return sqref
    .trim()
    .split(/\s+/)
    .map((range) => {
      const [a, b = a] = range.replace(/\$/g, "").split(":");
      if (/^[A-Z]+$/.test(a)) return [1, refPosition(`${a}1`)[1], 1048576, refPosition(`${b}1`)[1]] as const;
      if (/^\d+$/.test(a)) return [Number(a), 1, Number(b), 16384] as const;
      const [r1, c1] = refPosition(a);
      const [r2, c2] = refPosition(b);
      return [Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)] as const;
    });
}

const overlaps = (a: Rect, b: Rect) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function validationRects(root: XmlElement | null): { raw: string; rects: Rect[] }[] {
  const dvs = childElements(childNamed(root, "dataValidations")?.inner ?? "");
  return dvs.map((dv) => ({ raw: dv.raw, rects: rects(attributes(dv.startTag).sqref ?? "") }));
}

/** No cell of a sheet under two data validations (Excel keeps one and reports the file). */
function checkValidationOverlap(name: string, root: XmlElement | null, f: Findings): void {
  const dvs = validationRects(root);
  for (let i = 0; i < dvs.length; i++) {
    for (let j = i + 1; j < dvs.length; j++) {
      const hit = dvs[i].rects.some((a) => dvs[j].rects.some((b) => overlaps(a, b)));
      f.check(!hit, "validation", name, `数据验证范围重叠：${clip(dvs[i].raw, 90)} 与 ${clip(dvs[j].raw, 90)}`);
    }
  }
}

/** Refresh may replace rules, but every cell the input validated is still validated. */
function checkValidationCoverage(name: string, before: XmlElement | null, after: XmlElement | null, f: Findings): void {
  const out = validationRects(after).flatMap((v) => v.rects);
  for (const dv of validationRects(before)) {
    const uncovered = dv.rects.find(([r1, c1, r2, c2]) => {
      for (let r = r1; r <= Math.min(r2, r1 + 5000); r++) {
        for (let c = c1; c <= c2; c++)
          if (!out.some((o) => r >= o[0] && r <= o[2] && c >= o[1] && c <= o[3])) return true;
      }
      return false;
    });
    f.check(uncovered === undefined, "validation", name, `原有数据验证的单元格不再受验证：${clip(dv.raw, 120)}`);
  }
}

/** Each `<ext>`'s children of the input extLst are still in the output's extLst. */
function checkExtensions(name: string, before: XmlElement | null, after: XmlElement | null, f: Findings): void {
  const outText = childNamed(after, "extLst")?.raw ?? "";
  for (const ext of childElements(childNamed(before, "extLst")?.inner ?? "")) {
    const uri = attributes(ext.startTag).uri;
    for (const child of childElements(ext.inner)) {
      f.check(
        outText.includes(child.inner),
        "extension",
        name,
        `扩展 ${uri} 的 ${child.name} 丢失或被改动：${clip(child.raw, 100)}`,
      );
    }
  }
}

/** What a cell's style index and shared-string index stand for, in one package. */
interface Resolver {
  readonly xfs: readonly XmlElement[];
  readonly sst: readonly XmlElement[];
  /** fonts, fills, borders by index; number formats by id. */
  readonly defs: Readonly<Record<"fonts" | "fills" | "borders", readonly string[]>>;
  readonly numFmts: ReadonlyMap<string, string>;
}

function resolver(parts: Parts): Resolver {
  const styles = rootElement(partText(parts, "xl/styles.xml") ?? "");
  const items = (name: string) => childElements(childNamed(styles, name)?.inner ?? "");
  const canon = (name: string) => items(name).map((e) => canonical(e.raw));
  return {
    xfs: items("cellXfs"),
    sst: childElements(rootElement(partText(parts, "xl/sharedStrings.xml") ?? "")?.inner ?? ""),
    defs: { fonts: canon("fonts"), fills: canon("fills"), borders: canon("borders") },
    numFmts: new Map(items("numFmts").map((n) => [attributes(n.startTag).numFmtId, attributes(n.startTag).formatCode])),
  };
}

/** What a cell format means: its font, fill, border, alignment and (optionally) number format. */
function formatMeaning(xf: XmlElement | undefined, r: Resolver, numFmt: boolean): string {
  if (!xf) return "（无此样式）";
  const a = attributes(xf.startTag);
  const fmt = a.numFmtId ?? "0";
  return [
    `font=${r.defs.fonts[Number(a.fontId ?? 0)]}`,
    `fill=${r.defs.fills[Number(a.fillId ?? 0)]}`,
    `border=${r.defs.borders[Number(a.borderId ?? 0)]}`,
    numFmt ? `numFmt=${r.numFmts.get(fmt) ?? `内置${fmt}`}` : "",
    canonical(xf.inner),
  ].join("|");
}

/**
 * A cell with its indexes replaced by what they stand for (the cell format, the string), to
 * tell a cell whose content or look changed from one only re-encoded because shared strings or
 * styles were renumbered. `numFmt: false` ignores the number format.
 */
function meaning(cell: RawCell, r: Resolver, numFmt = true): string {
  return `${content(cell, r)}|${formatMeaning(r.xfs[Number(cell.attrs.s ?? 0)], r, numFmt)}`;
}

/** A cell's content (value, formula, type) with a shared string resolved to its text. */
function content(cell: RawCell, r: Resolver): string {
  return canonical(
    cell.unstyled.replace(/<v>(\d+)<\/v>/, (v) => (cell.attrs.t === "s" ? `<v>${cellText(cell, r.sst)}</v>` : v)),
  );
}

/** Adds `ref` to the list under `key`. */
function group(map: Map<string, string[]>, key: string, ref: string): void {
  map.set(key, [...(map.get(key) ?? []), ref]);
}

const some = (refs: readonly string[]) => `${refs.slice(0, 5).join("、")}${refs.length > 5 ? " 等" : ""}`;

function checkCells(
  sheet: string,
  inXml: string,
  outXml: string,
  edits: boolean,
  c: SheetComparison,
  f: Findings,
): void {
  const before = sheetCells(inXml);
  const after = sheetCells(outXml);
  const [rin, rout] = [resolver(c.input), resolver(c.output)];
  const reencoded: string[] = [];
  const restyled = new Map<string, string[]>();
  for (const [ref, cell] of before.cells) {
    if (c.setCells.has(`${sheet}!${ref}`)) continue;
    const out = after.cells.get(ref);
    if (!out) {
      f.add("cell", sheet, `${ref} 丢失：${clip(cell.raw, 100)}`);
    } else if (out.raw === cell.raw) {
      continue;
    } else if (meaning(out, rout) === meaning(cell, rin)) {
      reencoded.push(ref);
    } else if (edits && !c.policy.reportsCells && !cell.filled && out.filled) {
      continue; // an empty (styled) cell a command that does not report its cells filled
    } else if (edits && c.policy.restyles && meaning(out, rout, false) === meaning(cell, rin, false)) {
      continue; // only its number format, which this command sets
    } else if (content(out, rout) === content(cell, rin)) {
      const [fin, fout] = [cell, out].map((x, i) =>
        formatMeaning([rin, rout][i].xfs[Number(x.attrs.s ?? 0)], [rin, rout][i], true).split("|"),
      );
      const diff = fin
        .map((part, i) => (part === fout[i] ? "" : `${clip(part, 120)} → ${clip(fout[i] ?? "", 120)}`))
        .filter(Boolean);
      group(restyled, diff.join("；"), ref);
    } else {
      f.add("cell", sheet, `${ref}：${clip(meaning(cell, rin), 140)} → ${clip(meaning(out, rout), 140)}`);
    }
  }
  for (const [change, refs] of restyled)
    f.add("cell", sheet, `${refs.length} 个单元格（${some(refs)}）的格式变了：${change}`);
  if (reencoded.length > 0) {
    f.add(
      "cell",
      sheet,
      `${reencoded.length} 个未设置的单元格被重写（内容和格式相同，但共享字符串或样式的编号变了），如 ${some(reencoded)}`,
    );
  }
  for (const [ref, out] of after.cells) {
    if (before.cells.has(ref) || c.setCells.has(`${sheet}!${ref}`) || !out.filled) continue;
    f.check(
      edits && !c.policy.reportsCells,
      "cell",
      sheet,
      `命令 ${c.policy.name} 写了未报告的单元格 ${ref}：${clip(out.raw, 100)}`,
    );
  }
  for (const [r, attrs] of before.rows) {
    const out = after.rows.get(r);
    const same = out !== undefined && JSON.stringify(out) === JSON.stringify(attrs);
    // A row that only had its number may go, or gain attributes, unless it becomes hidden.
    const plain = Object.keys(attrs).length === 1 && out?.hidden === undefined;
    f.check(
      same || plain,
      "row",
      sheet,
      `第 ${r} 行的属性 ${JSON.stringify(attrs)} → ${out ? JSON.stringify(out) : "（行丢失）"}`,
    );
  }
}

/** Every element of the input sheet kept, except those the command may change (checked by meaning). */
function checkElements(
  sheet: string,
  before: XmlElement | null,
  after: XmlElement | null,
  allowed: ReadonlySet<string>,
  c: Comparison,
  f: Findings,
): void {
  const out = childElements(after?.inner ?? "");
  for (const el of childElements(before?.inner ?? "")) {
    const name = localName(el.name);
    if (name === "sheetData" || allowed.has(name)) continue;
    const kept = out.some((o) => o.raw === el.raw);
    if (name === "extLst") {
      checkExtensions(sheet, before, after, f);
      if (!kept && !f.list.some((x) => x.kind === "extension" && x.where === sheet))
        f.add("sheet-element", sheet, `extLst 被改写：${clip(el.raw)}`);
      continue;
    }
    const twin = out.find((o) => localName(o.name) === name);
    f.check(kept, "sheet-element", sheet, `${name}：${clip(el.raw)} → ${twin ? clip(twin.raw) : "（丢失）"}`);
  }
  if (allowed.has("extLst")) checkExtensions(sheet, before, after, f);
  if (allowed.has("cols")) {
    const outCols = childElements(childNamed(after, "cols")?.inner ?? "").map((e) => e.raw);
    for (const col of childElements(childNamed(before, "cols")?.inner ?? "")) {
      f.check(outCols.includes(col.raw), "sheet-element", sheet, `列宽设置 ${clip(col.raw)} 丢失或被改动`);
    }
  }
  if (allowed.has("dataValidations") && c.policy.setsValidations) checkValidationCoverage(sheet, before, after, f);
}

/** The sheet-level findings. */
export function compareSheets(c: SheetComparison, f: Findings): void {
  const outSheets = readSheets(c.output);
  for (const s of readSheets(c.input)) {
    const twin = outSheets.find((t) => t.name === s.name);
    if (s.kind !== "worksheet" || !s.part || !twin?.part) continue;
    const [inBytes, outBytes] = [c.input.get(s.part), c.output.get(twin.part)];
    if (!inBytes || !outBytes || sameBytes(inBytes, outBytes)) continue;
    const edits = s.name === c.registry && c.policy.editsRegistry;
    const [inXml, outXml] = [partText(c.input, s.part)!, partText(c.output, twin.part)!];
    checkElements(s.name, rootElement(inXml), rootElement(outXml), edits ? c.policy.sheetElements : new Set(), c, f);
    checkCells(s.name, inXml, outXml, edits, c, f);
  }
  for (const s of outSheets) {
    if (s.kind === "worksheet" && s.part)
      checkValidationOverlap(s.name, rootElement(partText(c.output, s.part) ?? ""), f);
  }
  checkSetCells(c, f);
}

/** The cells the command reports setting show what it reports. */
function checkSetCells(c: SheetComparison, f: Findings): void {
  const sst = childElements(rootElement(partText(c.output, "xl/sharedStrings.xml") ?? "")?.inner ?? "");
  const sheets = readSheets(c.output);
  for (const [key, expected] of c.setCells) {
    if (expected === null) continue;
    const [sheet, ref] = [key.slice(0, key.lastIndexOf("!")), key.slice(key.lastIndexOf("!") + 1)];
    const part = sheets.find((s) => s.name === sheet)?.part;
    const cell = part ? sheetCells(partText(c.output, part) ?? "").cells.get(ref) : undefined;
    const text = cell ? cellText(cell, sst) : null;
    f.check(
      text === expected,
      "cell",
      sheet,
      `${ref} 应为“${expected}”，输出为 ${text === null ? "（无）" : `“${text}”`}`,
    );
  }
}

/** The text a cell shows (shared, inline or plain string; number as written). */
export function cellText(cell: RawCell, sst: readonly XmlElement[]): string {
  const v = /<v>([^<]*)<\/v>/.exec(cell.raw)?.[1] ?? "";
  const strip = (x: string) => x.replace(/<rPh[\s\S]*?<\/rPh>/g, "").replace(/<[^>]*>/g, "");
  if (cell.attrs.t === "s") return decodeXml(strip(sst[Number(v)]?.inner ?? ""));
  if (cell.attrs.t === "inlineStr") return decodeXml(strip(/<is>([\s\S]*)<\/is>/.exec(cell.raw)?.[1] ?? ""));
  return decodeXml(v);
}
