/**
 * Item numbers (督办事项编号) in the style of GB/T 9704-2012: `[prefix]〔YYYY〕N号` — an
 * optional organ prefix (e.g. 江津教督), the full year in hexagonal brackets 〔〕 (U+3014 /
 * U+3015), the sequence in Arabic digits without leading zeros and without 第, then 号.
 */
import type { IsoDate } from "./cell";
import { yearOf } from "./dates";

export interface ItemNumber {
  readonly prefix: string;
  readonly year: number;
  readonly seq: number;
}

/**
 * What is wrong with a number: brackets other than 〔〕; a two-digit year; a sequence with
 * leading zeros; 第 before the sequence; no 号 at the end; or not a number at all.
 */
export type NumberProblem = "brackets" | "short-year" | "leading-zero" | "di" | "missing-hao" | "unrecognised";

export type NumberParse =
  { ok: true; value: ItemNumber } | { ok: false; problems: NumberProblem[]; fix?: string; value?: ItemNumber };

/** Brackets people use in place of 〔〕: ASCII, full-width and lenticular square, round, small tortoise shell. */
const OPENERS = "〔[【(（［〖﹝〘";
const CLOSERS = "〕]】)）］〗﹞〙";
const BRACKET_CLASS = `${OPENERS}${CLOSERS}`.replace(/[[\]()]/g, "\\$&");
/** prefix, opener, year, closer, 第, sequence, 号 — every deviation from the form is captured. */
const LENIENT = new RegExp(`^([^${BRACKET_CLASS}]*)([${BRACKET_CLASS}])(\\d+)([${BRACKET_CLASS}])(第?)(\\d+)(号?)$`);

/** Most entries findGaps lists per prefix and year (a typo like 〔2021〕3000号 is not 2,999 gaps). */
export const MAX_LISTED_GAPS = 1000;

/** Removes all white space (the ideographic space included) and turns full-width digits into ASCII. */
function normalise(text: string): string {
  return text.replace(/\s+/g, "").replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * The number in its correct form.
 * @example formatNumber({ prefix: "江津教督", year: 2021, seq: 3 }) // "江津教督〔2021〕3号"
 */
export function formatNumber(n: ItemNumber): string {
  return `${n.prefix}〔${n.year}〕${n.seq}号`;
}

/**
 * Reads an item number. The correct form is ok; a recognisable wrong form (〔〕 written as
 * [] 【】 () （） ［］ 〖〗 ﹝﹞, a two-digit year meaning 20YY, leading zeros, 第, no 号, or
 * several of these) gives its problems, the corrected text as `fix` and the parsed value;
 * anything else is "unrecognised" with neither. White space anywhere and full-width digits
 * are read as if typed plainly.
 * @example parseNumber("江津教督〔2021〕3号") // { ok: true, value: { prefix: "江津教督", year: 2021, seq: 3 } }
 * @example parseNumber("【21】第03号") // { ok: false, problems: ["brackets", "short-year", "leading-zero", "di"], fix: "〔2021〕3号", value: … }
 * @example parseNumber("待定") // { ok: false, problems: ["unrecognised"] }
 */
export function parseNumber(text: string): NumberParse {
  const m = LENIENT.exec(normalise(text));
  const unrecognised: NumberParse = { ok: false, problems: ["unrecognised"] };
  if (!m) return unrecognised;
  const [, prefix, opener, yearDigits, closer, di, seqDigits, hao] = m;
  if (!OPENERS.includes(opener) || !CLOSERS.includes(closer)) return unrecognised;
  if (!/^[1-9]\d{3}$|^\d{2}$/.test(yearDigits)) return unrecognised;
  const seq = Number(seqDigits);
  if (seq < 1 || !Number.isSafeInteger(seq)) return unrecognised;
  const year = yearDigits.length === 2 ? 2000 + Number(yearDigits) : Number(yearDigits);
  const value: ItemNumber = { prefix, year, seq };

  const problems: NumberProblem[] = [];
  if (opener !== "〔" || closer !== "〕") problems.push("brackets");
  if (yearDigits.length === 2) problems.push("short-year");
  if (seqDigits.startsWith("0")) problems.push("leading-zero");
  if (di !== "") problems.push("di");
  if (hao === "") problems.push("missing-hao");
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems, fix: formatNumber(value), value };
}

/** What separates two numbers written in one cell: 、，,；; and white space. */
const PART_SEPARATOR = /[、，,；;\s\u3000]+/u;

/**
 * The numbers a cell holds: the text itself, or — when it reads as no number but splits at
 * 、，,；; or white space into parts that each read as one (correct or fixable) — those parts.
 * A cell holding two numbers (one item for two documents) reserves both.
 * @example numberParts("〔2021〕17号、〔2021〕18号") // ["〔2021〕17号", "〔2021〕18号"]
 * @example numberParts("〔2021〕3号") // ["〔2021〕3号"]
 * @example numberParts("待定") // ["待定"]
 */
export function numberParts(text: string): string[] {
  const whole = text.trim();
  if (whole === "" || parseNumber(whole).value !== undefined) return [whole];
  const parts = whole.split(PART_SEPARATOR).filter((p) => p !== "");
  return parts.length >= 2 && parts.every((p) => parseNumber(p).value !== undefined) ? parts : [whole];
}

/**
 * The values of the numbers a cell holds (correct or fixable ones; none for blank or
 * unrecognised text), each once.
 * @example numberValues("〔2021〕17号、[2021]18号").map(formatNumber) // ["〔2021〕17号", "〔2021〕18号"]
 */
export function numberValues(text: string): ItemNumber[] {
  const seen = new Set<string>();
  const out: ItemNumber[] = [];
  for (const part of numberParts(text)) {
    const value = parseNumber(part).value;
    if (!value || seen.has(formatNumber(value))) continue;
    seen.add(formatNumber(value));
    out.push(value);
  }
  return out;
}

function groupKey(prefix: string, year: number): string {
  return `${prefix}\u0000${year}`;
}

/**
 * Numbers for the rows whose number is blank: the year of 任务下达时间 (today's year when it
 * is blank) and N = the highest N used so far in that year with this prefix + 1, rows taking
 * numbers top to bottom. Numbers already written — correct or fixable — are never changed
 * and never reused, so a number above a gap stays the highest; a cell holding two numbers
 * reserves both.
 * @example assignNumbers([{ row: 3, number: "〔2021〕2号", issuedOn: "2021-03-01" },
 *   { row: 4, number: "", issuedOn: "2021-03-05" }], "2021-06-01", "") // [{ row: 4, number: "〔2021〕3号" }]
 */
export function assignNumbers(
  rows: readonly { row: number; number: string; issuedOn: IsoDate | null }[],
  today: IsoDate,
  prefix: string,
): { row: number; number: string }[] {
  const ownPrefix = normalise(prefix);
  const highest = new Map<string, number>();
  const blank: { row: number; issuedOn: IsoDate | null }[] = [];
  for (const r of rows) {
    if (r.number.trim() === "") {
      blank.push(r);
      continue;
    }
    for (const value of numberValues(r.number)) {
      const key = groupKey(value.prefix, value.year);
      highest.set(key, Math.max(highest.get(key) ?? 0, value.seq));
    }
  }
  blank.sort((a, b) => a.row - b.row);
  return blank.map((r) => {
    const year = yearOf(r.issuedOn ?? today);
    const key = groupKey(ownPrefix, year);
    const seq = (highest.get(key) ?? 0) + 1;
    highest.set(key, seq);
    return { row: r.row, number: formatNumber({ prefix: ownPrefix, year, seq }) };
  });
}

/**
 * Numbers that occur on two or more rows, keyed by their correct form, so that different
 * spellings of one number (〔2021〕3号, [2021]3号, 〔2021〕第03号) collide; each number of a
 * cell holding two counts. Rows are listed in input order; blank and unrecognised numbers are
 * not compared.
 * @example findDuplicates([{ row: 3, number: "〔2021〕3号" }, { row: 9, number: "[2021]3号" }])
 *   // Map { "〔2021〕3号" => [3, 9] }
 */
export function findDuplicates(rows: readonly { row: number; number: string }[]): Map<string, number[]> {
  const found = findDuplicateEntries(rows);
  return new Map([...found].map(([key, list]) => [key, list.map((r) => r.row)]));
}

/**
 * findDuplicates over any entries carrying a number (e.g. items of several ledger sheets):
 * the entries of each number used twice or more, keyed by its correct form, in input order.
 * @example findDuplicateEntries([{ sheet: "2021年", row: 3, number: "〔2021〕3号" }, { sheet: "2022年", row: 3, number: "〔2021〕3号" }])
 *   // Map { "〔2021〕3号" => [both entries] }
 */
export function findDuplicateEntries<T extends { readonly number: string }>(entries: readonly T[]): Map<string, T[]> {
  const byNumber = new Map<string, T[]>();
  for (const entry of entries) {
    for (const value of numberValues(entry.number)) {
      const key = formatNumber(value);
      const list = byNumber.get(key);
      if (list) list.push(entry);
      else byNumber.set(key, [entry]);
    }
  }
  for (const [key, list] of byNumber) if (list.length < 2) byNumber.delete(key);
  return byNumber;
}

/**
 * Sequence numbers missing between 1 and the highest one used, per prefix and year (only
 * groups with a gap; ordered by prefix, then year; at most MAX_LISTED_GAPS per group).
 * Correct and fixable numbers count by their value.
 * @example findGaps([{ row: 3, number: "〔2021〕1号" }, { row: 4, number: "〔2021〕4号" }])
 *   // [{ prefix: "", year: 2021, missing: [2, 3] }]
 */
export function findGaps(
  rows: readonly { row: number; number: string }[],
): { prefix: string; year: number; missing: number[] }[] {
  const groups = new Map<string, { prefix: string; year: number; used: Set<number>; max: number }>();
  for (const value of rows.flatMap((r) => numberValues(r.number))) {
    const key = groupKey(value.prefix, value.year);
    let group = groups.get(key);
    if (!group) {
      group = { prefix: value.prefix, year: value.year, used: new Set(), max: 0 };
      groups.set(key, group);
    }
    group.used.add(value.seq);
    group.max = Math.max(group.max, value.seq);
  }
  const result: { prefix: string; year: number; missing: number[] }[] = [];
  for (const { prefix, year, used, max } of groups.values()) {
    const missing: number[] = [];
    for (let seq = 1; seq < max && missing.length < MAX_LISTED_GAPS; seq++) {
      if (!used.has(seq)) missing.push(seq);
    }
    if (missing.length > 0) result.push({ prefix, year, missing });
  }
  return result.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : a.year - b.year));
}
