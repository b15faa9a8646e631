/**
 * Use case: the calendar overrides of the 工作日历 sheet, from the task pane's 设置 view. A date
 * the sheet lists is changed in place — 是否工作日, 类型, 来源 用户, 说明 — which the workbook's
 * own formulas read at once; a date it does not list (a year not yet generated) is added below
 * the last row, which the engine reads at once and the workbook's formulas after the next 刷新
 * (the sheet is rewritten in date order then). Removing an override puts the official values
 * back and 来源 官方. Only cells whose value changes are written, through the 操作日志 when the
 * port keeps one.
 */
import { cellText, EMPTY, type CellValue, type IsoDate, type SheetGrid } from "../domain/cell";
import { isOfficialWorkingDay } from "../domain/calendar";
import {
  CALENDAR_COLUMNS,
  CALENDAR_KINDS,
  CALENDAR_ORIGINS,
  CALENDAR_SHEET_NAME,
  CALENDAR_WORKING_VALUES,
} from "../domain/calendar-sheet";
import { formatChineseDate, isValidIso, parseDateCell, weekdayOf } from "../domain/dates";
import { findCalendarHeader } from "../domain/calendar-read";
import type { CellWrite, WorkbookPort } from "./port";
import { writeOperation, type LoggedOutcome } from "./ports/operation-log";
import { ledgerWrite } from "./write-target";
import { CodedError } from "./errors";

export const CALENDAR_EDIT_ERROR_CODES = ["no-calendar-sheet", "no-header", "bad-date"] as const;

export type CalendarEditErrorCode = (typeof CALENDAR_EDIT_ERROR_CODES)[number];

/** An edit refused before anything was written, with one Chinese line saying what to do. */
export class CalendarEditError extends CodedError<CalendarEditErrorCode> {
  override readonly name = "CalendarEditError";
}

/** A date made a working day or a day off by the office's own decision. */
export interface CalendarChange {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly note?: string;
}

export interface CalendarEditResult extends LoggedOutcome {
  readonly written: number;
  /** True when a row was added: the workbook's colours follow it after the next 刷新. */
  readonly needsRefresh: boolean;
  readonly message: string;
}

type Column = keyof typeof CALENDAR_COLUMNS;

/**
 * The 类型 of a day: 调休上班 for a weekend made working, 节假日 for a weekday made a day off,
 * otherwise 工作日 / 休息日.
 * @example calendarKind("2027-02-20", true) // "调休上班" (a Saturday)
 */
export function calendarKind(date: IsoDate, working: boolean): string {
  const weekend = weekdayOf(date) === 0 || weekdayOf(date) === 6;
  if (working) return weekend ? CALENDAR_KINDS.makeUp : CALENDAR_KINDS.workday;
  return weekend ? CALENDAR_KINDS.restDay : CALENDAR_KINDS.holiday;
}

interface Sheet {
  readonly grid: SheetGrid;
  readonly headerRow: number;
  readonly columns: Partial<Record<Column, number>>;
}

async function readCalendarSheet(port: WorkbookPort): Promise<Sheet> {
  const names = await port.sheetNames();
  const name = names.find((n) => n.trim() === CALENDAR_SHEET_NAME);
  if (name === undefined) {
    throw new CalendarEditError(
      "no-calendar-sheet",
      "工作簿中没有“工作日历”表：请先点击“刷新红黄绿灯”，加载项会生成工作日历",
    );
  }
  const [grid] = await port.readSheets([name]);
  const header = grid ? findCalendarHeader(grid) : null;
  if (!grid || header === null) {
    throw new CalendarEditError("no-header", "“工作日历”表前 10 行没有“日期”表头：请先点击“刷新红黄绿灯”修复工作日历");
  }
  return { grid, headerRow: header.row, columns: header.columns };
}

/** Rows (1-based) whose 日期 is `date`. */
function rowsOf(sheet: Sheet, date: IsoDate): number[] {
  const col = sheet.columns.date!;
  const rows: number[] = [];
  for (let r = sheet.headerRow; r < sheet.grid.rows.length; r++) {
    const cell = sheet.grid.rows[r]?.[col - 1];
    const parsed = cell ? parseDateCell(cell) : null;
    if (parsed?.ok && parsed.date === date) rows.push(r + 1);
  }
  return rows;
}

/** Writes for one row: the columns the sheet has, only where the value changes. */
function rowWrites(sheet: Sheet, row: number, values: Partial<Record<Column, CellValue>>): CellWrite[] {
  const writes: CellWrite[] = [];
  for (const [key, value] of Object.entries(values) as [Column, CellValue][]) {
    const col = sheet.columns[key];
    if (col === undefined) continue;
    const old = sheet.grid.rows[row - 1]?.[col - 1] ?? EMPTY;
    const exists = row <= sheet.grid.rows.length;
    if (exists && key !== "date" && cellText(old) === cellText(value) && old.t === value.t) continue;
    if (exists && key === "date") continue;
    writes.push(ledgerWrite(sheet.grid.name, row, col, value, old));
  }
  return writes;
}

function checkDate(date: IsoDate): void {
  if (!isValidIso(date)) throw new CalendarEditError("bad-date", `“${date}”不是有效日期`);
}

/**
 * Makes a date a working day or a day off (one read, one write).
 * @example await setCalendarOverride(port, { date: "2027-01-01", working: false, note: "元旦" })
 *   // { written: 5, needsRefresh: true, message: "2027年1月1日 设为休息日（节假日）…", logged: true }
 */
export async function setCalendarOverride(port: WorkbookPort, change: CalendarChange): Promise<CalendarEditResult> {
  checkDate(change.date);
  const sheet = await readCalendarSheet(port);
  const rows = rowsOf(sheet, change.date);
  const kind = calendarKind(change.date, change.working);
  const values: Partial<Record<Column, CellValue>> = {
    working: { t: "number", v: change.working ? CALENDAR_WORKING_VALUES.working : CALENDAR_WORKING_VALUES.notWorking },
    kind: { t: "string", v: kind },
    origin: { t: "string", v: CALENDAR_ORIGINS.user },
    ...(change.note !== undefined
      ? { note: change.note.trim() === "" ? EMPTY : { t: "string", v: change.note.trim() } }
      : {}),
  };
  const added = rows.length === 0;
  const row = added ? sheet.grid.rows.length + 1 : rows[rows.length - 1];
  const writes = rowWrites(sheet, row, added ? { date: { t: "date", v: change.date }, ...values } : values);
  const logged = await writeOperation(port, writes, { kind: "calendar" });
  const day = formatChineseDate(change.date);
  const message = `${day} 设为${change.working ? "工作日" : "休息日"}（${kind}）${
    added ? "；已添加到工作日历末尾，请点击“刷新红黄绿灯”使工作簿中的颜色按新日历计算" : ""
  }`;
  return { written: writes.length, needsRefresh: added, message, logged };
}

/**
 * Takes an override back: the date's rows get the official values and 来源 官方.
 * @example await clearCalendarOverride(port, "2027-01-01") // { written: 3, message: "2027年1月1日 恢复为官方日历（休息日）", … }
 */
export async function clearCalendarOverride(port: WorkbookPort, date: IsoDate): Promise<CalendarEditResult> {
  checkDate(date);
  const sheet = await readCalendarSheet(port);
  const working = isOfficialWorkingDay(date);
  const writes = rowsOf(sheet, date).flatMap((row) =>
    rowWrites(sheet, row, {
      working: { t: "number", v: working ? CALENDAR_WORKING_VALUES.working : CALENDAR_WORKING_VALUES.notWorking },
      kind: { t: "string", v: calendarKind(date, working) },
      origin: { t: "string", v: CALENDAR_ORIGINS.official },
    }),
  );
  const logged = await writeOperation(port, writes, { kind: "calendar" });
  return {
    written: writes.length,
    needsRefresh: false,
    message: `${formatChineseDate(date)} 恢复为官方日历（${working ? "工作日" : "休息日"}）`,
    logged,
  };
}
