/**
 * The figures of a 督办分析报告 (policy 四（四）): over the items issued in a period (任务下达时间
 * inside it), per 督办科室或单位 and in total — how many items, closed on time, closed late,
 * terminated, overdue, in progress, the on-time rate, how many were urged and how many met an
 * accountability measure — plus the overdue items with how late they are.
 *
 *   onTimeRate = closedOnTime / (items − terminated), null when no item is left to count
 *   urged          = items with a 催办记录 entry dated on or before today (or undated)
 *   accountability = items with a 问责记录 measure (约谈, 通报批评, 追究责任) dated on or
 *                    before today (or undated)
 *
 * Items without a readable 任务下达时间 belong to no period; they are counted in `undated` so
 * the report can say how many were left out.
 */
import type { IsoDate } from "../cell";
import { compareIso } from "../dates";
import type { RegistryItem } from "../model";
import { printedNumber } from "../documents/common";
import type { SuggestionInput } from "../accountability/suggest";
import { inPeriod, type Period } from "./period";
import { itemOutcome, type Outcome } from "./outcome";

/** The counts of one section, or of all. */
export interface Figures {
  readonly items: number;
  readonly closedOnTime: number;
  readonly closedLate: number;
  readonly terminated: number;
  readonly overdue: number;
  readonly inProgress: number;
  readonly onTimeRate: number | null;
  readonly urged: number;
  readonly accountability: number;
  /** Closed items counted on time without a 办结日期 or a word saying when (see outcome.ts). */
  readonly closedAssumedOnTime: number;
}

export interface SectionFigures extends Figures {
  readonly section: string;
}

/** An overdue item as the report lists it. */
export interface OverdueItem {
  readonly row: number;
  /** The number in its correct form, null when the item has none. */
  readonly number: string | null;
  readonly item: RegistryItem;
  readonly section: string;
  readonly deadline: IsoDate;
  readonly workingDaysLate: number;
}

export interface LedgerFigures {
  readonly total: Figures;
  readonly sections: readonly SectionFigures[];
  /** Overdue items, latest first (most working days late), then by row. */
  readonly overdue: readonly OverdueItem[];
  /** Items left out because they have no readable 任务下达时间. */
  readonly undated: number;
}

/**
 * What the figures are counted from: what the accountability suggestions look at (`items` being
 * every item of the ledger, registry and archives), over a period.
 */
export interface FiguresInput extends SuggestionInput {
  readonly period: Pick<Period, "from" | "to">;
  /** Section names in the order to list them first (settings); others follow as they appear. */
  readonly sectionOrder: readonly string[];
}

/** The name a section is listed under when 督办科室或单位 is blank. */
export const NO_SECTION = "（未填写督办科室）";

/**
 * The section an item is counted under: 督办科室或单位 without outer white space.
 * @example sectionOf({ section: "办公室\u3000" }) // "办公室"
 */
export function sectionOf(item: Pick<RegistryItem, "section">): string {
  const name = item.section.trim();
  return name === "" ? NO_SECTION : name;
}

/**
 * The on-time rate: closedOnTime / (items − terminated), null when that is 0.
 * @example onTimeRate({ items: 8, terminated: 1, closedOnTime: 6 }) // 0.857142…
 */
export function onTimeRate(f: Pick<Figures, "items" | "terminated" | "closedOnTime">): number | null {
  const counted = f.items - f.terminated;
  return counted === 0 ? null : f.closedOnTime / counted;
}

type Counts = { -readonly [K in Exclude<keyof Figures, "onTimeRate">]: number };

function emptyCounts(): Counts {
  return {
    items: 0,
    closedOnTime: 0,
    closedLate: 0,
    terminated: 0,
    overdue: 0,
    inProgress: 0,
    urged: 0,
    accountability: 0,
    closedAssumedOnTime: 0,
  };
}

function finish(c: Counts): Figures {
  return { ...c, onTimeRate: onTimeRate(c) };
}

/** Numbers (correct form) with an entry dated on or before today, or undated. */
function numbersUpTo(entries: readonly { date: IsoDate | null; number: string }[], today: IsoDate): Set<string> {
  const set = new Set<string>();
  for (const e of entries) {
    if (e.number.trim() === "" || (e.date !== null && compareIso(e.date, today) > 0)) continue;
    set.add(printedNumber(e.number));
  }
  return set;
}

/**
 * The figures of the items issued in a period, on `today`.
 * @example ledgerFigures({ items, period: semesterPeriod(2021, "spring"), today: "2021-08-02", … }).total
 *   // { items: 12, closedOnTime: 7, closedLate: 2, terminated: 1, overdue: 1, inProgress: 1, onTimeRate: 0.636…, … }
 */
export function ledgerFigures(input: FiguresInput): LedgerFigures {
  const urged = numbersUpTo(input.urgings, input.today);
  const measured = numbersUpTo(
    input.records.filter((r) => r.measure !== null),
    input.today,
  );
  const total = emptyCounts();
  const bySection = new Map<string, Counts>();
  const overdue: OverdueItem[] = [];
  let undated = 0;
  for (const item of input.items) {
    if (item.issuedOn === null) {
      undated += 1;
      continue;
    }
    if (!inPeriod(item.issuedOn, input.period)) continue;
    const section = sectionOf(item);
    const counts = bySection.get(section) ?? emptyCounts();
    bySection.set(section, counts);
    const o = itemOutcome(item, input.today, input.calendar, input.warningDays);
    const number = item.number.trim() === "" ? null : printedNumber(item.number);
    for (const c of [counts, total]) {
      c.items += 1;
      c[o.outcome satisfies Outcome] += 1;
      if (o.basis === "assumed") c.closedAssumedOnTime += 1;
      if (number !== null && urged.has(number)) c.urged += 1;
      if (number !== null && measured.has(number)) c.accountability += 1;
    }
    if (o.outcome === "overdue" && o.deadline !== null) {
      overdue.push({
        row: item.row,
        number,
        item,
        section,
        deadline: o.deadline,
        workingDaysLate: o.workingDaysLate ?? 0,
      });
    }
  }
  overdue.sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.row - b.row);
  return {
    total: finish(total),
    sections: orderSections([...bySection.keys()], input.sectionOrder).map((section) => ({
      section,
      ...finish(bySection.get(section) ?? emptyCounts()),
    })),
    overdue,
    undated,
  };
}

/**
 * Sections in report order: those the settings list, in their order; then the others as they
 * first appeared; the blank section last.
 * @example orderSections(["督导室", "办公室", "安全科"], ["办公室", "督导室"]) // ["办公室", "督导室", "安全科"]
 */
export function orderSections(found: readonly string[], configured: readonly string[]): string[] {
  const rank = new Map(configured.map((s, i) => [s.trim(), i] as const));
  const position = new Map(found.map((s, i) => [s, i] as const));
  const key = (s: string): [number, number] => {
    if (s === NO_SECTION) return [2, 0];
    const r = rank.get(s);
    return r === undefined ? [1, position.get(s) ?? 0] : [0, r];
  };
  return [...found].sort((a, b) => {
    const [ga, ia] = key(a);
    const [gb, ib] = key(b);
    return ga - gb || ia - ib;
  });
}
