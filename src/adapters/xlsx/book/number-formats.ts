/**
 * Number formats as a workbook stores them: built-in ids (0–49, and the Chinese built-ins
 * 27–36 and 50–58 Excel uses in a zh-CN install) and custom codes; which of them show dates;
 * and a serial number as the calendar date it shows.
 */
import type { IsoDate } from "../../../domain/cell";

/** The number format written with every date: 2021年3月5日. */
export const DATE_NUM_FMT = 'yyyy"年"m"月"d"日"';

/** Days between the 1900 and the 1904 date systems (serial of 1904-01-01 in the 1900 system). */
export const DATE1904_OFFSET = 1462;

/** Format codes of the built-in number format ids (zh-CN for the East Asian ids). */
export const BUILTIN_NUM_FMTS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Built-in ids a format code is written with (the first id of each code, East Asian ids excluded). */
const BUILTIN_IDS: ReadonlyMap<string, number> = new Map(
  Object.entries(BUILTIN_NUM_FMTS)
    .filter(([id]) => Number(id) < 27 || (Number(id) > 36 && Number(id) < 50))
    .map(([id, code]) => [code, Number(id)]),
);

/**
 * The built-in id of a format code, or undefined when it needs a custom entry.
 * @example builtinNumFmtId("0.00") // 2
 * @example builtinNumFmtId(DATE_NUM_FMT) // undefined
 */
export function builtinNumFmtId(code: string): number | undefined {
  return BUILTIN_IDS.get(code);
}

/**
 * True when a format code shows a date or time: a y, m, d, h, s (or b) outside quotes and
 * brackets — the rule ExcelJS uses, so both readers agree.
 * @example isDateFormat('yyyy"年"m"月"d"日"') // true
 * @example isDateFormat('0.0"天"') // false
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * The calendar day a serial shows (a time of day dropped), computed as ExcelJS does (UTC
 * milliseconds rounded), or null when it is no date at all.
 * @example serialToShownDate(44286, false) // "2021-03-31"
 * @example serialToShownDate(42824, true) // "2021-03-31"
 */
export function serialToShownDate(serial: number, date1904: boolean): IsoDate | null {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? DATE1904_OFFSET : 0)) * 24 * 3600 * 1000));
  if (Number.isNaN(date.getTime())) return null;
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
