/**
 * The fixed catalogue of problems the engine reports. Every Issue carries one of these codes;
 * the CLI contract (`duban check --json`) exposes them, so codes never change meaning.
 *
 * Severity policy (docs/design.md): an error is a defect in the data that makes the ledger wrong
 * (a missing required field, a date that is no date, a duplicate number, a procedure the
 * policy requires that the row shows was not followed). Lateness is a status, never an error:
 * anything about being late (reports, dates after today) and every "in principle" rule of the
 * policy (routing) is a warning, and so is configuration that falls back to a default.
 *
 * Messages are templates: `{name}` is replaced by the parameter of that name. They are
 * written for a clerk: what is wrong, then what to do. docs/rules.md lists the catalogue.
 */
import type { DateProblem } from "./dates";
import type { Issue, Severity } from "./model";

export interface RuleDef {
  readonly severity: Severity;
  /** Short Chinese title, for lists and the docs. */
  readonly title: string;
  /** Chinese message template with `{param}` placeholders. */
  readonly message: string;
  /** True when the check can offer a corrected value (Issue.fix) — for some inputs at least. */
  readonly fix: boolean;
}

export const RULES = {
  "required-missing": {
    severity: "error",
    title: "必填项为空",
    message: "{column}未填写。{column}是登记表的必填项，请补充填写。",
    fix: false,
  },
  "date-unparseable": {
    severity: "error",
    title: "日期无法识别",
    message: "{column}“{text}”不是可识别的日期。请按 2021-03-05 或 2021年3月5日 的格式填写。",
    fix: false,
  },
  "date-impossible": {
    severity: "error",
    title: "日期不存在",
    message: "{column}“{text}”不是真实存在的日期（如 2 月 30 日、13 月）。请核对后重新填写。",
    fix: false,
  },
  "date-fictitious": {
    severity: "error",
    title: "虚构日期",
    message: "{column}“{text}”是 Excel 虚构的 1900年2月29日，这一天并不存在。请重新填写正确的日期。",
    fix: false,
  },
  "text-spacing": {
    severity: "warning",
    title: "前后有多余空格",
    message:
      "{column}“{value}”前后有空格或换行，已按“{fix}”读取；但督办看板的统计和下拉列表认不出它。请删去多余的空格。",
    fix: true,
  },
  "deadline-before-issue": {
    severity: "error",
    title: "完成时间早于下达时间",
    message: "要求完成时间（{due}）早于任务下达时间（{issued}）。请核对这两个日期。",
    fix: false,
  },
  "signed-before-issue": {
    severity: "error",
    title: "签收日期早于下达时间",
    message: "签收日期（{signed}）早于任务下达时间（{issued}），事项不可能在下达前签收。请核对这两个日期。",
    fix: false,
  },
  "closed-date-before-issue": {
    severity: "error",
    title: "办结日期早于下达时间",
    message: "办结日期（{closed}）早于任务下达时间（{issued}）。请核对这两个日期。",
    fix: false,
  },
  "extended-before-due": {
    severity: "error",
    title: "延期日期不晚于原完成时间",
    message: "延期至（{extended}）不晚于要求完成时间（{due}），不构成延期。请核对延期日期；不延期时请清空“延期至”。",
    fix: false,
  },
  "report-before-closed": {
    severity: "warning",
    title: "报告日期早于办结日期",
    message: "报告日期（{reported}）早于办结日期（{closed}）。督办报告应在办结后形成，请核对这两个日期。",
    fix: false,
  },
  "date-in-future": {
    severity: "warning",
    title: "日期晚于今天",
    message: "{column}（{date}）晚于今天（{today}），这件事还不可能发生。请核对是否填错。",
    fix: false,
  },
  "number-format": {
    severity: "error",
    title: "编号格式不规范",
    message: "督办事项编号“{number}”不规范：{problems}。请{advice}。",
    fix: true,
  },
  "number-duplicate": {
    severity: "error",
    title: "编号重复",
    message:
      "督办事项编号“{number}”与{others}重复，编号不能重复使用（各年度台账之间也不能重复）。请保留先编号的一行，清空其余行的编号后重新编号。",
    fix: false,
  },
  "number-several": {
    severity: "warning",
    title: "一格填了多个编号",
    message:
      "督办事项编号“{number}”含{count}个编号，都已保留，不会再分配给其他事项；按其中任一编号都能找到本事项。请核对是否应拆分为{count}个事项分别登记。",
    fix: false,
  },
  "urgency-invalid": {
    severity: "error",
    title: "紧急程度不在可选值中",
    message: "紧急程度“{value}”不是可选值（特急、加急、一般）。请从下拉列表中选择；不填视为一般。",
    fix: true,
  },
  "secrecy-invalid": {
    severity: "error",
    title: "密级不在可选值中",
    message: "密级“{value}”不是可选值（公开、内部、秘密、机密、绝密）。请从下拉列表中选择；不填视为公开。",
    fix: true,
  },
  "urgency-synonym": {
    severity: "warning",
    title: "紧急程度用了习惯说法",
    message: "紧急程度“{value}”按“{fix}”处理。请改为下拉列表中的“{fix}”，状态公式和筛选才能识别。",
    fix: true,
  },
  "secrecy-synonym": {
    severity: "warning",
    title: "密级用了习惯说法",
    message: "密级“{value}”按“{fix}”处理。请改为“{fix}”，下拉列表和筛选才能识别。",
    fix: true,
  },
  "result-unclear": {
    severity: "warning",
    title: "督办结果看不出是否办结",
    message:
      "督办结果“{value}”看不出是否办结，按未办结计算（可能显示为逾期或临期）。已办结的请填写按期办结、逾期办结或延期办结（或填写办结日期），终止的填写“终止”，仍在办理的可写“正在办理”。",
    fix: false,
  },
  "deadline-long-term": {
    severity: "warning",
    title: "长期事项没有完成时间",
    message:
      "要求完成时间为“{value}”，按长期事项处理：没有期限，不显示红黄灯，也不会逾期。如有阶段性期限，请填写具体日期，并在备注中注明长期坚持。",
    fix: false,
  },
  "major-invalid": {
    severity: "error",
    title: "重大事项应填是或否",
    message: "重大事项“{value}”无法识别，应填“是”或“否”。请从下拉列表中选择。",
    fix: true,
  },
  "source-invalid": {
    severity: "warning",
    title: "事项来源不在可选值中",
    message:
      "事项来源“{value}”不是可选值，无法核对督办科室。请从下拉列表中选择，或在设置表的“事项来源”中添加这一来源。",
    fix: false,
  },
  "classified-content": {
    severity: "error",
    title: "涉密事项登记了内容",
    message:
      "该事项密级为{secrecy}。涉密不上网：涉密事项的内容不得录入共享的电子台账。请删除督办事项内容，只记录来文编号等索引（内容可写“{placeholder}”），具体内容以纸质台账为准。",
    fix: true,
  },
  "major-signer-not-principal": {
    severity: "error",
    title: "重大事项未由主要领导签发",
    message: "重大事项须呈主要领导签发，{detail}。请核对签发领导；如领导名单有误，请在设置表中修改。",
    fix: false,
  },
  "extension-approver-not-principal": {
    severity: "error",
    title: "延期未经主要领导批准",
    message: "事项延期至{extended}，延期须经主要领导批准，{detail}。请在“延期批准人”中填写批准延期的主要领导。",
    fix: false,
  },
  "termination-approver-not-principal": {
    severity: "error",
    title: "终止未经主要领导批准",
    message: "事项终止办理须经主要领导批准，{detail}。请在“延期批准人”中填写批准终止的主要领导。",
    fix: false,
  },
  "leaders-not-configured": {
    severity: "warning",
    title: "未设置主要领导",
    message:
      "设置表中没有标明主要领导，无法核对重大事项的签发领导和延期、终止的批准人。请在设置表的“领导”中填写姓名，并在“主要领导”一栏填“是”。",
    fix: false,
  },
  "report-late": {
    severity: "warning",
    title: "督办报告超过5个工作日",
    message:
      "重大事项应在办结后5个工作日内（{deadline}前）形成督办报告，报告日期{reported}晚了{late}个工作日。请在备注中说明原因。",
    fix: false,
  },
  "report-missing": {
    severity: "warning",
    title: "重大事项缺少督办报告",
    message:
      "重大事项已于{closed}办结，应在{deadline}前形成督办报告，目前还没有报告日期。请尽快形成报告并填写报告日期。",
    fix: false,
  },
  "routing-mismatch": {
    severity: "warning",
    title: "督办科室与事项来源不符",
    message:
      "事项来源为{source}，按规定原则上由{expected}负责督办，登记的督办科室是{section}。请核对；确需调整的，请在备注中说明。",
    fix: false,
  },
  "calendar-year-missing": {
    severity: "warning",
    title: "缺少节假日数据",
    message: "{year}年没有官方节假日数据，工作日按周一至周五计算；请在工作日历表中补充{year}年的节假日和调休上班日。",
    fix: false,
  },
  "cell-error": {
    severity: "error",
    title: "单元格是错误值",
    message: "{column}是错误值 {value}（通常是公式出错），已按空白处理。请修正公式，或直接填写内容。",
    fix: false,
  },
  "settings-invalid": {
    severity: "warning",
    title: "设置值无效",
    message: "设置表中“{label}”的值“{value}”无效，{fallback}。请填写{expected}。",
    fix: false,
  },
  "calendar-invalid": {
    severity: "warning",
    title: "工作日历行无法识别",
    message: "工作日历中{field}“{value}”无法识别，这一行没有生效。请填写{expected}。",
    fix: false,
  },
  "calendar-conflict": {
    severity: "warning",
    title: "工作日历前后矛盾",
    message: "工作日历中{date}{detail}，已按{used}处理。请修改为一致。",
    fix: false,
  },
  "date-as-text": {
    severity: "warning",
    title: "日期写成了文字",
    message:
      "{column}“{text}”是文字（或 20210305 这样的数字），不是日期：工作簿的状态公式和颜色读不到它（单元格显示红色）。请改为日期 {date}（可一键修正）。",
    fix: true,
  },
  "accountability-measure-unknown": {
    severity: "warning",
    title: "问责措施无法识别",
    message: "问责记录中的措施“{value}”不是约谈、通报批评或追究责任之一，这一行没有计入。请改为这三种措施之一。",
    fix: false,
  },
  "accountability-date-invalid": {
    severity: "warning",
    title: "问责日期无法识别",
    message:
      "问责记录中的日期“{value}”无法识别，无法确定取消评优评先资格的年份。请按 2021-05-10 或 2021年5月10日 的格式填写。",
    fix: false,
  },
  "accountability-unit-missing": {
    severity: "warning",
    title: "问责记录缺少承办单位",
    message: "问责记录没有填写承办单位，{detail}。请补充承办单位。",
    fix: false,
  },
  "accountability-number-unknown": {
    severity: "warning",
    title: "问责记录的事项编号不存在",
    message: "问责记录中的事项编号“{number}”在登记表和归档表中都找不到。请核对编号。",
    fix: false,
  },
} as const satisfies Readonly<Record<string, RuleDef>>;

export type RuleCode = keyof typeof RULES;

/** Every code of the catalogue, in catalogue order. */
export const RULE_CODES: readonly RuleCode[] = Object.keys(RULES) as RuleCode[];

/** The catalogue's code for each problem a date cell can have (registry and 工作日历 alike). */
export const DATE_PROBLEM_CODES = {
  unparseable: "date-unparseable",
  impossible: "date-impossible",
  fictitious: "date-fictitious",
} as const satisfies Readonly<Record<DateProblem, RuleCode>>;

export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * The `{name}` placeholders of a template, as a union of names.
 * @example type P = Placeholders<"{column}“{text}”不是日期">; // "column" | "text"
 */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The parameters a rule's message needs: one per placeholder, so a missing one does not compile. */
export type RuleParams<C extends RuleCode> = Readonly<
  Record<Placeholders<(typeof RULES)[C]["message"]>, string | number>
>;

/** makeIssue's arguments after the column: the parameters (optional when the message has none), then the fix. */
type IssueArgs<C extends RuleCode> = [Placeholders<(typeof RULES)[C]["message"]>] extends [never]
  ? [params?: RuleParams<C>, fix?: string]
  : [params: RuleParams<C>, fix?: string];

/**
 * Fills `{name}` placeholders of a template; a placeholder without a parameter stays as it is
 * (tests check that no issue leaves one).
 * @example fillTemplate("{year}年没有数据", { year: 2027 }) // "2027年没有数据"
 */
export function fillTemplate(template: string, params: IssueParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * An Issue of a catalogue rule: severity from the catalogue, message from its template. The
 * parameters are typed by the template: leaving one out is a compile error.
 * @example makeIssue("required-missing", 5, "督办事项内容", { column: "督办事项内容" })
 *   // { row: 5, column: "督办事项内容", severity: "error", code: "required-missing",
 *   //   message: "督办事项内容未填写。督办事项内容是登记表的必填项，请补充填写。" }
 */
export function makeIssue<C extends RuleCode>(
  code: C,
  row: number,
  column: string,
  ...[params, fix]: IssueArgs<C>
): Issue {
  const rule: RuleDef = RULES[code];
  const message = fillTemplate(rule.message, (params ?? {}) as IssueParams);
  const issue: Issue = { row, column, severity: rule.severity, code, message };
  return fix === undefined ? issue : { ...issue, fix };
}
