/**
 * 督办事项催办提示单 — the policy names it (四（三）: urge by 电话, 督办函 or 催办提示单) but
 * gives no form, so this one follows attachment 1's style: a table of number, how many times
 * urged, item, host and section, deadline and how far overdue (in working days), date and
 * reply-by date (a working-day offset from settings); then the request, the consequence the
 * policy sets (五（一）), seal, contact line and a receipt for the host to sign.
 */
import type { IsoDate } from "../cell";
import type { WorkingCalendar } from "../calendar";
import { compareIso, formatChineseDate } from "../dates";
import type { RegistryItem, Settings } from "../model";
import { effectiveDeadline } from "../status";
import { addWorkingDays, workingDaysLeft } from "../workdays";
import type { FormBuilder } from "../layout/form-builder";
import {
  addressee,
  BLANK_DATE,
  contactBox,
  contentRow,
  dateText,
  documentForm,
  finishDocument,
  footNote,
  hostText,
  INDENT,
  pairRow,
  PAIR_COLUMNS,
  printedNumber,
  requestBox,
  type DocumentBuilder,
  type DocumentExtra,
} from "./common";

/** Working days to reply when settings give none (or a nonsensical number). */
export const DEFAULT_REMIND_REPLY_DAYS = 3;

/** Options of a 催办提示单; its handler is the 催办经办人, printed before the phone number when given. */
export interface RemindExtra extends DocumentExtra {
  /** How many times the item was urged before this one (from the 催办记录 sheet). */
  readonly previousUrges?: number;
}

/** Every piece of the 催办提示单 that carries data or wording of its own, by field name. */
export const REMIND_FIELDS = [
  "title",
  "number",
  "urgeCount",
  "content",
  "host",
  "section",
  "deadline",
  "overdue",
  "remindDate",
  "replyBy",
  "requestHeading",
  "situation",
  "demand",
  "consequence",
  "seal",
  "phone",
  "email",
  "receiptSigner",
  "receiptDate",
  "note",
] as const;

export type RemindField = (typeof REMIND_FIELDS)[number];

/**
 * The reply-by date: settings.remindReplyDays working days after today (3 when the setting is
 * not a positive whole number).
 * @example replyByDate(createCalendar(), "2021-09-29", 3) // "2021-10-09" (Sat Oct 9 is a make-up day)
 */
export function replyByDate(cal: WorkingCalendar, today: IsoDate, replyDays: number): IsoDate {
  const days = Number.isInteger(replyDays) && replyDays > 0 ? replyDays : DEFAULT_REMIND_REPLY_DAYS;
  return addWorkingDays(cal, today, days);
}

/**
 * Where the item stands against its deadline, in working days.
 * @example overdueText(createCalendar(), "2021-10-08", "2021-09-30") // "已逾期1个工作日"
 * @example overdueText(createCalendar(), "2021-04-28", "2021-04-30") // "尚余2个工作日"
 */
export function overdueText(cal: WorkingCalendar, today: IsoDate, deadline: IsoDate | null): string {
  if (deadline === null) return "未定要求完成时间";
  const left = workingDaysLeft(cal, today, deadline);
  const order = compareIso(today, deadline);
  if (order > 0) return left < 0 ? `已逾期${-left}个工作日` : "已逾期（不足1个工作日）";
  if (order === 0) return "今日到期";
  return `尚余${left}个工作日`;
}

/** What the 催办提示单 says and prints besides the row: the standing, the counts and dates, its paragraphs. */
interface RemindText {
  readonly number: string;
  readonly count: number;
  readonly deadline: IsoDate | null;
  readonly standing: string;
  readonly replyBy: string;
  readonly situation: string;
  readonly demand: string;
  readonly consequence: string;
}

/** The wording of a 催办提示单: where the item stands, what is asked by when, what follows. */
function remindText(
  item: RegistryItem,
  settings: Settings,
  cal: WorkingCalendar,
  today: IsoDate,
  extra: RemindExtra,
): RemindText {
  const deadline = effectiveDeadline(item);
  const number = printedNumber(item.number);
  const count = Math.max(0, Math.trunc(extra.previousUrges ?? 0)) + 1;
  const replyBy = formatChineseDate(replyByDate(cal, today, settings.remindReplyDays));
  const standing = overdueText(cal, today, deadline);
  const overdue = deadline !== null && compareIso(today, deadline) > 0;
  const you = addressee(item.hostUnit);
  const section = item.section.trim() === "" ? "督办科室" : item.section.trim();
  const situation =
    `${INDENT}${you}承办的${number}督办事项，要求于${dateText(deadline)}前办结，` +
    `截至${formatChineseDate(today)}${overdue ? standing : `（${standing}）`}，尚未报送办结情况。` +
    `现进行第${count}次催办。`;
  const demand =
    `${INDENT}请于${replyBy}前将办理进展、${overdue ? "未按期办结的原因" : "存在的困难"}及下一步措施书面报告${section}；` +
    "确因上级政策变化、客观条件限制等原因需要延期或终止办理的，须报主要领导批准。";
  const consequence = `${INDENT}经催办仍未办结，且不能说明合理原因的，将按照《加强督办工作实施方案》对单位予以通报批评。`;
  return { number, count, deadline, standing, replyBy, situation, demand, consequence };
}

/**
 * The 督办事项催办提示单 of an item, dated today.
 * @example buildRemind(item, settings, createCalendar(), "2021-05-10", { previousUrges: 1 }).name
 *   // "催办提示单〔2021〕3号"
 */
export const buildRemind: DocumentBuilder<RemindExtra> = (item, settings, cal, today, extra = {}) => {
  const t = remindText(item, settings, cal, today, extra);
  const f = documentForm("remind", PAIR_COLUMNS, 20);
  remindTable(f, item, today, t);
  const seal = requestBox(f, [
    { text: t.situation, field: "situation" },
    { text: t.demand, field: "demand" },
    { text: t.consequence, field: "consequence" },
  ]);
  contactBox(f, "催办经办人", extra.handler?.trim() ?? "", settings);
  const receipt = pairRow(f, ["承办单位签收人", "", "receiptSigner"], ["签收时间", BLANK_DATE, "receiptDate"], 40);
  f.table(receipt);
  footNote(f, "备注：本单一式两份，承办单位签收后一份交回督办科室存档；回复期限按工作日计算。", "note");

  return finishDocument(f, "remind", item, extra, [seal, receipt]);
};

/** The table of a 催办提示单: number and count, item, host and section, deadline and standing, dates. */
function remindTable(f: FormBuilder, item: RegistryItem, today: IsoDate, t: RemindText): void {
  const tableTop = pairRow(f, ["督办事项编号", t.number, "number"], ["催办次数", `第${t.count}次`, "urgeCount"]);
  contentRow(f, item, 3);
  pairRow(f, ["承办单位或相关科室", hostText(item), "host"], ["督办科室或单位", item.section, "section"]);
  const deadline = `${dateText(t.deadline)}${item.extendedTo !== null ? "（已延期）" : ""}`;
  pairRow(f, ["要求完成时间", deadline, "deadline"], ["逾期情况", t.standing, "overdue"]);
  pairRow(f, ["催办时间", formatChineseDate(today), "remindDate"], ["回复期限", `${t.replyBy}前`, "replyBy"]);
  f.table(tableTop);
}
