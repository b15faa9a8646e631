/**
 * The registry's rules for people typing: dropdown lists, dates refused when they are not
 * dates, notes (data-validation input messages) on the headers of the formula columns, and the
 * conditional formats — a cell of a date column that is not a date in red, a duplicate number
 * in red, and each row in its status colour.
 *
 * Notes are input messages, not cell comments: Office.js has comments from ExcelApi 1.10 and
 * notes only from 1.18, above the add-in's minimum (1.8), and a comment needs its own package
 * parts in an .xlsx file; an input message is part of the data validation, which Excel 2010+,
 * Excel on the web, WPS and LibreOffice all show when the cell is selected.
 */
import { cellRef, type CellRange } from "./a1-ref";
import { ALL_COLUMNS, MAJOR_VALUES, RESULT_VALUES, SECRECY_VALUES, URGENCY_VALUES, type ColumnKey } from "./columns";
import { HEADER_OF } from "./registry";
import { notDateFormula } from "./row-formulas";
import type { ConditionalFormatPlan, ConditionalRulePlan, ValidationPlan } from "./setup-plan-types";
import { WORKBOOK_NAMES } from "./workbook-names";

/** Fill and font colours of the traffic lights. */
export const STATUS_COLOURS = {
  逾期: { fill: "FFFFC7CE", font: "FF9C0006" },
  临期: { fill: "FFFFEB9C", font: "FF9C5700" },
  已办结: { fill: "FFC6EFCE", font: "FF006100" },
  已终止: { fill: "FFD9D9D9", font: "FF595959" },
} as const;

/** Conditional-format formulas this setup writes on the registry (to replace them, and only them). */
export const REGISTRY_FORMAT_SIGNATURES: readonly string[] = [
  '^\\$[A-Z]+[0-9]+="(逾期|临期|已办结|已终止)"$',
  '^AND\\(TRIM\\(\\$[A-Z]+[0-9]+\\)<>"",COUNTIF\\(',
  '^OR\\(AND\\(ISTEXT\\(\\$[A-Z]+[0-9]+\\),TRIM\\(\\$[A-Z]+[0-9]+\\)<>""\\),N\\(\\$[A-Z]+[0-9]+\\)>DATE\\(9999,12,31\\)\\)$',
];

/** Dates a date column accepts (anything else is refused: text is not a date to the formulas). */
export const DATE_BOUNDS = { min: "1990-01-01", max: "2099-12-31" } as const;

/** What a selected cell of a date column says. */
export const DATE_PROMPT =
  "请输入日期，如 2026-03-05。显示红色的单元格不是日期（是文字或 20260305 这样的数字），" +
  "状态公式读不到：请在加载项中“检查”后一键修正，或运行 duban fix。";

const DATE_KEYS: readonly ColumnKey[] = ALL_COLUMNS.filter((c) => c.kind === "date").map((c) => c.key);

function listRule(values: readonly string[]): string {
  return `"${values.join(",")}"`;
}

/**
 * The registry's validations: lists (fixed, or from 设置 by name) and dates.
 * @example registryValidations({ urgency: 5 }, body)[0].rule // { kind: "list", source: '"特急,加急,一般"' }
 */
export function registryValidations(
  columns: Partial<Record<ColumnKey, number>>,
  body: (col: number) => CellRange,
): ValidationPlan[] {
  const out: ValidationPlan[] = [];
  const add = (
    key: ColumnKey,
    rule: ValidationPlan["rule"],
    errorStyle: ValidationPlan["errorStyle"],
    error: string,
    prompt?: string,
  ) => {
    const col = columns[key];
    if (col === undefined) return;
    out.push({ range: body(col), rule, errorStyle, errorTitle: HEADER_OF[key], error, ...(prompt ? { prompt } : {}) });
  };
  const list = (source: string) => ({ kind: "list" as const, source });
  add("urgency", list(listRule(URGENCY_VALUES)), "stop", "请选择：特急、加急或一般（留空视为一般）");
  add("secrecy", list(listRule(SECRECY_VALUES)), "stop", "请选择：公开、内部、秘密、机密或绝密（留空视为公开）");
  add(
    "section",
    list(WORKBOOK_NAMES.sections),
    "warning",
    "不在“设置”表的科室/单位列表中；如是新科室，请先在“设置”表补充",
  );
  add("assisting", list(WORKBOOK_NAMES.sections), "information", "可填写多个科室或单位，用“、”分隔");
  add("hostUnit", list(WORKBOOK_NAMES.sections), "information", "不在“设置”表的科室/单位列表中，已按填写内容保存");
  add("source", list(WORKBOOK_NAMES.sources), "warning", "不在“设置”表的事项来源中；请从列表选择");
  add("major", list(listRule(MAJOR_VALUES)), "stop", "请选择“是”或“否”");
  add("result", list(listRule(RESULT_VALUES)), "information", "可从列表选择，也可填写其他结果");
  add("signer", list(WORKBOOK_NAMES.leaders), "warning", "不在“设置”表的领导名单中");
  add("extensionApprover", list(WORKBOOK_NAMES.leaders), "warning", "不在“设置”表的领导名单中（延期须经主要领导批准）");
  for (const key of DATE_KEYS) {
    add(
      key,
      { kind: "date", min: DATE_BOUNDS.min, max: DATE_BOUNDS.max },
      "stop",
      "请输入日期，如 2026-03-05（不能输入文字；1990—2099 年）",
      DATE_PROMPT,
    );
  }
  return out;
}

/** The notes on the headers of the formula columns: what each computes. */
export const HEADER_NOTES = {
  status:
    "状态由公式计算，依次判断：督办结果为终止用语→已终止；有办结日期，或督办结果含办结用语且不含未办用语→已办结；" +
    "没有截止日期→办理中；今天晚于截止日期→逾期；剩余工作日不超过临期预警（设置表）→临期；否则办理中。请勿手工填写。",
  deadline: "截止日期＝延期至（是日期时），否则要求完成时间。由公式计算；文字形式的日期不计入。",
  daysLeft: "剩余工作日＝今天之后到截止日期的工作日数（按工作日历，含调休），已过期为负数。由公式计算。",
} as const;

/**
 * Notes (input messages) on the headers of 状态, 截止日期 and 剩余工作日.
 * @example headerNotes(2, 23, { deadline: 24, daysLeft: 25 })[0].prompt // "状态由公式计算，…"
 */
export function headerNotes(
  headerRow: number,
  statusColumn: number,
  helpers: { readonly deadline: number; readonly daysLeft: number },
): ValidationPlan[] {
  const note = (col: number, title: string, prompt: string): ValidationPlan => ({
    range: { top: headerRow, left: col, bottom: headerRow, right: col },
    rule: { kind: "note" },
    errorStyle: "information",
    errorTitle: title,
    error: "",
    prompt,
    promptTitle: title,
  });
  return [
    note(statusColumn, "状态", HEADER_NOTES.status),
    note(helpers.deadline, "截止日期", HEADER_NOTES.deadline),
    note(helpers.daysLeft, "剩余工作日", HEADER_NOTES.daysLeft),
  ];
}

/** Where the registry's colours go. */
export interface RegistryFormatInput {
  readonly columns: Partial<Record<ColumnKey, number>>;
  readonly firstRow: number;
  readonly lastRow: number;
  /** First and last column the status colours span. */
  readonly left: number;
  readonly right: number;
}

/**
 * The registry's conditional formats, in priority order: date cells that are not dates, a
 * duplicate number, then the status colours of the whole row.
 * @example registryConditionalFormats(input).at(-1)?.rules.map((r) => r.formula) // ['$W3="已终止"', …]
 */
export function registryConditionalFormats(input: RegistryFormatInput): ConditionalFormatPlan[] {
  const { columns, firstRow, lastRow } = input;
  const body = (col: number): CellRange => ({ top: firstRow, left: col, bottom: lastRow, right: col });
  const alarm = { fill: "FFFF0000", fontColor: "FFFFFFFF", bold: true };
  const out: ConditionalFormatPlan[] = DATE_KEYS.filter((k) => columns[k] !== undefined).map((k) => ({
    range: body(columns[k]!),
    rules: [{ formula: notDateFormula(cellRef(firstRow, columns[k]!, "col")), ...alarm }],
  }));
  if (columns.number !== undefined) {
    const n = columns.number;
    const first = cellRef(firstRow, n, "col");
    const all = `${cellRef(firstRow, n, "both")}:${cellRef(lastRow, n, "both")}`;
    out.push({ range: body(n), rules: [{ formula: `AND(TRIM(${first})<>"",COUNTIF(${all},${first})>1)`, ...alarm }] });
  }
  const status = (s: keyof typeof STATUS_COLOURS): ConditionalRulePlan => ({
    formula: `${cellRef(firstRow, columns.status!, "col")}="${s}"`,
    fill: STATUS_COLOURS[s].fill,
    fontColor: STATUS_COLOURS[s].font,
  });
  out.push({
    range: { top: firstRow, left: input.left, bottom: lastRow, right: input.right },
    rules: [status("已终止"), status("已办结"), status("逾期"), status("临期")],
  });
  return out;
}
