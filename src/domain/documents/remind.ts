/**
 * 督办事项催办提示单 — the policy names it (四（三）: urge by 电话, 督办函 or 催办提示单) but
 * gives no form, so this one follows attachment 1's style: a table of number, how many times
 * urged, item, host and section, deadline and how far overdue (in working days), date and
 * reply-by date (a working-day offset from settings); then the request, the consequence the
 * policy sets (五（一）), seal, contact line and a receipt for the host to sign.
 */
import { copyableContent } from "../classified";
import type { IsoDate } from "../cell";
import type { WorkingCalendar } from "../calendar";
import { compareIso, formatChineseDate } from "../dates";
import type { RegistryItem, Settings } from "../model";
import { effectiveDeadline } from "../status";
import { addWorkingDays, workingDaysLeft } from "../workdays";
import { FormBuilder } from "../layout/form-builder";
import type { SheetLayout } from "../layout/types";
import { addressee, BLANK_DATE, dateText, DOCUMENT_TITLE, documentSheetName, hostText, printedNumber } from "./common";

/** Working days to reply when settings give none (or a nonsensical number). */
export const DEFAULT_REMIND_REPLY_DAYS = 3;

/** Options of a 催办提示单 beyond the row and the settings. */
export interface RemindExtra {
  /** Worksheet name (default `催办提示单` + number); the caller makes it unique. */
  readonly sheetName?: string;
  /** 催办经办人. */
  readonly handler?: string;
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

const COLUMNS = [20, 23, 20, 23];
const INDENT = "\u3000\u3000";

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

/**
 * The 督办事项催办提示单 of an item, dated today.
 * @example buildRemind(item, settings, createCalendar(), "2021-05-10", { previousUrges: 1 }).name
 *   // "催办提示单〔2021〕3号"
 */
export function buildRemind(
  item: RegistryItem,
  settings: Settings,
  cal: WorkingCalendar,
  today: IsoDate,
  extra: RemindExtra = {},
): SheetLayout {
  const deadline = effectiveDeadline(item);
  const number = printedNumber(item.number);
  const count = Math.max(0, Math.trunc(extra.previousUrges ?? 0)) + 1;
  const replyBy = formatChineseDate(replyByDate(cal, today, settings.remindReplyDays));
  const standing = overdueText(cal, today, deadline);
  const overdue = deadline !== null && compareIso(today, deadline) > 0;
  const you = addressee(item.hostUnit);
  const section = item.section.trim() === "" ? "督办科室" : item.section.trim();
  const handler = extra.handler?.trim() ?? "";

  const situation =
    `${INDENT}${you}承办的${number}督办事项，要求于${dateText(deadline)}前办结，` +
    `截至${formatChineseDate(today)}${overdue ? standing : `（${standing}）`}，尚未报送办结情况。` +
    `现进行第${count}次催办。`;
  const demand =
    `${INDENT}请于${replyBy}前将办理进展、${overdue ? "未按期办结的原因" : "存在的困难"}及下一步措施书面报告${section}；` +
    "确因上级政策变化、客观条件限制等原因需要延期或终止办理的，须报主要领导批准。";
  const consequence = `${INDENT}经催办仍未办结，且不能说明合理原因的，将按照《加强督办工作实施方案》对单位予以通报批评。`;

  const f = new FormBuilder(COLUMNS);
  f.space(20);
  f.row([{ text: DOCUMENT_TITLE.remind, style: "title", span: 4, field: "title" }], { minHeight: 44 });
  f.space(10);
  const tableTop = f.row([
    { text: "督办事项编号", style: "label" },
    { text: number, style: "value", field: "number" },
    { text: "催办次数", style: "label" },
    { text: `第${count}次`, style: "value", field: "urgeCount" },
  ]);
  f.row([
    { text: "督办事项", style: "label" },
    { text: copyableContent(item), style: "valueLeft", span: 3, field: "content" },
  ]);
  f.row([
    { text: "承办单位或相关科室", style: "label" },
    { text: hostText(item), style: "value", field: "host" },
    { text: "督办科室或单位", style: "label" },
    { text: item.section, style: "value", field: "section" },
  ]);
  f.row([
    { text: "要求完成时间", style: "label" },
    {
      text: `${dateText(deadline)}${item.extendedTo !== null ? "（已延期）" : ""}`,
      style: "value",
      field: "deadline",
    },
    { text: "逾期情况", style: "label" },
    { text: standing, style: "value", field: "overdue" },
  ]);
  f.row([
    { text: "催办时间", style: "label" },
    { text: formatChineseDate(today), style: "value", field: "remindDate" },
    { text: "回复期限", style: "label" },
    { text: `${replyBy}前`, style: "value", field: "replyBy" },
  ]);
  f.table(tableTop);

  const boxTop = f.row([{ text: "催办事项与要求：", style: "body", span: 4, field: "requestHeading" }], {
    minHeight: 30,
  });
  f.row([{ text: situation, style: "body", span: 4, field: "situation" }]);
  f.row([{ text: demand, style: "body", span: 4, field: "demand" }]);
  f.row([{ text: consequence, style: "body", span: 4, field: "consequence" }]);
  const seal = f.row([{ text: "（签章）\u3000\u3000\u3000\u3000", style: "right", span: 4, field: "seal" }], {
    minHeight: 56,
  });
  f.box(boxTop);

  const contactLabel = handler === "" ? "催办经办人联系电话：" : `催办经办人：${handler}\u3000联系电话：`;
  const phone = f.row(
    [{ text: `${contactLabel}${settings.contactPhone}`, style: "valueLeft", span: 4, field: "phone" }],
    {
      minHeight: 30,
    },
  );
  f.row([{ text: `电子邮箱：${settings.contactEmail}`, style: "valueLeft", span: 4, field: "email" }], {
    minHeight: 30,
  });
  f.box(phone);
  const receipt = f.row(
    [
      { text: "承办单位签收人", style: "label" },
      { text: "", style: "value", field: "receiptSigner" },
      { text: "签收时间", style: "label" },
      { text: BLANK_DATE, style: "value", field: "receiptDate" },
    ],
    { minHeight: 40 },
  );
  f.table(receipt);
  f.space(6);
  f.row([
    {
      text: "备注：本单一式两份，承办单位签收后一份交回督办科室存档；回复期限按工作日计算。",
      style: "note",
      span: 4,
      field: "note",
    },
  ]);

  return f.build(extra.sheetName ?? documentSheetName("remind", item.number), DOCUMENT_TITLE.remind, {
    fill: [seal, receipt],
  });
}
