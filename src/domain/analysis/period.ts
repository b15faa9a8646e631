/**
 * The period a 督办分析报告 covers (policy 四（四）: "每一个学期结束时…形成书面的督办分析报告").
 * A period is given either as a semester — spring = 1 February to 31 July, autumn = 1 August
 * to 31 January of the next year — or as two dates. An item belongs to the period when its
 * 任务下达时间 falls inside it, both ends included.
 *
 * What a person typed is untrusted: resolvePeriod never throws, it returns either the period
 * or a problem with a code and one Chinese line saying what to type instead.
 */
import type { IsoDate } from "../cell";
import { compareIso, formatChineseDate, isValidIso } from "../dates";

export type SemesterKind = "spring" | "autumn";

/** A closed range of days with the words a report prints for it. */
export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** The semester as typed in its canonical form (`2021-spring`), null for a from/to period. */
  readonly semester: string | null;
  /** How a report names it: `2021年春季学期`, or `2021年3月1日至2021年6月30日`. */
  readonly label: string;
}

/** Why a period could not be read. */
export type PeriodProblemCode =
  | "period-missing"
  | "period-conflict"
  | "period-incomplete"
  | "period-date-invalid"
  | "period-reversed"
  | "semester-invalid";

export interface PeriodProblem {
  readonly code: PeriodProblemCode;
  readonly message: string;
}

export type PeriodResult = { readonly ok: true; readonly period: Period } | ({ readonly ok: false } & PeriodProblem);

/** What the person gave: `--from`/`--to` and/or `--semester`, as typed. */
export interface PeriodRequest {
  readonly from?: string;
  readonly to?: string;
  readonly semester?: string;
}

const SEMESTER = /^(\d{4})-(spring|autumn)$/i;

const SEMESTER_HELP =
  "须为“年份-spring”（春季学期，2月1日至7月31日）或“年份-autumn”（秋季学期，8月1日至次年1月31日），如 2021-spring";

function problem(code: PeriodProblemCode, message: string): PeriodResult {
  return { ok: false, code, message };
}

/**
 * The days of a semester: spring = Feb 1 – Jul 31 of the year, autumn = Aug 1 of the year –
 * Jan 31 of the next.
 * @example semesterPeriod(2021, "autumn") // { from: "2021-08-01", to: "2022-01-31", semester: "2021-autumn", label: "2021年秋季学期" }
 */
export function semesterPeriod(year: number, kind: SemesterKind): Period {
  const semester = `${year}-${kind}`;
  if (kind === "spring") return { from: `${year}-02-01`, to: `${year}-07-31`, semester, label: `${year}年春季学期` };
  return { from: `${year}-08-01`, to: `${year + 1}-01-31`, semester, label: `${year}年秋季学期` };
}

/**
 * The semester a day falls in: Feb–Jul is that year's spring, Aug–Dec that year's autumn,
 * January the autumn of the year before.
 * @example semesterOf("2022-01-31") // { from: "2021-08-01", to: "2022-01-31", … }
 */
export function semesterOf(day: IsoDate): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month === 1) return semesterPeriod(year - 1, "autumn");
  return semesterPeriod(year, month <= 7 ? "spring" : "autumn");
}

/**
 * Reads a semester as typed (`2021-spring`, `2021-Autumn`); the year must be 1900–9998.
 * @example parseSemester("2021-spring") // { ok: true, period: { from: "2021-02-01", to: "2021-07-31", … } }
 * @example parseSemester("2021春").ok // false
 */
export function parseSemester(text: string): PeriodResult {
  const m = SEMESTER.exec(text.trim());
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 1900 || year > 9998)
    return problem("semester-invalid", `--semester ${SEMESTER_HELP}；收到：${text}`);
  return { ok: true, period: semesterPeriod(year, m[2].toLowerCase() as SemesterKind) };
}

/**
 * A period from two dates (YYYY-MM-DD, real dates, from ≤ to).
 * @example datePeriod("2021-03-01", "2021-06-30") // { ok: true, period: { …, label: "2021年3月1日至2021年6月30日" } }
 */
export function datePeriod(from: string, to: string): PeriodResult {
  for (const [name, value] of [
    ["开始日期（--from）", from],
    ["结束日期（--to）", to],
  ] as const) {
    if (!isValidIso(value.trim())) {
      return problem("period-date-invalid", `${name} 须为 YYYY-MM-DD 格式的真实日期，收到：${value}`);
    }
  }
  const a = from.trim();
  const b = to.trim();
  if (compareIso(a, b) > 0) {
    return problem("period-reversed", `开始日期（${a}）晚于结束日期（${b}），请交换两个日期`);
  }
  return {
    ok: true,
    period: { from: a, to: b, semester: null, label: `${formatChineseDate(a)}至${formatChineseDate(b)}` },
  };
}

/**
 * The period a person asked for: `--semester`, or `--from` with `--to` — never both, never
 * only one of the two dates.
 * @example resolvePeriod({ semester: "2021-autumn" }) // { ok: true, period: { from: "2021-08-01", to: "2022-01-31", … } }
 * @example resolvePeriod({ from: "2021-03-01" }) // { ok: false, code: "period-incomplete", message: "--from 与 --to 须同时给出…" }
 */
export function resolvePeriod(request: PeriodRequest): PeriodResult {
  const { from, to, semester } = request;
  const hasDates = from !== undefined || to !== undefined;
  if (semester !== undefined && hasDates) {
    return problem("period-conflict", "--semester 不能与 --from/--to 同时使用：请只用其中一种方式指定统计期间");
  }
  if (semester !== undefined) return parseSemester(semester);
  if (from === undefined && to === undefined) {
    return problem(
      "period-missing",
      "请指定统计期间：--semester 2021-spring（春季学期）或 2021-autumn（秋季学期），或 --from YYYY-MM-DD --to YYYY-MM-DD",
    );
  }
  if (from === undefined || to === undefined) {
    return problem("period-incomplete", `--from 与 --to 须同时给出（缺少 ${from === undefined ? "--from" : "--to"}）`);
  }
  return datePeriod(from, to);
}

/**
 * True when a day lies in the period (both ends included); false for null.
 * @example inPeriod("2021-07-31", semesterPeriod(2021, "spring")) // true
 * @example inPeriod("2021-08-01", semesterPeriod(2021, "spring")) // false
 */
export function inPeriod(day: IsoDate | null, period: Pick<Period, "from" | "to">): boolean {
  return day !== null && compareIso(day, period.from) >= 0 && compareIso(day, period.to) <= 0;
}

/**
 * The calendar years a period touches, in order.
 * @example periodYears(semesterPeriod(2021, "autumn")) // [2021, 2022]
 */
export function periodYears(period: Pick<Period, "from" | "to">): number[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}
