/**
 * One pass over a workbook's sheets: find every ledger sheet (one per year, or one 督办事项登记表),
 * read their rows, read the 设置 and 工作日历 sheets, build the working calendar and check
 * everything — numbers unique across all ledgers.
 */
import type { IsoDate, SheetGrid } from "./cell";
import { createCalendar, type WorkingCalendar } from "./calendar";
import { CALENDAR_SHEET_NAME } from "./calendar-sheet";
import { checkLedgers } from "./checks";
import { dateCellIssues } from "./date-cells";
import type { Issue, LedgerReading, RegistryItem, RegistryLayout, Settings } from "./model";
import { locateRegistries, readRegistry } from "./registry";
import { readCalendarOverrides } from "./calendar-read";
import { SETTINGS_SHEET_NAME, readSettings } from "./settings";

export interface Analysis {
  /** The first ledger's layout (the sheet named 督办事项登记表, else the first ledger sheet). */
  readonly layout: RegistryLayout;
  /** Every ledger sheet read, in reading order (the first is `layout`'s). */
  readonly ledgers: readonly LedgerReading[];
  /** Every ledger sheet of the workbook, also when `options.sheet` narrows `ledgers`. */
  readonly allLedgers: readonly LedgerReading[];
  /** The items of every ledger, sheet by sheet, top to bottom; each carries its sheet. */
  readonly items: readonly RegistryItem[];
  /** The items of every ledger of the workbook, also when `options.sheet` narrows `items`. */
  readonly allItems: readonly RegistryItem[];
  /**
   * Problems of the ledgers' rows (sheet by sheet, each sorted by row, then column), followed
   * by those of the 设置 sheet (column "设置") and of the 工作日历 sheet (column "工作日历").
   * Every issue carries its sheet.
   */
  readonly issues: readonly Issue[];
  readonly settings: Settings;
  readonly calendar: WorkingCalendar;
}

export interface AnalyzeOptions {
  /**
   * Only this ledger sheet (name compared trimmed): its items and issues. Numbers still count
   * across every ledger (a number used on another sheet is taken), so the other ledgers are
   * read all the same.
   */
  readonly sheet?: string;
}

/** The sheet of that name (names compared after trimming). */
function sheetNamed(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name.trim() === name);
}

/** Issues of a sheet, marked with it. */
function onSheet(issues: readonly Issue[], sheet: string | undefined): Issue[] {
  return sheet === undefined ? [...issues] : issues.map((i) => ({ ...i, sheet }));
}

/**
 * Locates and reads every ledger, reads the 设置 and 工作日历 sheets (defaults when absent),
 * builds the calendar from the official data and the sheet's overrides, and runs every check.
 * Null when no sheet is a ledger, or when `options.sheet` names no ledger.
 * @example
 * analyzeRegistry(grids, "2021-06-01")?.issues
 *   // [{ sheet: "督办事项登记表", row: 5, column: "要求完成时间", code: "deadline-before-issue", … }, …]
 */
export function analyzeRegistry(
  grids: readonly SheetGrid[],
  today: IsoDate,
  options: AnalyzeOptions = {},
): Analysis | null {
  const read = locateRegistries(grids).flatMap((layout) => {
    const grid = grids.find((g) => g.name === layout.sheetName);
    if (grid === undefined) return [];
    const r = readRegistry(grid, layout);
    // Dates typed as text or as yyyymmdd numbers: read, but a warning with the date as fix.
    const dates = dateCellIssues(grid, layout, r.items).map((i) => ({ ...i, sheet: grid.name }));
    return [{ ...r, issues: [...r.issues, ...dates] }];
  });
  if (read.length === 0) return null;
  const settingsGrid = sheetNamed(grids, SETTINGS_SHEET_NAME);
  const calendarGrid = sheetNamed(grids, CALENDAR_SHEET_NAME);
  const { settings, issues: settingsIssues } = readSettings(settingsGrid);
  const { overrides, issues: calendarIssues } = readCalendarOverrides(calendarGrid);
  const calendar = createCalendar(overrides);
  const checked = checkLedgers(
    read.map((r) => ({
      sheet: r.reading.layout.sheetName,
      items: r.items,
      columns: r.reading.layout.columns,
      readIssues: r.issues,
    })),
    { settings, calendar, today },
  );
  const wanted = options.sheet?.trim();
  const allLedgers = read.map((r) => r.reading);
  const ledgers = allLedgers.filter((l) => wanted === undefined || l.layout.sheetName.trim() === wanted);
  if (ledgers.length === 0) return null;
  const names = new Set(ledgers.map((l) => l.layout.sheetName));
  const issues = [
    ...checked.filter((i) => i.sheet !== undefined && names.has(i.sheet)),
    ...onSheet(settingsIssues, settingsGrid?.name),
    ...onSheet(calendarIssues, calendarGrid?.name),
  ];
  const items = ledgers.flatMap((l) => [...l.items]);
  const allItems = read.flatMap((r) => r.items);
  return { layout: ledgers[0].layout, ledgers, allLedgers, items, allItems, issues, settings, calendar };
}
