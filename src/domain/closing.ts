/**
 * Closing an item (销号): the 督办结果 that fits the day it was completed.
 */
import type { IsoDate } from "./cell";
import { compareIso } from "./dates";
import type { RegistryItem } from "./model";

/** The closing results offered when an item is closed. */
export const CLOSING_RESULTS = ["按期办结", "延期办结", "逾期办结"] as const;
export type ClosingResult = (typeof CLOSING_RESULTS)[number];

/**
 * The 督办结果 for an item completed on `closedOn`: 按期办结 on or before 要求完成时间,
 * 延期办结 after it but on or before an approved 延期至, 逾期办结 otherwise (and when the item
 * has no deadline, 按期办结).
 * @example suggestClosingResult({ dueOn: "2021-04-30", extendedTo: null }, "2021-04-30") // "按期办结"
 * @example suggestClosingResult({ dueOn: "2021-04-30", extendedTo: "2021-05-31" }, "2021-05-10") // "延期办结"
 * @example suggestClosingResult({ dueOn: "2021-04-30", extendedTo: null }, "2021-05-06") // "逾期办结"
 */
export function suggestClosingResult(
  item: Pick<RegistryItem, "dueOn" | "extendedTo">,
  closedOn: IsoDate,
): ClosingResult {
  if (item.dueOn === null || compareIso(closedOn, item.dueOn) <= 0) return "按期办结";
  if (item.extendedTo !== null && compareIso(closedOn, item.extendedTo) <= 0) return "延期办结";
  return "逾期办结";
}
