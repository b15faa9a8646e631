/**
 * Accountability suggestions (policy 五（一）). The engine only suggests; a measure exists
 * once a person confirms it and it is written in the 问责记录 sheet.
 *
 *   约谈      "未按期完成的，对单位负责人进行约谈": an item that is overdue today (open and past
 *             its effective deadline) → 约谈 of its 承办单位负责人.
 *   通报批评  "经催办仍未办结，且不能说明合理原因的，对单位予以通报批评": an item that is overdue,
 *             was urged (a 催办记录 entry dated on or before today) and is still open after the
 *             reply period of an urging ended (its 回复期限, else its date, is before today),
 *             with no reason recorded in 备注 (any text in 备注 counts as a reason given:
 *             whether it is 合理 is for a person to judge).
 *   追究责任  "情节严重，造成严重后果的": never suggested — only a person can judge how serious
 *             a case is; it can only be recorded by hand (duban accountability --record
 *             --measure 追究责任, or the pane).
 *
 * A measure already recorded for the item — or a heavier one — is not suggested again.
 * Items closed late are not suggested: the analysis report shows them, and the policy's
 * measures are about items still being handled.
 */
import type { IsoDate } from "../cell";
import type { WorkingCalendar } from "../calendar";
import { compareIso, formatChineseDate } from "../dates";
import type { RegistryItem } from "../model";
import { classifyItem } from "../status";
import { printedNumber } from "../documents/common";
import type { RemindLogEntry } from "../documents/remind-log";
import { MEASURES, type AccountabilityEntry, type Measure } from "./log";

/** The measures the engine may suggest (追究责任 is never suggested). */
export type SuggestedMeasure = Exclude<Measure, "追究责任">;

/** The clause of the policy every measure rests on. */
export const POLICY_CLAUSE = "《加强督办工作实施方案》五（一）";

/** One suggested measure, for a person to confirm or dismiss. */
export interface Suggestion {
  readonly measure: SuggestedMeasure;
  /** 1-based registry row of the item. */
  readonly row: number;
  /** The item's number in its correct form, null when it has none yet (number it first). */
  readonly number: string | null;
  /** 承办单位 ("" when the row has none). */
  readonly unit: string;
  /** 承办单位负责人, the person a 约谈 is with ("" when the row has none). */
  readonly head: string;
  readonly section: string;
  readonly deadline: IsoDate;
  /** Working days since the deadline. */
  readonly workingDaysLate: number;
  /** Urgings recorded up to today. */
  readonly timesUrged: number;
  /** Why the engine suggests it, in Chinese, for the person deciding. */
  readonly reason: string;
  /** The text for the 依据 column when the person records it. */
  readonly basis: string;
}

/**
 * What the suggestions are computed from: the items, classified on `today` with the calendar and
 * the warning threshold, and what was done about them — the 催办记录 and 问责记录 entries.
 */
export interface SuggestionInput {
  readonly items: readonly RegistryItem[];
  readonly today: IsoDate;
  readonly calendar: WorkingCalendar;
  readonly warningDays: number;
  readonly urgings: readonly RemindLogEntry[];
  readonly records: readonly AccountabilityEntry[];
}

/** The weight of a measure: 约谈 1, 通报批评 2, 追究责任 3. */
function weight(measure: Measure): number {
  return MEASURES.indexOf(measure) + 1;
}

/**
 * The heaviest measure recorded for each item number (in its correct form).
 * @example heaviestRecorded([{ number: "[2021]3号", measure: "约谈", … }]).get("〔2021〕3号") // "约谈"
 */
export function heaviestRecorded(records: readonly AccountabilityEntry[]): Map<string, Measure> {
  const heaviest = new Map<string, Measure>();
  for (const r of records) {
    if (r.measure === null || r.number.trim() === "") continue;
    const key = printedNumber(r.number);
    const had = heaviest.get(key);
    if (had === undefined || weight(r.measure) > weight(had)) heaviest.set(key, r.measure);
  }
  return heaviest;
}

/**
 * The urgings of each item (by number in its correct form) dated on or before today; an
 * undated urging counts as earlier than today.
 */
function urgingsByNumber(urgings: readonly RemindLogEntry[], today: IsoDate): Map<string, RemindLogEntry[]> {
  const by = new Map<string, RemindLogEntry[]>();
  for (const u of urgings) {
    if (u.date !== null && compareIso(u.date, today) > 0) continue;
    const key = printedNumber(u.number);
    const list = by.get(key);
    if (list) list.push(u);
    else by.set(key, [u]);
  }
  return by;
}

/** True when the reply period of an urging ended before today (its 回复期限, else its date). */
function replyPeriodOver(u: RemindLogEntry, today: IsoDate): boolean {
  const end = u.replyBy ?? u.date;
  return end === null || compareIso(end, today) < 0;
}

function describeItem(item: RegistryItem, number: string | null): string {
  return number ?? `第${item.row}行（未编号）`;
}

/**
 * The measures the policy calls for today, item by item (约谈 before 通报批评 for the same
 * item), in registry order.
 * @example suggestMeasures({ items, today: "2021-06-01", calendar, warningDays: 3, urgings, records: [] })
 *   // [{ measure: "约谈", number: "〔2021〕3号", head: "李明", workingDaysLate: 21, … }, …]
 */
export function suggestMeasures(input: SuggestionInput): Suggestion[] {
  const { today, calendar, warningDays } = input;
  const recorded = heaviestRecorded(input.records);
  const urged = urgingsByNumber(input.urgings, today);
  const out: Suggestion[] = [];
  for (const item of input.items) {
    const status = classifyItem(item, today, calendar, warningDays);
    if (status.status !== "逾期" || status.deadline === null) continue;
    const number = item.number.trim() === "" ? null : printedNumber(item.number);
    const already = number === null ? undefined : recorded.get(number);
    const urgings = number === null ? [] : (urged.get(number) ?? []);
    const late = Math.max(0, -(status.workingDaysLeft ?? 0));
    const base = {
      row: item.row,
      number,
      unit: item.hostUnit,
      head: item.hostHead,
      section: item.section,
      deadline: status.deadline,
      workingDaysLate: late,
      timesUrged: urgings.length,
    };
    const what = describeItem(item, number);
    const due = formatChineseDate(status.deadline);
    if (already === undefined) {
      out.push({
        ...base,
        measure: "约谈",
        reason: `${what}要求于${due}前办结，已逾期${late}个工作日仍未办结`,
        basis: `${POLICY_CLAUSE}：未按期完成，对单位负责人进行约谈（${what}逾期${late}个工作日）`,
      });
    }
    const over = urgings.filter((u) => replyPeriodOver(u, today));
    if (over.length > 0 && item.remarks.trim() === "" && (already === undefined || weight(already) < 2)) {
      out.push({
        ...base,
        measure: "通报批评",
        reason: `${what}已催办${urgings.length}次，回复期限已过仍未办结，备注中未说明原因`,
        basis: `${POLICY_CLAUSE}：经催办仍未办结，且不能说明合理原因，对单位予以通报批评（${what}已催办${urgings.length}次）`,
      });
    }
  }
  return out;
}
