/**
 * The one-time upgrade of a workbook set up by an earlier version, whose 状态 formulas parsed
 * text dates (1.7–1.9 thousand characters each), whose 工作日历 counted working days with a
 * COUNTIFS per row and whose names 日历序, 日历键, 今日序 … served them. Nothing here writes:
 * the setup plan replaces what is old as part of applying it (the formulas of ours are
 * recognised by their markers, the calendar is a generated sheet, the old names are listed as
 * obsolete); this only says that it happened, for the refresh report.
 */
import { cellText, type SheetGrid } from "./cell";
import { CALENDAR_SHEET_NAME } from "./calendar-sheet";
import { FORMER_CALENDAR_HEADERS } from "./calendar-plan";
import { normalizeHeader } from "./columns";
import type { PlanNote } from "./setup-plan-types";

/** The report line of an upgrade. */
export const UPGRADE_MESSAGE =
  "已升级旧版设置：状态列改为短公式（读“截止日期”“剩余工作日”两列），工作日历改为逐行累计，删除只为解析文字日期而设的列和名称；" +
  "改动已记入操作日志。文字形式的日期不再被公式读取，显示为红色，请用“检查”一键修正。";

/**
 * True when a 工作日历 sheet has the helper columns of an earlier version in its first row.
 * @example isFormerCalendar({ name: "工作日历", rows: [[{ t: "string", v: "日期" }, …, { t: "string", v: "日历序" }]] }) // true
 */
export function isFormerCalendar(grid: SheetGrid | undefined): boolean {
  return (grid?.rows[0] ?? []).some((c) => FORMER_CALENDAR_HEADERS.includes(normalizeHeader(cellText(c))));
}

/**
 * The note of an upgrade, when the workbook was set up by an earlier version.
 * @example upgradeNotes(oldCalendarGrid)[0].code // "upgraded"
 */
export function upgradeNotes(calendar: SheetGrid | undefined): PlanNote[] {
  return isFormerCalendar(calendar) ? [{ sheet: CALENDAR_SHEET_NAME, code: "upgraded", message: UPGRADE_MESSAGE }] : [];
}
