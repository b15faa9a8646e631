/**
 * The checks of a registry's rows: the form's own constraints (required fields, date order,
 * value lists, numbers) and the policy's procedure (routing, principal-leader sign-off,
 * reports within 5 working days, 涉密不上网). Each check is a small function of one item;
 * checks across rows (duplicate numbers, calendar years) use maps, so the whole run is linear
 * in the number of rows. Being overdue is a status, not a defect, and is not checked here.
 */
import type { IsoDate } from "./cell";
import type { WorkingCalendar } from "./calendar";
import { normalizeHeader, type ColumnKey } from "./columns";
import { compareIso, formatChineseDate as cn } from "./dates";
import type { Issue, Leader, RegistryItem, RegistryLayout, Settings } from "./model";
import { numberParts, parseNumber, type NumberProblem } from "./numbers";
import { calendarYearIssues, duplicateIssues, onceLeadersMissing, sortIssues } from "./checks-across";
import { HEADER_OF } from "./header-names";
import { makeIssue } from "./rules";
import { isTerminated } from "./status";
import { isClassifiedText, readSecrecy, readUrgency } from "./vocabulary";
import { checkLongTerm, checkMajor, checkResultWording, vocabularyCheck } from "./checks-words";
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

export { sortIssues } from "./checks-across";

const REQUIRED: readonly ColumnKey[] = ["content", "issuedOn", "dueOn", "section"];
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
 * True when an item is classified (密级 秘密, 机密 or 绝密, GB/T 9704 marks included): its content
 * is never copied anywhere.
 * @example isClassified({ secrecy: "秘密★1年" }) // true
 */
export function isClassified(item: Pick<RegistryItem, "secrecy">): boolean {
  return isClassifiedText(item.secrecy);
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
    if (key === "dueOn" && item.longTerm !== undefined) continue;
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

/**
 * 督办事项编号 in the 〔YYYY〕N号 form, with the corrected form offered; a cell holding several
 * numbers is a warning, and each of them is checked (the fix corrects the whole cell).
 */
const checkNumberFormat: ItemCheck = (item) => {
  if (item.number === "") return [];
  const parts = numberParts(item.number);
  const issues: Issue[] = [];
  if (parts.length > 1) {
    issues.push(makeIssue("number-several", item.row, HEADER_OF.number, { number: item.number, count: parts.length }));
  }
  const fixed = parts.map((part) => {
    const parsed = parseNumber(part);
    return parsed.ok ? part : parsed.fix;
  });
  const fix = fixed.every((f): f is string => f !== undefined) ? fixed.join("、") : undefined;
  for (const part of parts) {
    const parsed = parseNumber(part);
    if (parsed.ok) continue;
    const problems = parsed.problems.map((p) => NUMBER_PROBLEM_TEXT[p]).join("，");
    const advice = parsed.fix === undefined ? "按“〔2021〕5号”的格式填写（前面可加机关代字）" : `改为“${parsed.fix}”`;
    issues.push(makeIssue("number-format", item.row, HEADER_OF.number, { number: part, problems, advice }, fix));
  }
  return issues;
};

/** 涉密不上网: a classified item carries only a reference, not its content. */
const checkClassified: ItemCheck = (item) => {
  if (!isClassified(item) || item.content === "" || item.content === CLASSIFIED_PLACEHOLDER) return [];
  return [
    makeIssue(
      "classified-content",
      item.row,
      HEADER_OF.content,
      { secrecy: readSecrecy(item.secrecy).value ?? compact(item.secrecy), placeholder: CLASSIFIED_PLACEHOLDER },
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
  vocabularyCheck("urgency", readUrgency, { invalid: "urgency-invalid", synonym: "urgency-synonym" }),
  vocabularyCheck("secrecy", readSecrecy, { invalid: "secrecy-invalid", synonym: "secrecy-synonym" }),
  checkClassified,
  checkLongTerm,
  checkDateOrder,
  checkFutureDates,
  checkRouting,
  checkResultWording,
  checkMajor,
  checkMajorSigner,
  checkApprover,
  checkReport,
];

/**
 * Checks the items of a registry (see the file comment), returning issues sorted by row and
 * column. Checks of columns the sheet lacks (事项来源, 重大事项, …) are skipped.
 * @example
 * checkItems(items, { settings: DEFAULT_SETTINGS, calendar: createCalendar(), today: "2021-06-01", columns })
 *   // [{ row: 4, column: "督办事项编号", severity: "error", code: "number-format", fix: "〔2021〕3号", … }]
 */
export function checkItems(items: readonly RegistryItem[], ctx: CheckContext): Issue[] {
  const issues = [...itemIssues(items, ctx), ...duplicateIssues(items), ...calendarYearIssues(items, ctx.calendar)];
  return onceLeadersMissing(sortIssues(issues, ctx.columns));
}

/** The checks of each item alone (ITEM_CHECKS), unsorted. */
function itemIssues(items: readonly RegistryItem[], ctx: CheckContext): Issue[] {
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
  return issues;
}

/** One ledger sheet to check: its items, its columns and the issues found reading it. */
export interface LedgerToCheck {
  readonly sheet: string;
  readonly items: readonly RegistryItem[];
  readonly columns: RegistryLayout["columns"];
  readonly readIssues: readonly Issue[];
}

/**
 * Checks the items of several ledger sheets (one per year): each sheet's items against its own
 * columns, numbers unique across all sheets, calendar years and missing leaders said once.
 * Issues carry their sheet and come sheet by sheet (in the order given), each sorted by row
 * and column, the read issues among them.
 * @example checkLedgers([{ sheet: "2021年", items, columns, readIssues: [] }, …], { settings, calendar, today })
 */
export function checkLedgers(
  ledgers: readonly LedgerToCheck[],
  ctx: Omit<CheckContext, "columns" | "readIssues">,
): Issue[] {
  const all = ledgers.flatMap((l) => l.items);
  const across = [...duplicateIssues(all), ...calendarYearIssues(all, ctx.calendar)];
  const out: Issue[] = [];
  for (const ledger of ledgers) {
    const own = itemIssues(ledger.items, { ...ctx, columns: ledger.columns, readIssues: ledger.readIssues });
    const mine = across.filter((i) => i.sheet === ledger.sheet);
    const sorted = sortIssues([...ledger.readIssues, ...own, ...mine], ledger.columns);
    // One push per issue: a spread of a list as long as the ledger can overflow the call stack.
    for (const i of sorted) out.push(i.sheet === ledger.sheet ? i : { ...i, sheet: ledger.sheet });
  }
  return onceLeadersMissing(out);
}
