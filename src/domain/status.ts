/**
 * The status of an item (红黄绿灯). This exact definition is also written as an Excel formula
 * (the live 状态 column and the conditional formatting); keep the two in step.
 *
 *   result    = 督办结果, trimmed
 *   deadline  = 延期至 when set, else 要求完成时间 (else none)
 *   left      = when deadline ≥ today: the number of working days d with today < d ≤ deadline
 *               (0 when due today); when deadline < today: minus the number of working days d
 *               with deadline < d ≤ today. Working days come from the calendar.
 *   status, the first rule that applies (words from vocabulary.ts):
 *     1. 已终止  result is a terminating word (终止, 已终止)
 *     2. 已办结  办结日期 set, or result contains a closing word (办结, 完成, 已落实 …) and no
 *                never-closing mark (未, 部分, 正在, 待, 推进): 按期办结 and 已完成 close,
 *                尚未办结 and 部分办结 do not; any other text counts as open
 *     3. 办理中  no deadline                      (deadline and left are null)
 *     4. 逾期    today > deadline                 (calendar days: overdue the day after)
 *     5. 临期    left ≤ warningDays                (so due today is 临期)
 *     6. 办理中  otherwise
 *   `left` is reported for every item with a deadline, whatever its status.
 */
import type { IsoDate } from "./cell";
import type { WorkingCalendar } from "./calendar";
import type { RegistryItem, Status } from "./model";
import { compareIso } from "./dates";
import { workingDaysLeft } from "./workdays";
import { resultCloses, resultTerminates } from "./vocabulary";

/** The outcome of classifyItem. */
export interface ItemStatus {
  readonly status: Status;
  readonly deadline: IsoDate | null;
  readonly workingDaysLeft: number | null;
}

/**
 * The deadline in force: 延期至 when set, else 要求完成时间.
 * @example effectiveDeadline({ dueOn: "2021-04-30", extendedTo: "2021-05-31" }) // "2021-05-31"
 */
export function effectiveDeadline(item: Pick<RegistryItem, "dueOn" | "extendedTo">): IsoDate | null {
  return item.extendedTo ?? item.dueOn;
}

/**
 * True when the item was terminated: 督办结果 is a terminating word (终止, 已终止; spaces around ignored).
 * @example isTerminated({ result: " 终止 " }) // true
 */
export function isTerminated(item: Pick<RegistryItem, "result">): boolean {
  return resultTerminates(item.result);
}

/**
 * True when the item was completed: not terminated, and 办结日期 set or 督办结果 closes it.
 * @example isClosed({ result: "按期办结", closedOn: null }) // true
 * @example isClosed({ result: "尚未办结", closedOn: null }) // false
 */
export function isClosed(item: Pick<RegistryItem, "result" | "closedOn">): boolean {
  return !isTerminated(item) && (item.closedOn !== null || resultSaysClosed(item.result));
}

/**
 * True when a 督办结果 text says the item was completed (vocabulary.ts resultCloses).
 * @example resultSaysClosed("延期办结") // true
 * @example resultSaysClosed("尚未办结") // false
 */
export function resultSaysClosed(result: string): boolean {
  return resultCloses(result);
}

/**
 * The status of an item on a day (see the rules at the top of this file).
 * @example classifyItem(item, "2021-04-28", createCalendar(), 3)
 *   // { status: "临期", deadline: "2021-04-30", workingDaysLeft: 2 }
 */
export function classifyItem(
  item: RegistryItem,
  today: IsoDate,
  cal: WorkingCalendar,
  warningDays: number,
): ItemStatus {
  const deadline = effectiveDeadline(item);
  const left = deadline === null ? null : workingDaysLeft(cal, today, deadline);
  const result = (status: Status): ItemStatus => ({ status, deadline, workingDaysLeft: left });
  if (isTerminated(item)) return result("已终止");
  if (isClosed(item)) return result("已办结");
  if (deadline === null || left === null) return result("办理中");
  if (compareIso(today, deadline) > 0) return result("逾期");
  if (left <= warningDays) return result("临期");
  return result("办理中");
}
