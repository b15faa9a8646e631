/**
 * The formulas of a registry row, written so that a clerk can read and fix them in Excel 2010+,
 * WPS or LibreOffice (no LET, no dynamic arrays, no XLOOKUP, no structured references), and so
 * that the 状态 column and the colours stay live without the add-in:
 *
 *   截止日期    the deadline in force: 延期至 when it is a date, else 要求完成时间
 *                =IF(ISNUMBER(T3),INT(T3),IF(ISNUMBER(H3),INT(H3),""))
 *   剩余工作日  working days d with today < d ≤ 截止日期 (negative when it has passed), from
 *               the running count of the 工作日历: 日历累计 of the deadline − 今日累计
 *                =IFERROR(INDEX(日历累计,MATCH(X3,日历日期,0))-今日累计,"")
 *   状态        the status rules of status.ts, one line each:
 *                =IF(COUNTA(B3:V3)=0,"",
 *                 IF(<督办结果 is a terminating word>,"已终止",
 *                 IF(OR(<办结日期 is a date>,<督办结果 closes>),"已办结",
 *                 IF(X3="","办理中",IF(X3<TODAY(),"逾期",IF(Y3<=预警阈值,"临期","办理中"))))))
 *
 * No formula parses text: a date typed as text is not a date to them (the row is painted red
 * and `check` offers the date as a fix). The words of 督办结果 come from the workbook's named
 * lists 办结用语, 未办用语 and 终止用语 (the vocabulary of the engine, written by the setup).
 *
 * Each formula piece has a TypeScript twin (formula-twins.ts) so the setup plan can find, before
 * writing anything, the rows where a formula would read a cell differently from the engine.
 */
import { cellRef, columnLetters } from "./a1-ref";
import { WORKBOOK_NAMES as N } from "./workbook-names";

/** Excel's last date, as formulas write it: a larger number in a date column is not a date (20261205 typed as a number). */
export const LAST_DATE = "DATE(9999,12,31)";

/** Columns (1-based) the row formulas read; null when the registry lacks the column. */
export interface RowFormulaColumns {
  readonly result: number | null;
  readonly closedOn: number | null;
  readonly extendedTo: number | null;
  readonly dueOn: number | null;
  /** Column spans whose content makes a row an item (known columns but 序号 and 状态). */
  readonly evidence: readonly { readonly left: number; readonly right: number }[];
  /** The helper columns the 状态 formula reads. */
  readonly deadline: number;
  readonly daysLeft: number;
}

/**
 * 截止日期 of one row (without "="): 延期至 when it holds a number, else 要求完成时间, as a
 * whole date; "" when neither holds a number.
 * @example deadlineFormula({ extendedTo: 20, dueOn: 8 } as RowFormulaColumns, 3) // 'IF(ISNUMBER(T3),INT(T3),IF(ISNUMBER(H3),INT(H3),""))'
 */
export function deadlineFormula(columns: RowFormulaColumns, row: number): string {
  const dates = [columns.extendedTo, columns.dueOn].filter((c): c is number => c !== null).map((c) => cellRef(row, c));
  return dates.reduceRight((rest, ref) => `IF(ISNUMBER(${ref}),INT(${ref}),${rest})`, '""');
}

/**
 * 剩余工作日 of one row: 日历累计 of the deadline minus 今日累计; "" without a deadline (MATCH
 * finds no "") or when the deadline is outside the 工作日历.
 * @example daysLeftFormula({ deadline: 24 } as RowFormulaColumns, 3) // 'IFERROR(INDEX(日历累计,MATCH(X3,日历日期,0))-今日累计,"")'
 */
export function daysLeftFormula(columns: RowFormulaColumns, row: number): string {
  const x = cellRef(row, columns.deadline);
  return `IFERROR(INDEX(${N.calendarCount},MATCH(${x},${N.calendarDates},0))-${N.todayCount},"")`;
}

/** Formula: TRUE when the 督办结果 text, trimmed, is a terminating word. */
function terminatedTest(ref: string): string {
  return `ISNUMBER(MATCH(TRIM(CLEAN(${ref})),${N.terminatingWords},0))`;
}

/** Formula: TRUE when the 督办结果 text contains a closing word and no never-closing mark. */
function closingTest(ref: string): string {
  const found = (list: string) => `SUMPRODUCT(--ISNUMBER(FIND(${list},${ref})))`;
  return `AND(${found(N.closingWords)}>0,${found(N.neverClosingMarks)}=0)`;
}

/**
 * 状态 of one row (without "="): "" for a row that is not an item, else 已终止, 已办结, 逾期,
 * 临期 or 办理中 by the rules of classifyItem, reading 截止日期 and 剩余工作日 of the row (for
 * an item over `blockRows` rows, the 督办结果 of all its rows, joined with "、").
 * `today` is TODAY() in a workbook (a fixed DATE(y,m,d) lets a test evaluate another day).
 * @example statusFormula(columns, 3).startsWith('IF(COUNTA(B3:V3)=0,"",') // true
 */
export function statusFormula(columns: RowFormulaColumns, row: number, today = "TODAY()", blockRows = 1): string {
  const ref = (col: number) => cellRef(row, col);
  // An item over several rows (one per 承办单位) is closed when the results of all its rows,
  // joined, close it (one unit's 未办结 keeps it open): the engine joins them alike.
  const results = (col: number) =>
    Array.from({ length: Math.max(1, blockRows) }, (_, i) => cellRef(row + i, col)).join('&"、"&');
  const spans = columns.evidence.map((s) => `${ref(s.left)}${s.right > s.left ? `:${ref(s.right)}` : ""}`);
  const nothing = spans.length === 0 ? "TRUE" : `COUNTA(${spans.join(",")})=0`;
  const terminated = columns.result === null ? "FALSE" : terminatedTest(ref(columns.result));
  const closed = [
    ...(columns.closedOn === null ? [] : [`ISNUMBER(${ref(columns.closedOn)})`]),
    ...(columns.result === null ? [] : [closingTest(results(columns.result))]),
  ];
  const closedTest = closed.length === 0 ? "FALSE" : closed.length === 1 ? closed[0] : `OR(${closed.join(",")})`;
  const x = ref(columns.deadline);
  const y = ref(columns.daysLeft);
  const open = `IF(${x}="","办理中",IF(${x}<${today},"逾期",IF(${y}<=${N.warningDays},"临期","办理中")))`;
  return `IF(${nothing},"",IF(${terminated},"已终止",IF(${closedTest},"已办结",${open})))`;
}

/**
 * Conditional-format formula (relative to the range's top-left cell `ref`): TRUE when a date
 * column's cell holds something that is not a date — text, or a number past 9999-12-31.
 * @example notDateFormula("$H3") // 'OR(AND(ISTEXT($H3),TRIM($H3)<>""),N($H3)>DATE(9999,12,31))'
 */
export function notDateFormula(ref: string): string {
  return `OR(AND(ISTEXT(${ref}),TRIM(${ref})<>""),N(${ref})>${LAST_DATE})`;
}

/**
 * The formula of 今日累计: the running count of working days up to today.
 * @example todayCountFormula("TODAY()") // "LOOKUP(TODAY(),日历日期,日历累计)"
 */
export function todayCountFormula(today: string): string {
  return `LOOKUP(${today},${N.calendarDates},${N.calendarCount})`;
}

/**
 * The running count of working days of the 工作日历 row `row`: the count of the row above plus
 * this row's flag (the official one for 官方 rows, 是否工作日 otherwise).
 * @example calendarCountFormula(2, { working: 2, origin: 4, official: 7, count: 8 }) // 'N(H1)+IF(D2="官方",G2,N(B2))'
 */
export function calendarCountFormula(
  row: number,
  cols: { readonly working: number; readonly origin: number; readonly official: number; readonly count: number },
): string {
  const at = (col: number, r = row) => `${columnLetters(col)}${r}`;
  return `N(${at(cols.count, row - 1)})+IF(${at(cols.origin)}="官方",${at(cols.official)},N(${at(cols.working)}))`;
}
