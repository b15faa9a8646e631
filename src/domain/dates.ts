/**
 * Calendar dates as the engine handles them: ISO text "YYYY-MM-DD" (IsoDate), day numbers
 * (days since 1970-01-01, for arithmetic), Excel serial numbers (1900 date system) and the
 * text forms people type into a registry. All arithmetic is on integers in the proleptic
 * Gregorian calendar — no time zones, no clock, no `Date` objects.
 */
import { cellText, type CellValue, type IsoDate } from "./cell";

/** Why a value could not be read as a date. */
export type DateProblem = "unparseable" | "impossible" | "fictitious";

/** The outcome of reading a date: the date, or the problem and the text that was read. */
export type DateParse = { ok: true; date: IsoDate } | { ok: false; problem: DateProblem; text: string };

/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;
/** Serial of the day 1900-02-29 that Excel invents (a Lotus 1-2-3 compatibility bug). */
export const FICTITIOUS_EXCEL_SERIAL = 60;
/** Excel serial of 1970-01-01 (day number 0), valid for serials from 61 (1900-03-01) on. */
const SERIAL_OF_EPOCH = 25569;
/** Day number of 1900-03-01, the first date whose serial is SERIAL_OF_EPOCH + day number. */
const DAY_1900_03_01 = -25508;
/** Day number of 1900-01-01 (serial 1). */
const DAY_1900_01_01 = -25567;

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for years divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Days in a month (1–12) of a year; 0 for a month outside 1–12.
 * @example daysInMonth(2020, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12 || !Number.isInteger(month)) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year (1–9999), month and day name a real calendar date. */
function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatIso(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Day number (days since 1970-01-01) of a civil date; H. Hinnant's `days_from_civil`.
 * @example daysFromCivil(1970, 1, 2) // 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Civil date of a day number; H. Hinnant's `civil_from_days`.
 * @example civilFromDays(0) // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * True when text is exactly "YYYY-MM-DD" and a real calendar date (years 0001–9999).
 * @example isValidIso("2020-02-29") // true
 * @example isValidIso("2021-02-29") // false
 */
export function isValidIso(text: string): boolean {
  const m = ISO_PATTERN.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Day number (days since 1970-01-01) of an IsoDate; NaN when the text is not a valid IsoDate.
 * @example toDayNumber("1970-01-11") // 10
 */
export function toDayNumber(iso: IsoDate): number {
  const m = ISO_PATTERN.exec(iso);
  if (!m) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? daysFromCivil(year, month, day) : NaN;
}

/**
 * IsoDate of a day number (days since 1970-01-01).
 * @example fromDayNumber(10) // "1970-01-11"
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return formatIso(year, month, day);
}

/**
 * The date of an Excel serial number in the 1900 date system (serial 1 = 1900-01-01).
 * The time of day (fractional part) is ignored. Serial 60 is the 1900-02-29 that never
 * existed (Excel keeps a Lotus 1-2-3 bug), so it gives null, as do serials below 1 or above
 * 2958465 (9999-12-31) and non-finite numbers.
 * @example serialToIso(44286) // "2021-03-31"
 * @example serialToIso(61.75) // "1900-03-01"
 * @example serialToIso(60) // null
 */
export function serialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === FICTITIOUS_EXCEL_SERIAL) return null;
  // Before the fictitious day each serial is one less than the count from the epoch implies.
  const dayNumber = whole < FICTITIOUS_EXCEL_SERIAL ? whole - SERIAL_OF_EPOCH + 1 : whole - SERIAL_OF_EPOCH;
  return fromDayNumber(dayNumber);
}

/**
 * The Excel serial number (1900 date system) of a date — the inverse of serialToIso.
 * Exact for dates from 1900-01-01 on (serials 1–59 before the fictitious 1900-02-29, 61 on
 * from 1900-03-01); NaN for earlier dates and for text that is not a valid IsoDate.
 * @example isoToSerial("2021-03-31") // 44286
 * @example isoToSerial("1900-03-01") // 61
 */
export function isoToSerial(iso: IsoDate): number {
  const dayNumber = toDayNumber(iso);
  if (Number.isNaN(dayNumber) || dayNumber < DAY_1900_01_01) return NaN;
  return dayNumber >= DAY_1900_03_01 ? dayNumber + SERIAL_OF_EPOCH : dayNumber + SERIAL_OF_EPOCH - 1;
}

/**
 * The date n days after (n < 0: before) a date.
 * @example addDays("2021-12-31", 1) // "2022-01-01"
 */
export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + Math.trunc(n));
}

/**
 * Orders two IsoDates: negative when a is earlier, 0 when equal, positive when later.
 * @example ["2021-10-07", "2021-09-26"].sort(compareIso) // ["2021-09-26", "2021-10-07"]
 */
export function compareIso(a: IsoDate, b: IsoDate): number {
  // Fixed-width ISO text sorts like the dates themselves.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The year of a date.
 * @example yearOf("2021-04-30") // 2021
 */
export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday (NaN for an invalid date).
 * @example weekdayOf("2021-09-26") // 0
 */
export function weekdayOf(iso: IsoDate): number {
  const dayNumber = toDayNumber(iso);
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * A date as written in official documents, without leading zeros.
 * @example formatChineseDate("2021-04-03") // "2021年4月3日"
 */
export function formatChineseDate(iso: IsoDate): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Full-width digits and separators to ASCII, the ideographic space to a space. */
function normaliseWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0D\uFF0E\uFF0F\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/;
/** A time of day after a date: ` 17:00`, ` 17:00:30`, `T17:00`, ` 17时`, ` 17时30分`, ` 下午5点` … */
const TIME_AFTER =
  /(?:\s+|T)(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?|(?:上午|下午|晚上)?\s*\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?(?:前)?)$|(?<=[日号])\s*(?:(?:上午|下午|晚上)?\s*\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?(?:前)?|\d{1,2}:\d{2}(?::\d{2})?)$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function fromParts(year: string, month: string, day: string, text: string): DateParse {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  return isRealDate(y, m, d) ? { ok: true, date: formatIso(y, m, d) } : { ok: false, problem: "impossible", text };
}

/**
 * Reads a date typed as text: `2021-03-05`, `2021/3/5`, `2021.3.5` (one separator
 * throughout), `2021年3月5日` or `2021年3月5号` (spaces allowed between the parts) or
 * `20210305`, each optionally followed by a time of day (`2021-04-30 17:00`, `2021年4月30日
 * 17时`), which is ignored; full-width digits count as digits. A text of one of these forms
 * that names no real date (month 13, 2021-02-29) is "impossible"; any other text is
 * "unparseable" — never a guess.
 * @example parseDateText("2021年3月5日") // { ok: true, date: "2021-03-05" }
 * @example parseDateText("2021-04-30 17:00") // { ok: true, date: "2021-04-30" }
 * @example parseDateText("2021/13/40") // { ok: false, problem: "impossible", text: "2021/13/40" }
 * @example parseDateText("明天") // { ok: false, problem: "unparseable", text: "明天" }
 */
export function parseDateText(text: string): DateParse {
  const original = text.trim();
  const t = normaliseWidth(text).trim().replace(TIME_AFTER, "");
  const m = SEPARATED.exec(t);
  if (m) return fromParts(m[1], m[3], m[4], original);
  const c = CHINESE.exec(t) ?? COMPACT.exec(t);
  if (c) return fromParts(c[1], c[2], c[3], original);
  return { ok: false, problem: "unparseable", text: original };
}

/**
 * Reads a date from a cell: null for a blank cell; a date cell as it is; a number cell as
 * yyyymmdd when it is an 8-digit integer from 19000101 to 99991231, else as an Excel serial
 * (60 = the fictitious 1900-02-29); a text cell through parseDateText; true/false and errors
 * are "unparseable".
 * @example parseDateCell({ t: "number", v: 44286 }) // { ok: true, date: "2021-03-31" }
 * @example parseDateCell({ t: "number", v: 20210331 }) // { ok: true, date: "2021-03-31" }
 * @example parseDateCell({ t: "empty" }) // null
 */
export function parseDateCell(cell: CellValue): DateParse | null {
  switch (cell.t) {
    case "empty":
      return null;
    case "string":
      return cell.v.trim() === "" ? null : parseDateText(cell.v);
    case "date":
      return isValidIso(cell.v) ? { ok: true, date: cell.v } : { ok: false, problem: "unparseable", text: cell.v };
    case "number": {
      const v = cell.v;
      const text = cellText(cell);
      if (Number.isInteger(v) && v >= 19000101 && v <= 99991231) {
        const digits = String(v);
        return fromParts(digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8), text);
      }
      if (Number.isFinite(v) && Math.floor(v) === FICTITIOUS_EXCEL_SERIAL) {
        return { ok: false, problem: "fictitious", text };
      }
      const date = serialToIso(v);
      return date ? { ok: true, date } : { ok: false, problem: "unparseable", text };
    }
    case "bool":
    case "error":
      return { ok: false, problem: "unparseable", text: cellText(cell) };
  }
}
