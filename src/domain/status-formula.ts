/**
 * The status rules of status.ts written as Excel formulas, so that the 状态 column and the
 * colours stay live in a workbook opened without the add-in (Excel on the web, on a phone).
 *
 * The formulas use only functions that Excel 2010+ and LibreOffice evaluate alike (IF, OR,
 * AND, ISNUMBER, MATCH, INDEX, COUNTIF(S), CHOOSE, TRIM, SUBSTITUTE, REPLACE, VALUE, FIND …):
 * no LET, no dynamic arrays, no XLOOKUP, no structured references, no functions that need
 * the _xlfn prefix.
 *
 * How a row is classified (see classifyItem):
 *   1. the row is an item when a known column other than 序号/状态 holds a value;
 *   2. 已终止 when 督办结果, trimmed, is a terminating word (终止, 已终止);  3. 已办结 when
 *      督办结果 contains a closing word and no never-closing mark (vocabulary.ts), or 办结日期
 *      is a date;
 *   4. the deadline is 延期至 when it is a date, else 要求完成时间; a date cell (a serial), an
 *      8-digit number yyyymmdd or a date typed as text is found in the 工作日历 sheet — by
 *      serial in 日历日期, or by the key "kYYYY-M-D" in 日历键 (text is normalised first);
 *   5. with p the deadline's 工作日历 row, v = 日历序(p) − 今日序, where 日历序 of a date is
 *      (working days up to and including it) × 100000 + its serial. v < 0 exactly when the
 *      deadline is before today, and for v ≥ 0, INT(v / 100000) is the number of working
 *      days d with today < d ≤ deadline. So one lookup gives both 逾期 and the working days
 *      left: CHOOSE(clamp(INT(v / ((预警阈值 + 1) × 100000)), −1, 1) + 2, 逾期, 临期, 办理中).
 *      A row without a readable deadline is 办理中.
 *
 * Every formula piece has a TypeScript twin below (formulaDateOf, formulaHasEvidence, …) so
 * the setup plan can find, before writing anything, the rows where Excel would read a cell
 * differently from the engine (a date typed with full-width digits, a date outside the
 * calendar's years …) and report them.
 */
import type { CellValue, IsoDate } from "./cell";
import { cellRef, stringLiteral } from "./a1-ref";
import { daysInMonth, serialToIso } from "./dates";
import { WORKBOOK_NAMES as N } from "./workbook-names";
import { resultSaysClosed } from "./status";
import { CLOSING_NEEDLES, NEVER_CLOSING_NEEDLES, TERMINATING_RESULTS } from "./vocabulary";

/** 日历序 = working days so far × ORDER_SCALE + serial; serials stay far below it. */
export const ORDER_SCALE = 100000;

/** The default threshold of 临期 (DEFAULT_SETTINGS.warningDays), written into the formula. */
export const FORMULA_DEFAULT_WARNING_DAYS = 3;

/** Text substitutions that turn a typed date into its calendar key (after TRIM and the compact-form split). */
const KEY_SUBSTITUTIONS: readonly (readonly [string, string])[] = [
  [" ", ""],
  ["\u3000", ""],
  ["年", "-"],
  ["月", "-"],
  ["日", ""],
  ["/", "-"],
  [".", "-"],
  ["-0", "-"],
];

/** Characters the 终止 test treats as spaces before TRIM (JavaScript's trim removes them too). */
const SPACE_LIKE: readonly string[] = ["CHAR(10)", "CHAR(13)", "CHAR(9)", '"\u3000"', '"\u00A0"'];

function substituteChain(expr: string, pairs: readonly (readonly [string, string])[]): string {
  return pairs.reduce((acc, [from, to]) => `SUBSTITUTE(${acc},${stringLiteral(from)},${stringLiteral(to)})`, expr);
}

/**
 * The calendar key of a date: what 日历键 holds for it.
 * @example calendarKey("2026-01-05") // "k2026-1-5"
 */
export function calendarKey(date: IsoDate): string {
  return `k${Number(date.slice(0, 4))}-${Number(date.slice(5, 7))}-${Number(date.slice(8, 10))}`;
}

/**
 * Formula: the calendar key of a date typed as text in cell `ref` (see KEY_SUBSTITUTIONS).
 * An 8-digit text (20261205) is split into 2026-12-05 first.
 * @example textKeyFormula("H5").startsWith('"k"&SUBSTITUTE(') // true
 */
export function textKeyFormula(ref: string): string {
  const t = `TRIM(${ref})`;
  const compact = `AND(LEN(${t})=8,IFERROR(VALUE(${t})&""=${t},FALSE))`;
  const split = `IF(${compact},REPLACE(REPLACE(${t},7,0,"-"),5,0,"-"),${t})`;
  return `"k"&${substituteChain(split, KEY_SUBSTITUTIONS)}`;
}

/**
 * Formula: the 工作日历 row position (1-based within 日历日期) of the date in cell `ref`, or an
 * error when the cell holds no date the calendar has. Numbers ≥ 19000101 are read as
 * yyyymmdd (whole numbers only), other numbers as serials (time of day ignored), text
 * through its key.
 * @example datePositionFormula("H5").startsWith("IF(ISNUMBER(H5)") // true
 */
export function datePositionFormula(ref: string): string {
  const ymdKey = `"k"&INT(${ref}/10000)&"-"&MOD(INT(${ref}/100),100)&"-"&MOD(${ref},100)`;
  const numeric = `IF(${ref}>=19000101,IF(${ref}=INT(${ref}),MATCH(${ymdKey},${N.calendarKeys},0),NA()),MATCH(INT(${ref}),${N.calendarDates},0))`;
  return `IF(ISNUMBER(${ref}),${numeric},MATCH(${textKeyFormula(ref)},${N.calendarKeys},0))`;
}

/** An array constant of texts: {"a","b"}. */
function arrayConstant(texts: readonly string[]): string {
  return `{${texts.map(stringLiteral).join(",")}}`;
}

/**
 * Formula: TRUE when the text of `ref`, trimmed, is a terminating word (终止, 已终止; an error
 * value gives FALSE).
 * @example terminatedFormula("M5").endsWith('{"终止","已终止"},0)),FALSE)') // true
 */
export function terminatedFormula(ref: string): string {
  const spaced = SPACE_LIKE.reduce((acc, ch) => `SUBSTITUTE(${acc},${ch}," ")`, ref);
  return `IFERROR(ISNUMBER(MATCH(TRIM(${spaced}),${arrayConstant(TERMINATING_RESULTS)},0)),FALSE)`;
}

/**
 * Formula: TRUE when the text of `ref` contains a closing word and no never-closing mark
 * (vocabulary.ts; an error value gives FALSE).
 * @example closedResultFormula("M5").startsWith("IFERROR(AND(SUMPRODUCT(") // true
 */
export function closedResultFormula(ref: string): string {
  const count = (needles: readonly string[]) => `SUMPRODUCT(--ISNUMBER(FIND(${arrayConstant(needles)},${ref})))`;
  return `IFERROR(AND(${count(CLOSING_NEEDLES)}>0,${count(NEVER_CLOSING_NEEDLES)}=0),FALSE)`;
}

/** Columns (1-based) the status formula reads; null when the registry lacks the column. */
export interface StatusFormulaColumns {
  readonly result: number | null;
  readonly closedOn: number | null;
  readonly extendedTo: number | null;
  readonly dueOn: number | null;
  /** Column spans whose content makes a row an item (known columns but 序号 and 状态). */
  readonly evidence: readonly { readonly left: number; readonly right: number }[];
}

/**
 * The 状态 formula of one registry row (without the leading "="): "" for a row that is not
 * an item, else one of 已终止, 已办结, 逾期, 临期, 办理中 by the rules of classifyItem. For an
 * item over `blockRows` rows the 督办结果 of all its rows is read (joined with "、").
 * @example statusFormula(columns, 5).startsWith("IF(COUNTIF(") // true
 */
export function statusFormula(columns: StatusFormulaColumns, row: number, blockRows = 1): string {
  const ref = (col: number) => cellRef(row, col);
  // An item over several rows (one per 承办单位) is closed when the results of all its rows,
  // joined, close it (a 未办结 of one unit keeps it open): the engine joins them alike.
  const results = (col: number) =>
    Array.from({ length: Math.max(1, blockRows) }, (_, i) => cellRef(row + i, col)).join('&"、"&');
  const evidence = columns.evidence
    .map((span) => {
      const r = `${ref(span.left)}${span.right > span.left ? `:${ref(span.right)}` : ""}`;
      return `COUNTIF(${r},"?*")+COUNT(${r})`;
    })
    .join("+");
  const terminated = columns.result === null ? "FALSE" : terminatedFormula(ref(columns.result));
  const closedParts: string[] = [];
  if (columns.result !== null) closedParts.push(closedResultFormula(results(columns.result)));
  if (columns.closedOn !== null) closedParts.push(`ISNUMBER(${datePositionFormula(ref(columns.closedOn))})`);
  const closed = closedParts.length === 0 ? "FALSE" : `OR(${closedParts.join(",")})`;
  const positions = [columns.extendedTo, columns.dueOn]
    .filter((c): c is number => c !== null)
    .map((c) => datePositionFormula(ref(c)));
  const position = positions.length === 2 ? `IFERROR(${positions[0]},${positions[1]})` : positions[0];
  const open =
    position === undefined
      ? '"办理中"'
      : `IFERROR(CHOOSE(MAX(-1,MIN(1,INT((INDEX(${N.calendarOrder},${position})-${N.todayOrder})/((${N.warningDays}+1)*${ORDER_SCALE}))))+2,"逾期","临期","办理中"),"办理中")`;
  return `IF(${evidence || "0"}>0,IF(${terminated},"已终止",IF(${closed},"已办结",${open})),"")`;
}

/**
 * Formula of 今日序: 日历序 of today. `today` is an expression, TODAY() in a real workbook;
 * a test may pass DATE(2026,9,30) to evaluate the workbook as of another day.
 * @example todayOrderFormula("TODAY()") // 'COUNTIFS(日历日期,"<="&TODAY(),日历工作日,1)*100000+TODAY()'
 */
export function todayOrderFormula(today: string): string {
  return `COUNTIFS(${N.calendarDates},"<="&${today},${N.calendarWorking},1)*${ORDER_SCALE}+${today}`;
}

/**
 * Formula of 预警阈值: the 临期预警工作日 typed in 设置 when it is a whole number 0–30 (as a
 * number or as text like "3", "3个工作日", "3天"), else 3 — readSettings' rule.
 * @example warningDaysFormula("临期预警工作日").includes("ISBLANK(临期预警工作日)") // true
 */
export function warningDaysFormula(input: string): string {
  const d = FORMULA_DEFAULT_WARNING_DAYS;
  const t = substituteChain(`TRIM(${input})`, [
    [" ", ""],
    ["\u3000", ""],
    ["工作日", ""],
    ["天", ""],
    ["日", ""],
    ["个", ""],
  ]);
  const fromText = `IF(AND(LEN(${t})>=1,LEN(${t})<=3,ISERROR(FIND(".",${t})),ISERROR(SEARCH("e",${t})),ISERROR(FIND("-",${t})),ISERROR(FIND("+",${t}))),IFERROR(IF(AND(VALUE(${t})<=30,VALUE(${t})=INT(VALUE(${t}))),VALUE(${t}),${d}),${d}),${d})`;
  const fromNumber = `IF(AND(${input}=INT(${input}),${input}>=0,${input}<=30),${input},${d})`;
  return `IF(ISBLANK(${input}),${d},IF(ISNUMBER(${input}),${fromNumber},IF(ISTEXT(${input}),${fromText},${d})))`;
}

// ── TypeScript twins of the formula pieces ──────────────────────────────────────────────

/** Excel's TRIM: strips ASCII spaces at both ends and collapses runs inside to one. */
function excelTrim(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}

/** The text Excel's text functions see in a cell. */
function excelText(cell: CellValue): string | null {
  switch (cell.t) {
    case "empty":
      return "";
    case "string":
      return cell.v;
    case "number":
      return String(cell.v);
    case "bool":
      return cell.v ? "TRUE" : "FALSE";
    case "date":
      return null; // a date is a number in the workbook; the formula never reads it as text
    case "error":
      return null;
  }
}

/** The date a calendar key names, when it is a real date written without leading zeros. */
function dateOfKey(key: string): IsoDate | null {
  const m = /^k(\d{4})-([1-9]\d?)-([1-9]\d?)$/.exec(key);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (d > daysInMonth(y, mo)) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Twin of textKeyFormula: the key the formula computes from a typed text.
 * @example formulaTextKey(" 2026年 12月5日") // "k2026-12-5"
 * @example formulaTextKey("20261205") // "k2026-12-5"
 */
export function formulaTextKey(text: string): string {
  const t = excelTrim(text);
  const split = /^[1-9]\d{7}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6)}` : t;
  return `k${KEY_SUBSTITUTIONS.reduce((acc, [from, to]) => acc.split(from).join(to), split)}`;
}

/** The years the 工作日历 sheet lists, inclusive. */
export interface YearSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * Twin of datePositionFormula: the date the formula finds for a cell, or null (no date, or a
 * date outside the calendar's years).
 * @example formulaDateOf({ t: "string", v: "2026.3.5" }, { first: 2026, last: 2027 }) // "2026-03-05"
 * @example formulaDateOf({ t: "string", v: "２０２６-3-5" }, { first: 2026, last: 2027 }) // null (full-width digits)
 */
export function formulaDateOf(cell: CellValue, years: YearSpan): IsoDate | null {
  let date: IsoDate | null;
  if (cell.t === "number" || cell.t === "date") {
    if (cell.t === "date") date = cell.v;
    else if (cell.v >= 19000101) {
      const v = cell.v;
      date = Number.isInteger(v)
        ? dateOfKey(`k${Math.floor(v / 10000)}-${Math.floor(v / 100) % 100}-${v % 100}`)
        : null;
    } else date = serialToIso(Math.floor(cell.v));
  } else {
    const text = excelText(cell);
    date = text === null ? null : dateOfKey(formulaTextKey(text));
  }
  if (date === null) return null;
  const year = Number(date.slice(0, 4));
  return year >= years.first && year <= years.last ? date : null;
}

/**
 * Twin of the formula's item test for one cell: COUNTIF(…,"?*")+COUNT(…) counts any text of
 * one character or more (white space too) and any number; not booleans, errors or "".
 * @example formulaCountsAsEvidence({ t: "string", v: " " }) // true (the engine says blank)
 */
export function formulaCountsAsEvidence(cell: CellValue | undefined): boolean {
  if (cell === undefined) return false;
  if (cell.t === "string") return cell.v.length > 0;
  return cell.t === "number" || cell.t === "date";
}

/**
 * Twin of terminatedFormula.
 * @example formulaTerminated({ t: "string", v: "终止\n" }) // true
 */
export function formulaTerminated(cell: CellValue | undefined): boolean {
  if (cell === undefined) return false;
  const text = excelText(cell);
  if (text === null) return false;
  return (TERMINATING_RESULTS as readonly string[]).includes(excelTrim(text.replace(/[\n\r\t\u3000\u00A0]/g, " ")));
}

/**
 * Twin of closedResultFormula.
 * @example formulaSaysClosed({ t: "string", v: "已按期办结" }) // true
 * @example formulaSaysClosed({ t: "string", v: "未办结" }) // false
 */
export function formulaSaysClosed(cell: CellValue | undefined): boolean {
  if (cell === undefined) return false;
  const text = excelText(cell);
  return text !== null && resultSaysClosed(text);
}

/**
 * Twin of warningDaysFormula: the threshold the workbook uses for a 临期预警工作日 cell.
 * @example formulaWarningDays({ t: "string", v: "5个工作日" }) // 5
 * @example formulaWarningDays({ t: "number", v: 40 }) // 3
 */
export function formulaWarningDays(cell: CellValue | undefined): number {
  const d = FORMULA_DEFAULT_WARNING_DAYS;
  if (cell === undefined || cell.t === "empty") return d;
  if (cell.t === "number") return Number.isInteger(cell.v) && cell.v >= 0 && cell.v <= 30 ? cell.v : d;
  if (cell.t !== "string") return d;
  const t = ["工作日", "天", "日", "个"].reduce(
    (acc, s) => acc.split(s).join(""),
    excelTrim(cell.v).split(" ").join("").split("\u3000").join(""),
  );
  if (t.length < 1 || t.length > 3 || /[.eE\-+]/.test(t)) return d;
  const n = Number(t);
  return Number.isFinite(n) && n <= 30 && /^\d+$/.test(t) ? n : d;
}
