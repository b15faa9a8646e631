/**
 * 督办事项通知单 — attachment 1 of the policy, filled from one registry row: the table of
 * number, item, sections (with blank cells for their leaders to sign), host, notice date,
 * expected return date and time limit; the request with its deadline; the objection clause
 * (one working day); the contact line; and the note on where the principal leader signs.
 */
import { copyableContent } from "../classified";
import type { IsoDate } from "../cell";
import type { WorkingCalendar } from "../calendar";
import { compareIso, formatChineseDate } from "../dates";
import type { RegistryItem } from "../model";
import { effectiveDeadline } from "../status";
import { addWorkingDays, workingDaysLeft } from "../workdays";
import type { FormBuilder } from "../layout/form-builder";
import {
  addressee,
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

/** Working days the host has to object to a notice (policy 四（一）and attachment 1). */
export const OBJECTION_WORKING_DAYS = 1;

/** Options of a notice; its handler is the 督办责任经办人, printed before the phone number when given. */
export interface NoticeExtra extends DocumentExtra {
  /** Room objections go back to (the policy's form says 202), printed before 办公室. */
  readonly officeRoom?: string;
}

/** Every piece of the notice that carries data or wording of its own, by field name. */
export const NOTICE_FIELDS = [
  "title",
  "number",
  "content",
  "section",
  "assisting",
  "sectionLeaderSignature",
  "assistingLeaderSignature",
  "host",
  "noticeDate",
  "returnDate",
  "timeLimit",
  "requestHeading",
  "request",
  "objection",
  "seal",
  "phone",
  "email",
  "principalNote",
] as const;

export type NoticeField = (typeof NOTICE_FIELDS)[number];

/** Most lines 督办事项 may take in its cell beside the number before it moves to a row of its own. */
export const NARROW_CONTENT_MAX_LINES = 6;

/**
 * 办理时限: working days from the notice to the deadline, with the deadline.
 * @example timeLimitText(createCalendar(), "2021-04-16", "2021-04-30") // "10个工作日（至2021年4月30日）"
 */
export function timeLimitText(cal: WorkingCalendar, today: IsoDate, deadline: IsoDate | null): string {
  if (deadline === null) return "";
  const left = workingDaysLeft(cal, today, deadline);
  const date = formatChineseDate(deadline);
  if (compareIso(deadline, today) < 0) return `已超过要求完成时间${Math.max(0, -left)}个工作日（${date}）`;
  if (left === 0) return `当日办结（${date}）`;
  return `${left}个工作日（至${date}）`;
}

/**
 * The request paragraph with the deadline written in (blank form when there is none).
 * @example requestText("督导室", "2021-04-30")
 *   // "\u3000\u3000根据督办内容，现委托你科室负责受理该事项，请你科室于2021年4月30日前按照规定程序办理。…"
 */
export function requestText(host: string, deadline: IsoDate | null): string {
  const you = addressee(host);
  return (
    `${INDENT}根据督办内容，现委托${you}负责受理该事项，请${you}于${dateText(deadline)}前按照规定程序办理。` +
    "办结情况报告经科室分管领导签字并加盖单位公章后交回办公室。"
  );
}

/**
 * The objection clause: one working day after receiving the notice, dated.
 * @example objectionText(createCalendar(), "2021-09-30", "202")
 *   // "\u3000\u3000如对交办事项有异议的，务必于收到通知单后1个工作日内（即2021年10月8日前）提出转办意见函，退回202办公室协调重新交办。"
 */
export function objectionText(cal: WorkingCalendar, today: IsoDate, officeRoom = ""): string {
  const by = formatChineseDate(addWorkingDays(cal, today, OBJECTION_WORKING_DAYS));
  return (
    `${INDENT}如对交办事项有异议的，务必于收到通知单后${OBJECTION_WORKING_DAYS}个工作日内（即${by}前）` +
    `提出转办意见函，退回${officeRoom.trim()}办公室协调重新交办。`
  );
}

/**
 * The 督办事项通知单 of an item, dated today.
 * @example buildNotice(item, settings, createCalendar(), "2021-04-16").name // "通知单〔2021〕3号"
 */
export const buildNotice: DocumentBuilder<NoticeExtra> = (item, settings, cal, today, extra = {}) => {
  const deadline = effectiveDeadline(item);
  // Headroom: the principal leader signs in the top right corner (see the note at the foot).
  const f = documentForm("notice", PAIR_COLUMNS, 36);
  const signatures = noticeTable(f, item, cal, today, deadline);
  const seal = requestBox(f, [
    { text: requestText(item.hostUnit, deadline), field: "request" },
    { text: objectionText(cal, today, extra.officeRoom), field: "objection" },
  ]);
  contactBox(f, "督办责任经办人", extra.handler?.trim() ?? "", settings);
  footNote(f, "备注：如需要主要领导签字，直接签在通知单右上角。", "principalNote");

  // Like the paper form, the notice fills its page: the room goes to the signatures and the seal.
  return finishDocument(f, "notice", item, extra, [signatures, seal]);
};

/** The notice's table, from the number to 办理时限; returns the row of the leaders' signatures. */
function noticeTable(
  f: FormBuilder,
  item: RegistryItem,
  cal: WorkingCalendar,
  today: IsoDate,
  deadline: IsoDate | null,
): number {
  // The form puts 督办事项 beside the number; content too long for that narrow cell gets a
  // row of its own across the form instead.
  const tableTop = f.nextRow;
  if (f.lines(copyableContent(item), "valueLeft", 4, 4) <= NARROW_CONTENT_MAX_LINES) {
    f.row([
      { text: "督办事项编号", style: "label" },
      { text: printedNumber(item.number), style: "value", field: "number" },
      { text: "督办事项", style: "label" },
      { text: copyableContent(item), style: "valueLeft", field: "content" },
    ]);
  } else {
    f.row([
      { text: "督办事项编号", style: "label" },
      { text: printedNumber(item.number), style: "valueLeft", span: 3, field: "number" },
    ]);
    contentRow(f, item, 3);
  }
  pairRow(f, ["督办科室或单位", item.section, "section"], ["督办协助科室或单位", item.assisting, "assisting"]);
  const signatures = pairRow(
    f,
    ["督办科室或单位分管领导签字", "", "sectionLeaderSignature"],
    ["督办协助科室分管领导签字", "", "assistingLeaderSignature"],
    52,
  );
  f.row([
    { text: "承办单位或相关科室", style: "label", rowSpan: 2 },
    { text: hostText(item), style: "value", rowSpan: 2, field: "host" },
    { text: "通知时间", style: "label" },
    { text: formatChineseDate(today), style: "value", field: "noticeDate" },
  ]);
  f.row([
    { text: "预计交回时间", style: "label" },
    { text: dateText(deadline), style: "value", field: "returnDate" },
  ]);
  f.row([
    { text: "办理时限", style: "label" },
    { text: timeLimitText(cal, today, deadline), style: "valueLeft", span: 3, field: "timeLimit" },
  ]);
  f.table(tableTop);
  return signatures;
}
