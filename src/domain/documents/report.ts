/**
 * 督办书面报告 — attachment 2 of the policy, filled from one registry row: the table of item,
 * number, sections and their leaders, 经办人, 办结时间 and contact; then the report to the
 * office with the outcome from the row (督办结果), and the signature and date lines.
 */
import {
  contentRow,
  dateText,
  documentForm,
  finishDocument,
  INDENT,
  printedNumber,
  sentence,
  type DocumentBuilder,
  type DocumentExtra,
} from "./common";

/** Options of a report; its handler goes in the 经办人 cell (left blank to fill in by hand when not given). */
export interface ReportExtra extends DocumentExtra {
  /** 督办科室或单位领导 (default: the row's 签发领导, the leader who signed the notice). */
  readonly sectionLeader?: string;
  /** 督办协助科室或单位领导 (default blank). */
  readonly assistingLeader?: string;
}

/** Every piece of the report that carries data or wording of its own, by field name. */
export const REPORT_FIELDS = [
  "title",
  "content",
  "number",
  "section",
  "sectionLeader",
  "assisting",
  "assistingLeader",
  "handler",
  "closedOn",
  "contact",
  "addressee",
  "opening",
  "result",
  "signature",
  "date",
] as const;

export type ReportField = (typeof REPORT_FIELDS)[number];

/** Column widths (Excel units), six columns so the 经办人 row fits three pairs — 16.5 cm in all. */
const COLUMNS = [16, 13, 11, 17, 11, 16];

/** Room to the right of the signature and date lines, as on the form. */
const TRAIL = "\u3000\u3000\u3000\u3000";

/** Least height of the outcome paragraph: room to add to it by hand. */
export const RESULT_MIN_HEIGHT_PT = 220;

/**
 * The outcome paragraph: 督办结果 from the row as a sentence, indented.
 * @example resultText("按期办结") // "\u3000\u3000按期办结。"
 */
export function resultText(result: string): string {
  const text = sentence(result);
  return text === "" ? "" : `${INDENT}${text}`;
}

/**
 * The 督办书面报告 of an item, dated 报告日期 when the row has one, else today.
 * @example buildReport(item, settings, createCalendar(), "2021-05-06").name // "书面报告〔2021〕3号"
 */
export const buildReport: DocumentBuilder<ReportExtra> = (item, settings, _cal, today, extra = {}) => {
  const f = documentForm("report", COLUMNS, 20);
  const tableTop = contentRow(f, item, 5);
  f.row([
    { text: "编号", style: "label" },
    { text: `☑督办事项编号：${printedNumber(item.number)}`, style: "valueLeft", span: 5, field: "number" },
  ]);
  // The supervising and the assisting section, each with its leader.
  const sections = [
    ["督办科室或单位", item.section, "section", extra.sectionLeader ?? item.signer, "sectionLeader"],
    ["督办协助科室或单位", item.assisting, "assisting", extra.assistingLeader ?? "", "assistingLeader"],
  ] as const;
  for (const [label, name, nameField, leader, leaderField] of sections) {
    f.row(
      [
        { text: label, style: "label" },
        { text: name, style: "value", span: 2, field: nameField },
        { text: `${label}领导`, style: "label" },
        { text: leader, style: "value", span: 2, field: leaderField },
      ],
      { minHeight: 40 },
    );
  }
  f.row(
    [
      { text: "经办人", style: "label" },
      { text: extra.handler?.trim() ?? "", style: "value", field: "handler" },
      { text: "办结时间", style: "label" },
      { text: dateText(item.closedOn), style: "value", field: "closedOn" },
      { text: "联系方式", style: "label" },
      { text: settings.contactPhone, style: "value", field: "contact" },
    ],
    { minHeight: 40 },
  );
  f.table(tableTop);

  const boxTop = f.row([{ text: "办公室：", style: "body", span: 6, field: "addressee" }], { minHeight: 34 });
  f.row([
    { text: `${INDENT}根据督办事项通知的要求，现将办理结果报告如下：`, style: "body", span: 6, field: "opening" },
  ]);
  const result = f.row([{ text: resultText(item.result), style: "body", span: 6, field: "result" }], {
    minHeight: RESULT_MIN_HEIGHT_PT,
  });
  f.row([{ text: `责任人签字（盖章）：${TRAIL}${TRAIL}`, style: "right", span: 6, field: "signature" }], {
    minHeight: 40,
  });
  f.row([{ text: `${dateText(item.reportedOn ?? today)}${TRAIL}`, style: "right", span: 6, field: "date" }], {
    minHeight: 40,
  });
  f.box(boxTop);

  // The outcome takes the rest of the page: room to write the report out by hand.
  return finishDocument(f, "report", item, extra, [result]);
};
