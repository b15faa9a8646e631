/**
 * Pieces the three per-item documents share: the number as printed, dates as written in
 * official documents, how the text addresses the host unit, the sheet names, the builders'
 * signature and options, and the parts of the forms they have in common (the form opened with
 * its title and finished on its sheet, request box with its seal, contact box).
 */
import type { WorkingCalendar } from "../calendar";
import { copyableContent } from "../classified";
import type { IsoDate } from "../cell";
import { formatChineseDate } from "../dates";
import { FormBuilder } from "../layout/form-builder";
import type { SheetLayout } from "../layout/types";
import type { RegistryItem, Settings } from "../model";
import { formatNumber, parseNumber } from "../numbers";
import { MAX_SHEET_NAME_LENGTH, sanitizeSheetName } from "../sheet-name";

/** The kinds of document built from one registry row. */
export type DocumentKind = "notice" | "report" | "remind";

/** The words a document's sheet name starts with. */
export const SHEET_PREFIX: Readonly<Record<DocumentKind, string>> = {
  notice: "通知单",
  report: "书面报告",
  remind: "催办提示单",
};

/** The title printed at the top of each document. */
export const DOCUMENT_TITLE: Readonly<Record<DocumentKind, string>> = {
  notice: "督办事项通知单",
  report: "督办书面报告",
  remind: "督办事项催办提示单",
};

/** What a blank date looks like on the printed form: room to write one by hand. */
export const BLANK_DATE = "    年  月  日";

/**
 * An item number as printed: its correct form when it can be read (`[2021]3号` →
 * `〔2021〕3号`), else the text as the row holds it.
 * @example printedNumber("(2021)03号") // "〔2021〕3号"
 * @example printedNumber("待定") // "待定"
 */
export function printedNumber(text: string): string {
  const parsed = parseNumber(text);
  return parsed.value ? formatNumber(parsed.value) : text.trim();
}

/**
 * A date as written in official documents, or the blank form `    年  月  日` when there is none.
 * @example dateText("2021-04-30") // "2021年4月30日"
 * @example dateText(null) // "    年  月  日"
 */
export function dateText(date: IsoDate | null): string {
  return date === null ? BLANK_DATE : formatChineseDate(date);
}

/**
 * How the text addresses the host: 你科室 for a section of the bureau (…科, …室) or when the
 * host is not known (the form's own wording), else 你单位 (a school, a centre).
 * @example addressee("督导室") // "你科室"
 * @example addressee("江津中学") // "你单位"
 */
export function addressee(host: string): string {
  const name = host.trim();
  if (name === "" || /[科室]$/.test(name)) return "你科室";
  return "你单位";
}

/**
 * The host unit as printed: 承办单位, with 承办单位负责人 in brackets when known.
 * @example hostText({ hostUnit: "江津中学", hostHead: "李明" }) // "江津中学（负责人：李明）"
 */
export function hostText(item: { readonly hostUnit: string; readonly hostHead: string }): string {
  const unit = item.hostUnit.trim();
  const head = item.hostHead.trim();
  if (head === "") return unit;
  return unit === "" ? `负责人：${head}` : `${unit}（负责人：${head}）`;
}

/**
 * The sheet name a document would like: kind prefix + printed number, valid for Excel. When
 * that is over 31 characters, the number's organ prefix is shortened with "…" so the year and
 * sequence stay readable.
 * @example documentSheetName("notice", "[2021]3号") // "通知单〔2021〕3号"
 */
export function documentSheetName(kind: DocumentKind, number: string): string {
  const full = `${SHEET_PREFIX[kind]}${printedNumber(number)}`;
  const value = parseNumber(number).value;
  if ([...full].length <= MAX_SHEET_NAME_LENGTH || !value) return sanitizeSheetName(full);
  const tail = formatNumber({ ...value, prefix: "" });
  const room = MAX_SHEET_NAME_LENGTH - [...SHEET_PREFIX[kind]].length - [...tail].length - 1;
  const prefix = room > 0 ? `${[...value.prefix].slice(0, room).join("")}…` : "";
  return sanitizeSheetName(`${SHEET_PREFIX[kind]}${prefix}${tail}`);
}

/**
 * Text ending with sentence punctuation, so a free-text value reads as a sentence.
 * @example sentence("按期办结") // "按期办结。"
 * @example sentence("已完成！") // "已完成！"
 */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === "") return "";
  return /[。！？.!?；;]$/.test(t) ? t : `${t}。`;
}

/** Two ideographic spaces: the first-line indent of a Chinese paragraph. */
export const INDENT = "\u3000\u3000";

/**
 * Column widths (Excel units) of a form of label–value pairs (the notice, the 催办提示单):
 * label, value, label, value — 16.5 cm in all.
 */
export const PAIR_COLUMNS: readonly number[] = [20, 23, 20, 23];

/** A label, the value beside it, and the value's field name. */
export type LabelledValue = readonly [label: string, text: string, field: string];

/**
 * A table row of two label–value pairs (each value one column wide).
 * @example pairRow(f, ["催办时间", "2021年5月10日", "remindDate"], ["回复期限", "2021年5月13日前", "replyBy"])
 */
export function pairRow(f: FormBuilder, a: LabelledValue, b: LabelledValue, minHeight?: number): number {
  return f.row(
    [a, b].flatMap(([label, text, field]) => [
      { text: label, style: "label" as const },
      { text, style: "value" as const, field },
    ]),
    minHeight === undefined ? {} : { minHeight },
  );
}

/**
 * A table row of the label 督办事项 and the item's content across the other `span` columns.
 * @example contentRow(f, item, 3) // the content beside its label, the whole width of a 4-column form
 */
export function contentRow(f: FormBuilder, item: RegistryItem, span: number): number {
  return f.row([
    { text: "督办事项", style: "label" },
    { text: copyableContent(item), style: "valueLeft", span, field: "content" },
  ]);
}

/** Options every document takes beyond the row and the settings. */
export interface DocumentExtra {
  /** Worksheet name (default: the kind's prefix + number, see documentSheetName); the caller makes it unique. */
  readonly sheetName?: string;
  /** 经办人, the person in the office handling the item; each form says where it prints the name. */
  readonly handler?: string;
}

/**
 * Builds one kind of document from a registry row and the settings, dated `today` (working
 * days counted on `cal`); `extra` holds the options of that kind.
 */
export type DocumentBuilder<Extra extends DocumentExtra> = (
  item: RegistryItem,
  settings: Settings,
  cal: WorkingCalendar,
  today: IsoDate,
  extra?: Extra,
) => SheetLayout;

/**
 * A document's form, `columns` wide, opened with its title: `headroom` points above the title
 * and a gap below.
 * @example documentForm("notice", [20, 23, 20, 23], 36) // the notice leaves room for a signature above
 */
export function documentForm(kind: DocumentKind, columns: readonly number[], headroom: number): FormBuilder {
  const f = new FormBuilder(columns);
  f.space(headroom);
  f.row([{ text: DOCUMENT_TITLE[kind], style: "title", span: columns.length, field: "title" }], { minHeight: 44 });
  f.space(10);
  return f;
}

/**
 * The finished document: on the sheet the caller named, else on the kind's own (documentSheetName);
 * the `fill` rows share the room left on the page.
 * @example finishDocument(f, "report", item, {}, [result]).name // "书面报告〔2021〕3号"
 */
export function finishDocument(
  f: FormBuilder,
  kind: DocumentKind,
  item: Pick<RegistryItem, "number">,
  extra: DocumentExtra,
  fill: readonly number[],
): SheetLayout {
  return f.build(extra.sheetName ?? documentSheetName(kind, item.number), DOCUMENT_TITLE[kind], { fill });
}

/**
 * The framed request of a notice or a 催办提示单: its heading, the paragraphs (each with its
 * field name) and the seal; returns the seal's row (it takes the room left on the page).
 * @example requestBox(f, [{ text: requestText(host, deadline), field: "request" }])
 */
export function requestBox(f: FormBuilder, paragraphs: readonly { text: string; field: string }[]): number {
  const top = f.row([{ text: "督办事项与要求：", style: "body", span: 4, field: "requestHeading" }], {
    minHeight: 30,
  });
  for (const p of paragraphs) f.row([{ text: p.text, style: "body", span: 4, field: p.field }]);
  const seal = f.row([{ text: "（签章）\u3000\u3000\u3000\u3000", style: "right", span: 4, field: "seal" }], {
    minHeight: 56,
  });
  f.box(top);
  return seal;
}

/**
 * Phone and e-mail on two lines of one framed cell, as on the forms; `role` names who answers
 * the phone, with the handler's name when given.
 * @example contactBox(f, "督办责任经办人", "王芳", settings) // "督办责任经办人：王芳\u3000联系电话：023-…"
 */
export function contactBox(
  f: FormBuilder,
  role: string,
  handler: string,
  settings: Pick<Settings, "contactPhone" | "contactEmail">,
): void {
  const label = handler === "" ? `${role}联系电话：` : `${role}：${handler}\u3000联系电话：`;
  const phone = f.row([{ text: `${label}${settings.contactPhone}`, style: "valueLeft", span: 4, field: "phone" }], {
    minHeight: 30,
  });
  f.row([{ text: `电子邮箱：${settings.contactEmail}`, style: "valueLeft", span: 4, field: "email" }], {
    minHeight: 30,
  });
  f.box(phone);
}

/**
 * The note at the foot of a form, after a small gap, across its whole width.
 * @example footNote(f, "备注：如需要主要领导签字，直接签在通知单右上角。", "principalNote")
 */
export function footNote(f: FormBuilder, text: string, field: string): void {
  f.space(6);
  f.row([{ text, style: "note", span: f.width, field }]);
}
