/**
 * Counting working days. All counts use the half-open convention of the design: the working
 * days d with from < d ≤ to — the start day itself never counts, the end day does.
 *
 * Counts are answered from a prefix-sum index per calendar (built lazily, kept in a WeakMap),
 * so counting is O(1) after the index covers the dates; this is why a WorkingCalendar must
 * never change its answers once created (createCalendar's calendars never do).
 */
import type { IsoDate } from "./cell";
import type { WorkingCalendar } from "./calendar";
import { fromDayNumber, toDayNumber } from "./dates";

/** Longest span any function here walks or counts: 20 years. Farther dates are data errors. */
export const MAX_SPAN_DAYS = 7305;
/** Largest index kept per calendar (about 100 years); beyond it the index is rebuilt narrower. */
const MAX_INDEX_DAYS = 36525;
/** Extra days indexed on each side when an index is (re)built, so nearby queries reuse it. */
const MIN_PADDING_DAYS = 366;

/** cum[i] = number of working days among day numbers start … start + i − 1. */
interface PrefixIndex {
  readonly start: number;
  readonly cum: Int32Array;
}

const indexes = new WeakMap<WorkingCalendar, PrefixIndex>();

function buildIndex(cal: WorkingCalendar, start: number, endInclusive: number): PrefixIndex {
  const length = endInclusive - start + 1;
  const cum = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    cum[i + 1] = cum[i] + (cal.isWorkingDay(fromDayNumber(start + i)) ? 1 : 0);
  }
  return { start, cum };
}

/** An index of cal covering day numbers lo … hi (grown geometrically, so rebuilds amortise). */
function indexCovering(cal: WorkingCalendar, lo: number, hi: number): PrefixIndex {
  const current = indexes.get(cal);
  if (current && lo >= current.start && hi <= current.start + current.cum.length - 2) return current;
  const padding = Math.max(MIN_PADDING_DAYS, current ? current.cum.length - 1 : 0);
  let start = Math.min(lo, current?.start ?? lo) - padding;
  let end = Math.max(hi, current ? current.start + current.cum.length - 2 : hi) + padding;
  if (end - start + 1 > MAX_INDEX_DAYS) {
    start = lo - MIN_PADDING_DAYS;
    end = hi + MIN_PADDING_DAYS;
  }
  const index = buildIndex(cal, start, end);
  indexes.set(cal, index);
  return index;
}

/** Working days d (day numbers) with from < d ≤ to, for from ≤ to. */
function countForward(cal: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const index = indexCovering(cal, from + 1, to);
  return index.cum[to + 1 - index.start] - index.cum[from + 1 - index.start];
}

/**
 * Signed working-day distance: when to ≥ from, the number of working days d with
 * from < d ≤ to; when to < from, minus the number of working days d with to < d ≤ from.
 * A distance over 20 years is counted over the first 20 years only. NaN for invalid dates.
 * @example workingDaysBetween(createCalendar(), "2021-09-30", "2021-10-08") // 1
 * @example workingDaysBetween(createCalendar(), "2021-10-08", "2021-09-30") // -1
 */
export function workingDaysBetween(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (b >= a) return countForward(cal, a, Math.min(b, a + MAX_SPAN_DAYS));
  return 0 - countForward(cal, Math.max(b, a - MAX_SPAN_DAYS), a); // 0 - x: never -0
}

/**
 * Working days left until a deadline, as the status rules define it: when deadline ≥ today,
 * the number of working days d with today < d ≤ deadline (0 when due today, or when only
 * days off remain); when deadline < today, minus the number of working days d with
 * deadline < d ≤ today (overdue by that many working days; 0 if only days off passed).
 * @example workingDaysLeft(createCalendar(), "2021-12-31", "2022-01-04") // 1 (Jan 1–3 are off)
 * @example workingDaysLeft(createCalendar(), "2021-10-08", "2021-10-08") // 0
 */
export function workingDaysLeft(cal: WorkingCalendar, today: IsoDate, deadline: IsoDate): number {
  return workingDaysBetween(cal, today, deadline);
}

/**
 * The n-th working day after a date (n > 0), the date itself (n = 0), or the |n|-th working
 * day before it (n < 0); n is truncated to an integer. The walk stops after 20 years: a
 * calendar with too few working days gives the date 20 years away.
 * @example addWorkingDays(createCalendar(), "2021-09-30", 1) // "2021-10-08"
 * @example addWorkingDays(createCalendar(), "2021-09-30", 5) // "2021-10-13" (Sat Oct 9 is a make-up day)
 */
export function addWorkingDays(cal: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  const count = Math.trunc(n);
  const start = toDayNumber(date);
  if (count === 0 || Number.isNaN(start)) return date;
  const step = count > 0 ? 1 : -1;
  let remaining = Math.abs(count);
  let day = start;
  for (let walked = 0; walked < MAX_SPAN_DAYS; walked++) {
    day += step;
    if (cal.isWorkingDay(fromDayNumber(day)) && --remaining === 0) break;
  }
  return fromDayNumber(day);
}
