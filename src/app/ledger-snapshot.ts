/**
 * Use case: the ledger as the task pane shows it — every item of every ledger sheet with its
 * status and working days, the issues with the cell each one is about, the counts of the 概览,
 * the settings and the calendar overrides — from one read of the workbook (loadRegistry: one
 * readSheets call).
 *
 * A classified item's content (密级 秘密/机密/绝密, GB/T 9704 marks included) never leaves the
 * workbook: the snapshot carries it blank, with `classified` set.
 */
import type { IsoDate, SheetGrid } from "../domain/cell";
import type { CalendarOverride } from "../domain/calendar";
import { isClassified } from "../domain/checks";
import type { ColumnKey } from "../domain/columns";
import type { Issue, RegistryItem, RegistryLayout, Settings, Status } from "../domain/model";
import { summarizeStatuses, type Overview } from "../domain/overview";
import { HEADER_OF } from "../domain/registry";
import { readCalendarOverrides } from "../domain/calendar-read";
import { CALENDAR_ISSUE_COLUMN, CALENDAR_SHEET_NAME } from "../domain/calendar-sheet";
import { SETTINGS_ISSUE_COLUMN, SETTINGS_SHEET_NAME } from "../domain/settings";
import { classifyItem } from "../domain/status";
import type { WorkbookPort } from "./port";
import { loadRegistry } from "./registry";

/** One item as the pane lists it. */
export interface LedgerItem {
  /** The ledger sheet the item is on. */
  readonly sheet: string;
  /** 1-based sheet row (the first row of an item over several rows). */
  readonly row: number;
  /** The last row of the item (the same as `row` unless it spans several rows). */
  readonly lastRow: number;
  /** The last column of the item's ledger header (selecting the item selects columns 1…lastCol). */
  readonly lastCol: number;
  /** 督办事项编号 as written ("" when blank). */
  readonly number: string;
  /** 督办事项内容; "" for a classified item. */
  readonly content: string;
  readonly classified: boolean;
  readonly section: string;
  readonly hostUnit: string;
  readonly issuedOn: IsoDate | null;
  readonly dueOn: IsoDate | null;
  readonly extendedTo: IsoDate | null;
  readonly closedOn: IsoDate | null;
  readonly result: string;
  readonly extensionApprover: string;
  readonly status: Status;
  /** Effective deadline (延期至, else 要求完成时间). */
  readonly deadline: IsoDate | null;
  readonly workingDaysLeft: number | null;
}

/** An issue and the cell it is about (col null when the column is not on the sheet). */
export interface LocatedIssue extends Issue {
  readonly sheet: string;
  readonly col: number | null;
}

export interface LedgerSnapshot {
  readonly today: IsoDate;
  /** The first ledger sheet (the one named 督办事项登记表, else the first). */
  readonly sheetName: string;
  /** Every ledger sheet, in reading order. */
  readonly ledgerSheets: readonly string[];
  readonly headerRow: number;
  /** 1-based column of each registry column the first ledger sheet has. */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  readonly items: readonly LedgerItem[];
  readonly issues: readonly LocatedIssue[];
  readonly overview: Overview<LedgerItem>;
  readonly settings: Settings;
  /** The 工作日历 sheet's user rows, as the engine reads them. */
  readonly calendarOverrides: readonly CalendarOverride[];
  /** Whether the workbook has the 设置 / 工作日历 sheets (刷新 creates them). */
  readonly hasSettingsSheet: boolean;
  readonly hasCalendarSheet: boolean;
}

function sheetNamed(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name.trim() === name);
}

/** Column of each header (no white space) in a ledger's layout. */
function columnsByHeader(layout: RegistryLayout): Map<string, number> {
  const byHeader = new Map<string, number>();
  for (const [key, col] of Object.entries(layout.columns)) byHeader.set(HEADER_OF[key as ColumnKey], col);
  return byHeader;
}

/** The last column of a ledger's header. */
function lastColumn(layout: RegistryLayout): number {
  return Math.max(1, ...Object.values(layout.columns).map((c) => c ?? 0));
}

/** The sheet and column an issue is about (col null on 设置 / 工作日历, or a column the sheet lacks). */
function locate(
  issue: Issue,
  firstSheet: string,
  columnsOf: ReadonlyMap<string, Map<string, number>>,
  grids: readonly SheetGrid[],
): LocatedIssue {
  const side =
    issue.column === SETTINGS_ISSUE_COLUMN
      ? SETTINGS_SHEET_NAME
      : issue.column === CALENDAR_ISSUE_COLUMN
        ? CALENDAR_SHEET_NAME
        : null;
  if (side !== null) return { ...issue, sheet: issue.sheet ?? sheetNamed(grids, side)?.name ?? side, col: null };
  const sheet = issue.sheet ?? firstSheet;
  return { ...issue, sheet, col: columnsOf.get(sheet)?.get(issue.column) ?? null };
}

function ledgerItem(item: RegistryItem, lastCol: number, status: ReturnType<typeof classifyItem>): LedgerItem {
  const classified = isClassified(item);
  return {
    sheet: item.sheet,
    row: item.row,
    lastRow: item.lastRow ?? item.row,
    lastCol,
    number: item.number,
    content: classified ? "" : item.content,
    classified,
    section: item.section,
    hostUnit: item.hostUnit !== "" ? item.hostUnit : item.hostHead,
    issuedOn: item.issuedOn,
    dueOn: item.dueOn,
    extendedTo: item.extendedTo,
    closedOn: item.closedOn,
    result: item.result,
    extensionApprover: item.extensionApprover,
    status: status.status,
    deadline: status.deadline,
    workingDaysLeft: status.workingDaysLeft,
  };
}

/**
 * Reads the workbook once and gives everything the pane's views show.
 * @example const ledger = await readLedger(port, "2026-12-02"); ledger.overview.counts.逾期 // 2
 */
export async function readLedger(port: WorkbookPort, today: IsoDate): Promise<LedgerSnapshot> {
  const { items, issues, settings, calendar, layout, ledgers, grids } = await loadRegistry(port, today);
  const columnsOf = new Map(ledgers.map((l) => [l.layout.sheetName, columnsByHeader(l.layout)] as const));
  const lastColOf = new Map(ledgers.map((l) => [l.layout.sheetName, lastColumn(l.layout)] as const));
  const ledgerItems = items.map((item) =>
    ledgerItem(item, lastColOf.get(item.sheet) ?? 1, classifyItem(item, today, calendar, settings.warningDays)),
  );
  return {
    today,
    sheetName: layout.sheetName,
    ledgerSheets: ledgers.map((l) => l.layout.sheetName),
    headerRow: layout.headerRow,
    columns: layout.columns,
    items: ledgerItems,
    issues: issues.map((issue) => locate(issue, layout.sheetName, columnsOf, grids)),
    overview: summarizeStatuses(ledgerItems),
    settings,
    calendarOverrides: readCalendarOverrides(sheetNamed(grids, CALENDAR_SHEET_NAME)).overrides,
    hasSettingsSheet: sheetNamed(grids, SETTINGS_SHEET_NAME) !== undefined,
    hasCalendarSheet: sheetNamed(grids, CALENDAR_SHEET_NAME) !== undefined,
  };
}
