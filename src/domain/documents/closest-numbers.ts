/**
 * Suggestions for a number that matches no item: the existing numbers nearest to what was
 * typed — by edit distance between the correct forms, then same prefix and year, then the
 * nearest sequence — so `〔2021〕13号` suggests `〔2021〕3号`, `〔2021〕12号` and `〔2021〕14号`.
 */
import { formatNumber, parseNumber, type ItemNumber } from "../numbers";
import { printedNumber } from "./common";

/**
 * Levenshtein distance between two texts (code points).
 * @example editDistance("〔2021〕3号", "〔2021〕13号") // 1
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[y.length];
}

interface Ranked {
  readonly text: string;
  readonly distance: number;
  readonly sameGroup: boolean;
  readonly seqGap: number;
  readonly order: number;
}

/**
 * Up to `limit` distinct existing numbers nearest to `query`, nearest first, in their correct
 * form. Blank numbers are ignored.
 * @example closestNumbers("〔2021〕13号", ["〔2021〕1号", "〔2021〕3号", "〔2020〕13号"], 2) // ["〔2020〕13号", "〔2021〕3号"]
 */
export function closestNumbers(query: string, existing: readonly string[], limit = 3): string[] {
  const wanted = printedNumber(query);
  const wantedValue: ItemNumber | undefined = parseNumber(query).value;
  const seen = new Set<string>();
  const ranked: Ranked[] = [];
  existing.forEach((raw, order) => {
    const value = parseNumber(raw).value;
    const text = value ? formatNumber(value) : raw.trim();
    if (text === "" || seen.has(text)) return;
    seen.add(text);
    const sameGroup =
      wantedValue !== undefined &&
      value !== undefined &&
      value.prefix === wantedValue.prefix &&
      value.year === wantedValue.year;
    const seqGap = wantedValue && value ? Math.abs(value.seq - wantedValue.seq) : Number.MAX_SAFE_INTEGER;
    ranked.push({ text, distance: editDistance(wanted, text), sameGroup, seqGap, order });
  });
  ranked.sort(
    (a, b) =>
      a.distance - b.distance || Number(b.sameGroup) - Number(a.sameGroup) || a.seqGap - b.seqGap || a.order - b.order,
  );
  return ranked.slice(0, Math.max(0, limit)).map((r) => r.text);
}
