/**
 * The 问责记录 sheet: one row per accountability measure actually taken (policy 五（一）) —
 * 日期, 承办单位, 事项编号, 措施 (约谈 / 通报批评 / 追究责任), 依据, 经办人. A row is written
 * only when a person confirms a measure; the engine never writes one on its own. Read and
 * written like the 催办记录 (see domain/log-sheet.ts): columns by header text, rows a person
 * typed read leniently, problems reported as issues (column "问责记录"), never thrown.
 */
import { cellText, type CellValue, type IsoDate, type SheetGrid } from "../cell";
import type { Issue } from "../model";
import { makeIssue } from "../rules";
import type { SheetLayout } from "../layout/types";
import { logCell, logDate, logSheetLayout, readLogSheet, type LogColumnDef, type ReadLog } from "../log-sheet";

/** Name of the accountability log sheet. */
export const ACCOUNTABILITY_LOG_SHEET = "问责记录";

/** Column of the issues about the log's rows. */
export const ACCOUNTABILITY_ISSUE_COLUMN = "问责记录";

/**
 * The measures of policy 五（一）, lightest first: 约谈 of the unit's head (not finished on
 * time), 通报批评 of the unit (still not finished after urging, no sound reason), 追究责任
 * (serious consequences — only ever recorded by a person, never suggested).
 */
export const MEASURES = ["约谈", "通报批评", "追究责任"] as const;
export type Measure = (typeof MEASURES)[number];

/** Measures that cost a unit and its head their 评优评先 eligibility that year (五（二）: 通报批评及以上). */
export const DISQUALIFYING: readonly Measure[] = ["通报批评", "追究责任"];

export type AccountabilityColumn = "date" | "unit" | "number" | "measure" | "basis" | "handler";

/** Header text of each column, in order, and the other spellings accepted when reading. */
export const ACCOUNTABILITY_LOG_HEADERS: readonly LogColumnDef<AccountabilityColumn>[] = [
  { key: "date", header: "日期", aliases: ["问责日期", "时间", "问责时间"] },
  { key: "unit", header: "承办单位", aliases: ["被问责单位", "单位", "责任单位"] },
  { key: "number", header: "事项编号", aliases: ["督办事项编号", "编号", "督办编号"] },
  { key: "measure", header: "措施", aliases: ["问责措施", "处理措施", "处理方式"] },
  { key: "basis", header: "依据", aliases: ["问责依据", "理由", "事由"] },
  { key: "handler", header: "经办人", aliases: ["记录人"] },
];

/** Column widths of a new 问责记录 sheet (Excel units). */
const WIDTHS = [16, 18, 18, 12, 40, 10];

/** One measure as the log holds it. */
export interface AccountabilityEntry {
  readonly date: IsoDate | null;
  readonly unit: string;
  readonly number: string;
  /** The measure when it is one of MEASURES, else null (the row's text is in `measureText`). */
  readonly measure: Measure | null;
  readonly measureText: string;
  readonly basis: string;
  readonly handler: string;
}

/** The log as read. */
export type AccountabilityLog = ReadLog<AccountabilityColumn, AccountabilityEntry> & {
  /** Rows the engine could not fully use (unknown measure, unreadable date). */
  readonly issues: readonly Issue[];
};

/**
 * The measure a text names, white space ignored; null for anything else.
 * @example measureOf(" 通报 批评 ") // "通报批评"
 * @example measureOf("警告") // null
 */
export function measureOf(text: string): Measure | null {
  const plain = text.replace(/[\s\u3000]+/g, "");
  return MEASURES.find((m) => m === plain) ?? null;
}

/**
 * Reads the 问责记录 sheet: the header is the first of the top rows naming 措施; every row
 * below naming a measure is an entry. A measure other than the three, or a date that cannot
 * be read (or a blank date of a 通报批评 / 追究责任, whose year matters), is kept (measure
 * null, date null) and reported as a warning.
 * @example readAccountabilityLog(grid).entries[0] // { row: 2, date: "2021-05-10", unit: "江津中学", measure: "约谈", … }
 */
export function readAccountabilityLog(grid: SheetGrid): AccountabilityLog {
  const sheet = readLogSheet(grid, ACCOUNTABILITY_LOG_HEADERS, "measure");
  const issues: Issue[] = [];
  const entries = sheet.rows.map(({ row, cells }) => {
    const measureText = cellText(cells.measure);
    const measure = measureOf(measureText);
    if (measure === null) {
      issues.push(
        makeIssue("accountability-measure-unknown", row, ACCOUNTABILITY_ISSUE_COLUMN, { value: measureText }),
      );
    }
    const date = logDate(cells.date);
    const dateText = cellText(cells.date);
    // Without a date, a 通报批评 cannot be given its year: a blank date matters then.
    if (date === null && (dateText !== "" || (measure !== null && DISQUALIFYING.includes(measure)))) {
      const value = dateText === "" ? "（未填写）" : dateText;
      issues.push(makeIssue("accountability-date-invalid", row, ACCOUNTABILITY_ISSUE_COLUMN, { value }));
    }
    return {
      row,
      date,
      unit: cellText(cells.unit),
      number: cellText(cells.number),
      measure,
      measureText,
      basis: cellText(cells.basis),
      handler: cellText(cells.handler),
    };
  });
  return { headerRow: sheet.headerRow, columns: sheet.columns, entries, nextRow: sheet.nextRow, issues };
}

/**
 * The cells of one log row, keyed by column.
 * @example accountabilityLogCells({ date: "2021-05-10", unit: "江津中学", number: "〔2021〕3号", measure: "约谈", … }).measure
 *   // { t: "string", v: "约谈" }
 */
export function accountabilityLogCells(
  entry: Omit<AccountabilityEntry, "measureText"> & { readonly measure: Measure },
): Record<AccountabilityColumn, CellValue> {
  return {
    date: logCell(entry.date, "date"),
    unit: logCell(entry.unit, "text"),
    number: logCell(entry.number, "text"),
    measure: logCell(entry.measure, "text"),
    basis: logCell(entry.basis, "text"),
    handler: logCell(entry.handler, "text"),
  };
}

/**
 * A new, empty 问责记录 sheet: the header row in the official font, framed.
 * @example accountabilityLogLayout().cells.map((c) => c.value) // ["日期", "承办单位", "事项编号", "措施", "依据", "经办人"]
 */
export function accountabilityLogLayout(name: string = ACCOUNTABILITY_LOG_SHEET): SheetLayout {
  return logSheetLayout(ACCOUNTABILITY_LOG_HEADERS, WIDTHS, name, ACCOUNTABILITY_LOG_SHEET);
}
