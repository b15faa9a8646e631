/**
 * One pass over a workbook's sheets: find the registry, read its rows, read the 设置 and
 * 工作日历 sheets, build the working calendar and check everything.
 */
import type { IsoDate, SheetGrid } from "./cell";
import { createCalendar, type WorkingCalendar } from "./calendar";
import { CALENDAR_SHEET_NAME } from "./calendar-sheet";
import { checkItems, sortIssues } from "./checks";
import { dateCellIssues } from "./date-cells";
import type { Issue, RegistryItem, RegistryLayout, Settings } from "./model";
import { locateRegistry, readRegistry } from "./registry";
import { SETTINGS_SHEET_NAME, readCalendarOverrides, readSettings } from "./settings";

export interface Analysis {
  readonly layout: RegistryLayout;
  readonly items: RegistryItem[];
  /**
   * Problems of the registry rows (sorted by row, then column), followed by those of the
   * 设置 sheet (column "设置") and of the 工作日历 sheet (column "工作日历"), each by row.
   */
  readonly issues: Issue[];
  readonly settings: Settings;
  readonly calendar: WorkingCalendar;
}

/** The sheet of that name (names compared after trimming). */
function sheetNamed(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name.trim() === name);
}

/**
 * Locates and reads the registry, reads the 设置 and 工作日历 sheets (defaults when absent),
 * builds the calendar from the official data and the sheet's overrides, and runs every check.
 * Null when no sheet is a registry.
 * @example
 * analyzeRegistry(grids, "2021-06-01")?.issues
 *   // [{ row: 5, column: "要求完成时间", code: "deadline-before-issue", … }, …]
 */
export function analyzeRegistry(grids: readonly SheetGrid[], today: IsoDate): Analysis | null {
  const layout = locateRegistry(grids);
  if (layout === null) return null;
  const grid = grids.find((g) => g.name === layout.sheetName);
  if (grid === undefined) return null;
  const { items, issues: readIssues } = readRegistry(grid, layout);
  const { settings, issues: settingsIssues } = readSettings(sheetNamed(grids, SETTINGS_SHEET_NAME));
  const { overrides, issues: calendarIssues } = readCalendarOverrides(sheetNamed(grids, CALENDAR_SHEET_NAME));
  const calendar = createCalendar(overrides);
  const checked = checkItems(items, { settings, calendar, today, columns: layout.columns, readIssues });
  const dates = dateCellIssues(grid, layout, items);
  const issues = [
    ...sortIssues([...readIssues, ...dates, ...checked], layout.columns),
    ...settingsIssues,
    ...calendarIssues,
  ];
  return { layout, items, issues, settings, calendar };
}
