/**
 * Hostile workbooks: a real registry package (the corpus's) with one part made dangerous —
 * external entities, entity expansion, a zip bomb, escaping part names, a truncated archive,
 * a sheet claiming a million rows, a cell longer than Excel allows.
 */
import { registryWorkbook } from "../corpus/build/registry";
import { entry, repeatedEntry, zipOf, type RawEntry } from "./raw-zip";

const SHEET = "xl/worksheets/sheet1.xml";
const SST = "xl/sharedStrings.xml";

/** The parts of a clean registry workbook, as text or bytes. */
function baseParts(): Map<string, string | Uint8Array> {
  return registryWorkbook().wb.finish().toParts();
}

/** The zip of the base parts after `change` edited them; `extra` entries are appended. */
function build(
  change: (parts: Map<string, string | Uint8Array>) => void = () => undefined,
  extra: RawEntry[] = [],
): Buffer {
  const parts = baseParts();
  change(parts);
  return zipOf([...[...parts].map(([name, content]) => entry(name, Buffer.from(content))), ...extra]);
}

/** Replaces text in a part (which must contain it). */
function replaceIn(parts: Map<string, string | Uint8Array>, part: string, from: string | RegExp, to: string): void {
  const text = String(parts.get(part));
  const next = text.replace(from, to);
  if (next === text) throw new Error(`hostile package: ${String(from)} not found in ${part}`);
  parts.set(part, next);
}

/** Inserts a DOCTYPE right after the XML declaration of a part. */
function withDoctype(parts: Map<string, string | Uint8Array>, part: string, root: string, subset: string): void {
  replaceIn(parts, part, /^(<\?xml[^>]*\?>\s*)/, `$1<!DOCTYPE ${root} [${subset}]>`);
}

/** A clean registry workbook (for the file-system cases). */
export function cleanWorkbook(): Buffer {
  return build();
}

/** The registry sheet reads a local file through an external entity (file:// URL of `secret`). */
export function xxeInSheet(secret: string): Buffer {
  return build((p) => {
    withDoctype(p, SHEET, "worksheet", `<!ENTITY xxe SYSTEM "file://${secret}">`);
    replaceIn(p, SHEET, /<c r="N3"[^>]*\/>/, '<c r="N3" t="inlineStr"><is><t>&xxe;</t></is></c>');
  });
}

/** The shared strings read a local file through an external entity (a parameter entity too). */
export function xxeInSharedStrings(secret: string): Buffer {
  return build((p) => {
    withDoctype(p, SST, "sst", `<!ENTITY xxe SYSTEM "file://${secret}"><!ENTITY % remote SYSTEM "file://${secret}">`);
    replaceIn(p, SST, "<t>已电话催办</t>", "<t>&xxe;</t>");
  });
}

/** "Billion laughs": ten levels of ten references, 10⁹ copies of "哈" from a few hundred bytes. */
export function billionLaughs(): Buffer {
  const levels = ['<!ENTITY lol0 "哈">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return build((p) => {
    withDoctype(p, SST, "sst", levels.join(""));
    replaceIn(p, SST, "<t>已电话催办</t>", "<t>&lol9;</t>");
  });
}

/** Uncompressed size of the bomb's sheet: 1 GiB of blanks inside a valid worksheet. */
export const BOMB_SIZE = 1024 * 1024 * 1024;

/** A zip bomb: the registry sheet is 1 GiB uncompressed (white space), about 1 MB compressed. */
export function zipBomb(): Buffer {
  const parts = baseParts();
  const sheet = String(parts.get(SHEET));
  const cut = sheet.indexOf("</sheetData>");
  parts.delete(SHEET);
  const blanks = Buffer.alloc(1024 * 1024, 0x20);
  const bomb = repeatedEntry(SHEET, sheet.slice(0, cut), blanks, BOMB_SIZE / blanks.length, sheet.slice(cut));
  // Keep the sheet where it was in the zip (after the workbook), so a reader meets it early.
  const entries = [...parts].map(([name, content]) => entry(name, Buffer.from(content)));
  entries.splice(3, 0, bomb);
  return zipOf(entries);
}

/** A part whose name climbs out of the package (`../`). */
export function dotDotPartName(): Buffer {
  return build(undefined, [entry("../../duban-escaped.xml", "<x/>"), entry("xl/../../../duban-escaped-2.xml", "<x/>")]);
}

/** A part with an absolute name. */
export function absolutePartName(): Buffer {
  return build(undefined, [entry("/tmp/duban-absolute.xml", "<x/>")]);
}

/** A zip cut off in the middle (a copy interrupted, a download not finished). */
export function truncatedZip(): Buffer {
  const whole = build();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

/** A registry sheet whose dimension claims a million rows (it holds ten). */
export function millionRowDimension(): Buffer {
  return build((p) => replaceIn(p, SHEET, /<dimension ref="[^"]*"\/>/, '<dimension ref="A1:N1000000"/>'));
}

/** A 督办事项内容 of 40,000 characters (Excel allows 32,767 in a cell). */
export function longCell(): Buffer {
  return build((p) =>
    replaceIn(p, SST, "<t>完成义务教育学校课后服务经费核算</t>", `<t>${"课后服务经费核算".repeat(5000)}</t>`),
  );
}
