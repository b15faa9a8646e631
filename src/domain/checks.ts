/**
 * The checks of a registry's rows: the form's own constraints (required fields, date order,
 * value lists, numbers) and the policy's procedure (routing, principal-leader sign-off,
 * reports within 5 working days, 涉密不上网). Each check is a small function of one item;
 * checks across rows (duplicate numbers, calendar years) use maps, so the whole run is linear
 * in the number of rows. Being overdue is a status, not a defect, and is not checked here.
 */
import type { IsoDate } from "./cell";
import type { WorkingCalendar } from "./calendar";
import {
  ALL_COLUMNS,
  CLASSIFIED_VALUES,
  SECRECY_VALUES,
  URGENCY_VALUES,
  normalizeHeader,
  type ColumnKey,
} from "./columns";
import { compareIso, formatChineseDate as cn, yearOf } from "./dates";
import type { Issue, Leader, RegistryItem, RegistryLayout, Settings } from "./model";
import { findDuplicates, parseNumber, type NumberProblem } from "./numbers";
import { HEADER_OF } from "./registry";
import { makeIssue } from "./rules";
import { isTerminated } from "./status";
import { addWorkingDays, workingDaysLeft } from "./workdays";

export interface CheckContext {
  readonly settings: Settings;
  readonly calendar: WorkingCalendar;
  readonly today: IsoDate;
  /** The registry's columns: checks of columns the sheet does not have are skipped. */
  readonly columns: RegistryLayout["columns"];
  /**
   * Issues already found while reading the rows (readRegistry). A required field whose cell
   * held an unreadable date or an error value is not reported again as missing.
   */
  readonly readIssues?: readonly Issue[];
}

/** What a classified item may carry in 督办事项内容 instead of its content (offered as the fix). */
export const CLASSIFIED_PLACEHOLDER = "涉密事项，内容见纸质台账";
/** Working days after 办结日期 within which a major item's report is due (policy 四(四)). */
export const REPORT_WORKING_DAYS = 5;

const REQUIRED: readonly ColumnKey[] = ["content", "issuedOn", "dueOn", "section"];
const DATE_FIELDS = ["issuedOn", "dueOn", "signedOn", "closedOn", "extendedTo", "reportedOn"] as const;
/** Dates that record something done, so cannot lie after today. */
const PAST_FIELDS = ["issuedOn", "signedOn", "closedOn", "reportedOn"] as const;

const NUMBER_PROBLEM_TEXT: Readonly<Record<NumberProblem, string>> = {
  brackets: "年份应使用六角括号〔〕",
  "short-year": "年份应写全四位",
  "leading-zero": "序号不加前导零",
  di: "序号前不加“第”字",
  "missing-hao": "末尾应有“号”字",
  unrecognised: "不是“〔年份〕序号号”的形式",
};

const classified: ReadonlySet<string> = new Set(CLASSIFIED_VALUES);

/** What every item check sees besides the item. */
interface Env {
  readonly ctx: CheckContext;
  readonly has: (key: ColumnKey) => boolean;
  readonly suppressed: ReadonlySet<string>;
  readonly principals: PrincipalIndex;
}

type ItemCheck = (item: RegistryItem, env: Env) => Issue[];

const key2 = (row: number, column: string) => `${row}\u0000${column}`;
const compact = (text: string) => normalizeHeader(text);

/**
 * True when an item is classified (密级 秘密, 机密 or 绝密): its content is never copied anywhere.
 * @example isClassified({ secrecy: "机 密" }) // true
 */
export function isClassified(item: Pick<RegistryItem, "secrecy">): boolean {
  return classified.has(compact(item.secrecy));
}

function isMajor(item: RegistryItem): boolean {
  return compact(item.major) === "是";
}

/** 督办事项内容, 任务下达时间, 要求完成时间, 督办科室或单位 must be filled (content of a classified item excepted). */
const checkRequired: ItemCheck = (item, env) => {
  const issues: Issue[] = [];
  for (const key of REQUIRED) {
    if (!env.has(key)) continue;
    const value = item[key as keyof RegistryItem];
    if (value !== null && value !== "") continue;
    if (key === "content" && isClassified(item)) continue;
    const column = HEADER_OF[key];
    if (env.suppressed.has(key2(item.row, column))) continue;
    issues.push(makeIssue("required-missing", item.row, column, { column }));
  }
  return issues;
};

/** Dates that must not come before 任务下达时间, and 延期至 after 要求完成时间. */
const checkDateOrder: ItemCheck = (item, env) => {
  const issues: Issue[] = [];
  const issued = item.issuedOn;
  if (issued !== null) {
    if (item.dueOn !== null && compareIso(item.dueOn, issued) < 0) {
      issues.push(
        makeIssue("deadline-before-issue", item.row, HEADER_OF.dueOn, { due: cn(item.dueOn), issued: cn(issued) }),
      );
    }
    if (item.signedOn !== null && compareIso(item.signedOn, issued) < 0) {
      issues.push(
        makeIssue("signed-before-issue", item.row, HEADER_OF.signedOn, {
          signed: cn(item.signedOn),
          issued: cn(issued),
        }),
      );
    }
    if (env.has("closedOn") && item.closedOn !== null && compareIso(item.closedOn, issued) < 0) {
      issues.push(
        makeIssue("closed-date-before-issue", item.row, HEADER_OF.closedOn, {
          closed: cn(item.closedOn),
          issued: cn(issued),
        }),
      );
    }
  }
  if (env.has("extendedTo") && item.extendedTo !== null && item.dueOn !== null) {
    if (compareIso(item.extendedTo, item.dueOn) <= 0) {
      issues.push(
        makeIssue("extended-before-due", item.row, HEADER_OF.extendedTo, {
          extended: cn(item.extendedTo),
          due: cn(item.dueOn),
        }),
      );
    }
  }
  if (env.has("reportedOn") && item.reportedOn !== null && item.closedOn !== null) {
    if (compareIso(item.reportedOn, item.closedOn) < 0) {
      issues.push(
        makeIssue("report-before-closed", item.row, HEADER_OF.reportedOn, {
          reported: cn(item.reportedOn),
          closed: cn(item.closedOn),
        }),
      );
    }
  }
  return issues;
};

/** Dates of things done (下达, 签收, 办结, 报告) that lie after today: likely typos. */
const checkFutureDates: ItemCheck = (item, env) => {
  const today = env.ctx.today;
  return PAST_FIELDS.flatMap((key) => {
    const date = item[key];
    if (date === null || compareIso(date, today) <= 0) return [];
    const column = HEADER_OF[key];
    return [makeIssue("date-in-future", item.row, column, { column, date: cn(date), today: cn(today) })];
  });
};

/** 督办事项编号 in the 〔YYYY〕N号 form, with the corrected form offered. */
const checkNumberFormat: ItemCheck = (item) => {
  if (item.number === "") return [];
  const parsed = parseNumber(item.number);
  if (parsed.ok) return [];
  const problems = parsed.problems.map((p) => NUMBER_PROBLEM_TEXT[p]).join("，");
  const advice = parsed.fix === undefined ? "按“〔2021〕5号”的格式填写（前面可加机关代字）" : `改为“${parsed.fix}”`;
  return [
    makeIssue("number-format", item.row, HEADER_OF.number, { number: item.number, problems, advice }, parsed.fix),
  ];
};

/** A value of a list column: blank allowed; a value differing only by white space gets a fix. */
function listCheck(
  key: "urgency" | "secrecy" | "major",
  code: "urgency-invalid" | "secrecy-invalid" | "major-invalid",
  values: readonly string[],
): ItemCheck {
  return (item, env) => {
    const value = item[key];
    if (!env.has(key) || value === "" || values.includes(value)) return [];
    const fix = values.find((v) => v === compact(value));
    return [makeIssue(code, item.row, HEADER_OF[key], { value }, fix)];
  };
}

/** 涉密不上网: a classified item carries only a reference, not its content. */
const checkClassified: ItemCheck = (item) => {
  if (!isClassified(item) || item.content === "" || item.content === CLASSIFIED_PLACEHOLDER) return [];
  return [
    makeIssue(
      "classified-content",
      item.row,
      HEADER_OF.content,
      { secrecy: compact(item.secrecy), placeholder: CLASSIFIED_PLACEHOLDER },
      CLASSIFIED_PLACEHOLDER,
    ),
  ];
};

/** 事项来源 known, and 督办科室 the section the policy routes it to. */
const checkRouting: ItemCheck = (item, env) => {
  if (!env.has("source") || item.source === "") return [];
  const source = compact(item.source);
  const routing = env.ctx.settings.routing;
  if (!Object.prototype.hasOwnProperty.call(routing, source)) {
    return [makeIssue("source-invalid", item.row, HEADER_OF.source, { value: item.source })];
  }
  const expected = routing[source];
  const section = compact(item.section);
  if (expected === null || section === "" || section === expected || section.endsWith(expected)) return [];
  return [makeIssue("routing-mismatch", item.row, HEADER_OF.section, { source, expected, section: item.section })];
};

/** Principal leaders by name, for matching 签发领导 / 延期批准人 text. */
interface PrincipalIndex {
  readonly configured: boolean;
  readonly names: ReadonlyMap<string, Leader>;
}

function principalIndex(leaders: readonly Leader[]): PrincipalIndex {
  const names = new Map<string, Leader>();
  for (const l of leaders) if (l.principal) names.set(compact(l.name), l);
  return { configured: names.size > 0, names };
}

/**
 * True when a person field names a principal leader: one of its names (separated by 、，,;/ or
 * spaces) is a principal's name, alone or followed by the leader's title (张三主任).
 */
function namesPrincipal(text: string, index: PrincipalIndex): boolean {
  return text
    .split(/[、，,；;/\\\s\u3000]+/)
    .map((part) => compact(part).replace(/[（(][^）)]*[）)]$/u, ""))
    .some((part) => {
      if (index.names.has(part)) return true;
      for (const [name, leader] of index.names) {
        if (leader.title !== "" && part === name + compact(leader.title)) return true;
      }
      return false;
    });
}

function principalDetail(role: string, person: string): string {
  return person === "" ? `${role}为空` : `${role}“${person}”不是设置表中的主要领导`;
}

function leadersMissing(row: number, column: string): Issue {
  return makeIssue("leaders-not-configured", row, column);
}

/** 重大事项 are signed by a principal leader. */
const checkMajorSigner: ItemCheck = (item, env) => {
  if (!env.has("major") || !env.has("signer") || !isMajor(item)) return [];
  if (!env.principals.configured) return [leadersMissing(item.row, HEADER_OF.signer)];
  if (namesPrincipal(item.signer, env.principals)) return [];
  return [
    makeIssue("major-signer-not-principal", item.row, HEADER_OF.signer, {
      detail: principalDetail("签发领导", item.signer),
    }),
  ];
};

/** An extension (延期至) or a termination (督办结果 终止) is approved by a principal leader. */
const checkApprover: ItemCheck = (item, env) => {
  if (!env.has("extensionApprover")) return [];
  const extendedTo = env.has("extendedTo") ? item.extendedTo : null;
  if (extendedTo === null && !isTerminated(item)) return [];
  const column = HEADER_OF.extensionApprover;
  if (!env.principals.configured) return [leadersMissing(item.row, column)];
  if (namesPrincipal(item.extensionApprover, env.principals)) return [];
  const detail = principalDetail("延期批准人", item.extensionApprover);
  return extendedTo !== null
    ? [makeIssue("extension-approver-not-principal", item.row, column, { extended: cn(extendedTo), detail })]
    : [makeIssue("termination-approver-not-principal", item.row, column, { detail })];
};

/** A closed major item has its report (报告日期) within 5 working days after 办结日期. */
const checkReport: ItemCheck = (item, env) => {
  if (!env.has("major") || !env.has("closedOn") || !env.has("reportedOn")) return [];
  if (!isMajor(item) || item.closedOn === null) return [];
  const cal = env.ctx.calendar;
  const deadline = addWorkingDays(cal, item.closedOn, REPORT_WORKING_DAYS);
  const column = HEADER_OF.reportedOn;
  if (item.reportedOn === null) {
    if (compareIso(env.ctx.today, deadline) <= 0) return [];
    return [makeIssue("report-missing", item.row, column, { closed: cn(item.closedOn), deadline: cn(deadline) })];
  }
  if (compareIso(item.reportedOn, deadline) <= 0) return [];
  const late = workingDaysLeft(cal, deadline, item.reportedOn);
  return [makeIssue("report-late", item.row, column, { deadline: cn(deadline), reported: cn(item.reportedOn), late })];
};

/** The checks of one item, in the order their issues are listed within a cell. */
export const ITEM_CHECKS: readonly ItemCheck[] = [
  checkRequired,
  checkNumberFormat,
  listCheck("urgency", "urgency-invalid", URGENCY_VALUES),
  listCheck("secrecy", "secrecy-invalid", SECRECY_VALUES),
  checkClassified,
  checkDateOrder,
  checkFutureDates,
  checkRouting,
  listCheck("major", "major-invalid", ["是", "否"]),
  checkMajorSigner,
  checkApprover,
  checkReport,
];

/** Every row of a duplicated number gets an issue naming the other rows. */
function duplicateIssues(items: readonly RegistryItem[]): Issue[] {
  const numbered = items.filter((i) => i.number !== "").map((i) => ({ row: i.row, number: i.number }));
  const textOf = new Map(numbered.map((n) => [n.row, n.number]));
  const issues: Issue[] = [];
  for (const rows of findDuplicates(numbered).values()) {
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).join("、");
      issues.push(makeIssue("number-duplicate", row, HEADER_OF.number, { number: textOf.get(row) ?? "", others }));
    }
  }
  return issues;
}

/** One warning per year the calendar has no data for, at the first row (and column) with a date in it. */
function calendarYearIssues(items: readonly RegistryItem[], cal: WorkingCalendar): Issue[] {
  const first = new Map<number, { row: number; column: string }>();
  for (const item of items) {
    for (const key of DATE_FIELDS) {
      const date = item[key];
      if (date === null) continue;
      const year = yearOf(date);
      const seen = first.get(year);
      if ((seen === undefined || item.row < seen.row) && !cal.hasData(year)) {
        first.set(year, { row: item.row, column: HEADER_OF[key] });
      }
    }
  }
  return [...first.entries()].map(([year, at]) => makeIssue("calendar-year-missing", at.row, at.column, { year }));
}

/** Keeps the first leaders-not-configured issue only: it is about the settings, said once. */
function onceLeadersMissing(issues: readonly Issue[]): Issue[] {
  let seen = false;
  return issues.filter((i) => {
    if (i.code !== "leaders-not-configured") return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}

/**
 * Sorts issues by row, then by the position of their column in the sheet (columns the sheet
 * lacks last), keeping the order of issues in the same cell. Returns a new array.
 * @example sortIssues(issues, layout.columns)
 */
export function sortIssues(issues: readonly Issue[], columns: RegistryLayout["columns"]): Issue[] {
  const position = new Map<string, number>();
  for (const c of ALL_COLUMNS) {
    const at = columns[c.key];
    if (at !== undefined) position.set(c.header, at);
  }
  const pos = (i: Issue) => position.get(i.column) ?? Number.MAX_SAFE_INTEGER;
  return [...issues].sort((a, b) => a.row - b.row || pos(a) - pos(b));
}

/**
 * Checks the items of a registry (see the file comment), returning issues sorted by row and
 * column. Checks of columns the sheet lacks (事项来源, 重大事项, …) are skipped.
 * @example
 * checkItems(items, { settings: DEFAULT_SETTINGS, calendar: createCalendar(), today: "2021-06-01", columns })
 *   // [{ row: 4, column: "督办事项编号", severity: "error", code: "number-format", fix: "〔2021〕3号", … }]
 */
export function checkItems(items: readonly RegistryItem[], ctx: CheckContext): Issue[] {
  const env: Env = {
    ctx,
    has: (key) => ctx.columns[key] !== undefined,
    suppressed: new Set((ctx.readIssues ?? []).map((i) => key2(i.row, i.column))),
    principals: principalIndex(ctx.settings.leaders),
  };
  const issues: Issue[] = [];
  for (const item of items) {
    for (const check of ITEM_CHECKS) issues.push(...check(item, env));
  }
  // Pushed one by one: a spread of a list as long as the registry can overflow the call stack.
  for (const issue of duplicateIssues(items)) issues.push(issue);
  for (const issue of calendarYearIssues(items, ctx.calendar)) issues.push(issue);
  return onceLeadersMissing(sortIssues(issues, ctx.columns));
}
