/**
 * How an item ended up, for the 督办分析报告: closed on time, closed late, terminated, overdue
 * (open and past its deadline) or in progress. The status rules of status.ts decide what is
 * closed, terminated and overdue — this file adds only when a closed item was closed.
 *
 * The day an item was closed ("closed on"):
 *   1. 办结日期, when the row has one: on time when on or before the effective deadline
 *      (延期至, else 要求完成时间). The date decides even when 督办结果 says otherwise.
 *   2. Else the clerk's own word in 督办结果: 逾期… (逾期办结) is late; 按期… / 延期…
 *      (按期办结, 延期办结 — closed within an approved extension) is on time.
 *   3. Else, when today is on or before the deadline (or there is no deadline), the item was
 *      necessarily closed in time: on time.
 *   4. Else nobody knows: it counts as on time and is marked `assumed`, and the report says
 *      how many such items there are ("未填办结日期，按按期办结计") so the office can fill in
 *      办结日期 and get exact figures. Counting it late would blame a unit for a clerk's blank.
 */
import type { IsoDate } from "../cell";
import type { WorkingCalendar } from "../calendar";
import { compareIso } from "../dates";
import type { RegistryItem } from "../model";
import { classifyItem, isClosed, isTerminated } from "../status";

export type Outcome = "closedOnTime" | "closedLate" | "terminated" | "overdue" | "inProgress";

/** Outcomes in the order reports list them. */
export const OUTCOMES: readonly Outcome[] = ["closedOnTime", "closedLate", "terminated", "overdue", "inProgress"];

/** How the on-time judgement of a closed item was made (see the rules at the top). */
export type ClosedBasis = "date" | "word" | "before-deadline" | "assumed";

export interface ItemOutcome {
  readonly outcome: Outcome;
  /** The effective deadline (延期至, else 要求完成时间), null for a long-term item. */
  readonly deadline: IsoDate | null;
  /** Closed items only: how on time / late was decided. */
  readonly basis: ClosedBasis | null;
  /** Overdue items only: working days since the deadline (0 when only days off passed). */
  readonly workingDaysLate: number | null;
}

/** Words of 督办结果 that say when a closed item was closed (see rule 2). */
const LATE_WORD = "逾期";
const ON_TIME_WORDS = ["按期", "延期"] as const;

/**
 * What 督办结果 says about the timing of a closing: "late", "onTime" or null when it says
 * nothing (办结, 已完成 …).
 * @example closingWordTiming("逾期办结") // "late"
 * @example closingWordTiming("延期办结") // "onTime"
 * @example closingWordTiming("已办结") // null
 */
export function closingWordTiming(result: string): "late" | "onTime" | null {
  if (result.includes(LATE_WORD)) return "late";
  if (ON_TIME_WORDS.some((w) => result.includes(w))) return "onTime";
  return null;
}

function closedOutcome(item: RegistryItem, today: IsoDate, deadline: IsoDate | null): ItemOutcome {
  const make = (onTime: boolean, basis: ClosedBasis): ItemOutcome => ({
    outcome: onTime ? "closedOnTime" : "closedLate",
    deadline,
    basis,
    workingDaysLate: null,
  });
  if (item.closedOn !== null) return make(deadline === null || compareIso(item.closedOn, deadline) <= 0, "date");
  const word = closingWordTiming(item.result);
  if (word !== null) return make(word === "onTime", "word");
  if (deadline === null || compareIso(today, deadline) <= 0) return make(true, "before-deadline");
  return make(true, "assumed");
}

/**
 * The outcome of an item on a day, with the workbook's calendar and 临期 threshold (临期 is
 * in progress here).
 * @example itemOutcome({ …, dueOn: "2021-04-30", closedOn: "2021-05-06" }, "2021-06-01", cal, 3)
 *   // { outcome: "closedLate", deadline: "2021-04-30", basis: "date", workingDaysLate: null }
 * @example itemOutcome({ …, dueOn: "2021-04-30", result: "" }, "2021-05-06", cal, 3)
 *   // { outcome: "overdue", deadline: "2021-04-30", basis: null, workingDaysLate: 2 }
 */
export function itemOutcome(
  item: RegistryItem,
  today: IsoDate,
  cal: WorkingCalendar,
  warningDays: number,
): ItemOutcome {
  const status = classifyItem(item, today, cal, warningDays);
  const deadline = status.deadline;
  if (isTerminated(item)) return { outcome: "terminated", deadline, basis: null, workingDaysLate: null };
  if (isClosed(item)) return closedOutcome(item, today, deadline);
  if (status.status === "逾期") {
    const late = status.workingDaysLeft === null ? null : Math.max(0, -status.workingDaysLeft);
    return { outcome: "overdue", deadline, basis: null, workingDaysLate: late };
  }
  return { outcome: "inProgress", deadline, basis: null, workingDaysLate: null };
}
