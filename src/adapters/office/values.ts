/**
 * Conversion between what Office.js hands over in `range.values` and the engine's CellValue,
 * and back. Office gives numbers (dates are serial numbers), strings (errors too, as their
 * code: "#N/A"), booleans, and "" for an empty cell.
 */
import { EMPTY, type CellValue } from "../../domain/cell";
import { isoToSerial } from "../../domain/dates";

/** The number format written with every date: 2021年3月5日. */
export const DATE_NUM_FMT = 'yyyy"年"m"月"d"日"';

/** Errors a formula can produce from a literal (=#N/A), so undo can put them back. */
const LITERAL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"] as const;
const WRITABLE_ERRORS: ReadonlySet<string> = new Set(LITERAL_ERRORS);

/** Error values Excel shows in a cell; Office.js returns them as these strings. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  ...LITERAL_ERRORS,
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#CONNECT!",
  "#BUSY!",
]);

/**
 * The engine's value of one element of `range.values`. Numbers stay numbers (the engine reads
 * serial numbers in date columns as dates); an error code becomes an error value.
 * @example fromOfficeValue(44286) // { t: "number", v: 44286 }
 * @example fromOfficeValue("#N/A") // { t: "error", v: "#N/A" }
 * @example fromOfficeValue("") // { t: "empty" }
 */
export function fromOfficeValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined || raw === "") return EMPTY;
  if (typeof raw === "number") return Number.isFinite(raw) ? { t: "number", v: raw } : EMPTY;
  if (typeof raw === "boolean") return { t: "bool", v: raw };
  const text = String(raw);
  if (ERROR_VALUES.has(text)) return { t: "error", v: text };
  return { t: "string", v: text };
}

/** What one cell receives: a value for `values` and, when it matters, a number format. */
export interface OfficeWrite {
  readonly value: string | number | boolean;
  readonly numberFormat?: string;
}

/**
 * True when Excel would not keep this text as typed (it would read a number, a date, a
 * formula, a boolean or an error), so it must be written with a leading apostrophe.
 * @example needsTextQuote("〔2021〕5号") // false
 * @example needsTextQuote("2021-03-05") // true
 * @example needsTextQuote("=1+1") // true
 */
export function needsTextQuote(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@'#]/.test(t)) return true;
  if (/^[\d.,(（$¥￥%]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  // Month names, "Jan 5" and the like are parsed as dates by English Excel.
  return /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.]*\d/i.test(t);
}

/**
 * What to write for a CellValue: text kept as text, a date as its serial number with the 年月日
 * format, an error as the formula that yields it, `numFmt` (when given) as the cell's format.
 * @example toOfficeWrite({ t: "date", v: "2021-03-31" }) // { value: 44286, numberFormat: 'yyyy"年"m"月"d"日"' }
 * @example toOfficeWrite({ t: "string", v: "007" }) // { value: "'007" }
 */
export function toOfficeWrite(value: CellValue, numFmt?: string): OfficeWrite {
  const fmt = (own?: string) => numFmt ?? own;
  const withFmt = (v: string | number | boolean, own?: string): OfficeWrite => {
    const f = fmt(own);
    return f === undefined ? { value: v } : { value: v, numberFormat: f };
  };
  switch (value.t) {
    case "empty":
      return withFmt("");
    case "string":
      return withFmt(needsTextQuote(value.v) ? `'${value.v}` : value.v);
    case "number":
      return withFmt(value.v, value.fmt);
    case "bool":
      return withFmt(value.v);
    case "date": {
      const serial = isoToSerial(value.v);
      if (Number.isNaN(serial)) throw new RangeError(`Not a writable date: ${value.v}`);
      return withFmt(serial, DATE_NUM_FMT);
    }
    case "error":
      return withFmt(WRITABLE_ERRORS.has(value.v) ? `=${value.v}` : `'${value.v}`);
  }
}
