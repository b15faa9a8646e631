/**
 * Conversion between ExcelJS cells and the engine's plain CellValue, for workbooks built or
 * inspected with ExcelJS — the demo sample and test fixtures. The adapter itself reads and writes
 * the package directly (book/); tests hold its reader to these rules (reader-parity.test.ts):
 * every shape ExcelJS can hand us (rich text, formulas, hyperlinks, errors, dates, merged cells)
 * becomes one of the six CellValue kinds, and a CellValue becomes what ExcelJS should write.
 */
import * as ExcelJS from "exceljs";
import { EMPTY, type CellValue, type IsoDate } from "../../domain/cell";
import { isoToSerial } from "../../domain/dates";
import { DATE1904_OFFSET, DATE_NUM_FMT } from "./book/number-formats";

export { DATE1904_OFFSET, DATE_NUM_FMT };

/** What one ExcelJS cell should receive: a value and, when it matters, a number format. */
export interface ExcelWrite {
  readonly value: ExcelJS.CellValue;
  readonly numFmt?: string;
}

/** A JS Date, also one made in another realm (Jest runs tests in a separate VM context). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * The calendar date of a JS Date read by ExcelJS. ExcelJS builds dates as UTC instants
 * (midnight UTC for a whole day), so the UTC parts are the day the sheet shows.
 * @example dateToIso(new Date(Date.UTC(2021, 2, 5))) // "2021-03-05"
 */
export function dateToIso(date: Date): IsoDate | null {
  if (Number.isNaN(date.getTime())) return null;
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Text of rich text runs, concatenated. */
function richTextOf(value: unknown): string | null {
  if (!isObject(value) || !Array.isArray(value.richText)) return null;
  return value.richText.map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : "")).join("");
}

function withFmt(v: number, fmt: string | undefined): CellValue {
  return fmt ? { t: "number", v, fmt } : { t: "number", v };
}

/**
 * Converts a raw ExcelJS value (or a formula's cached result) into a CellValue.
 * @example fromRawValue({ richText: [{ text: "督办" }, { text: "事项" }] }) // { t: "string", v: "督办事项" }
 * @example fromRawValue({ error: "#N/A" }) // { t: "error", v: "#N/A" }
 */
export function fromRawValue(value: unknown, fmt?: string): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return Number.isFinite(value) ? withFmt(value, fmt) : EMPTY;
  if (typeof value === "string") return { t: "string", v: value };
  if (typeof value === "boolean") return { t: "bool", v: value };
  if (isDate(value)) {
    const iso = dateToIso(value);
    return iso ? { t: "date", v: iso } : EMPTY;
  }
  if (!isObject(value)) return EMPTY;
  if (typeof value.error === "string") return { t: "error", v: value.error };
  const rich = richTextOf(value);
  if (rich !== null) return { t: "string", v: rich };
  if ("formula" in value || "sharedFormula" in value) return fromRawValue(value.result, fmt);
  if ("hyperlink" in value || "text" in value) {
    const text = value.text;
    if (typeof text === "string") return { t: "string", v: text };
    const richLink = richTextOf(text);
    return richLink !== null ? { t: "string", v: richLink } : EMPTY;
  }
  return EMPTY;
}

/**
 * The engine's value of an ExcelJS cell: numbers keep their number format in `fmt`, rich
 * text and hyperlinks give their text, formulas their cached result (empty when none was
 * saved), errors their code, dates their UTC calendar date, and the covered (non-master)
 * cells of a merged range are empty.
 * @example toCellValue(sheet.getCell("A1")) // { t: "number", v: 3, fmt: "0.00" }
 */
export function toCellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return EMPTY;
  const fmt = cell.numFmt || undefined;
  return fromRawValue(cell.value, fmt);
}

/**
 * What to write for a CellValue. A date becomes its Excel serial number with the format
 * 年月日 — a number, not a JS Date, so the file holds serials whatever the time zone.
 * In a workbook on the 1904 date system pass `date1904` to shift the serial.
 * @example fromCellValue({ t: "date", v: "2021-03-31" }) // { value: 44286, numFmt: 'yyyy"年"m"月"d"日"' }
 * @example fromCellValue({ t: "empty" }) // { value: null }
 */
export function fromCellValue(value: CellValue, options: { date1904?: boolean } = {}): ExcelWrite {
  switch (value.t) {
    case "empty":
      return { value: null };
    case "string":
      return { value: value.v };
    case "number":
      return value.fmt ? { value: value.v, numFmt: value.fmt } : { value: value.v };
    case "bool":
      return { value: value.v };
    case "error":
      return { value: { error: value.v as ExcelJS.CellErrorValue["error"] } };
    case "date": {
      const serial = isoToSerial(value.v);
      if (Number.isNaN(serial)) throw new RangeError(`Not a writable date: ${value.v}`);
      return { value: options.date1904 ? serial - DATE1904_OFFSET : serial, numFmt: DATE_NUM_FMT };
    }
  }
}
