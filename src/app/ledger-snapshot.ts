/**
 * Use case: the ledger as the task pane shows it — every item with its status and working days,
 * the issues with the cell each one is about, the counts of the 概览, the settings and the
 * calendar overrides — from one read of the workbook (loadRegistry: one readSheets call).
 *
 * A classified item's content (密级 秘密/机密/绝密) never leaves the workbook: the snapshot
 * carries it blank, with `classified` set.
 */
import type { IsoDate, SheetGrid } from "../domain/cell";
import type { CalendarOverride } from "../domain/calendar";
import { CALENDAR_SHEET_NAME } from "../domain/calendar-sheet";
import { CLASSIFIED_VALUES, normalizeHeader, type ColumnKey } from "../domain/columns";
import type { Issue, RegistryItem, Settings, Status } from "../domain/model";
import { summarizeStatuses, type Overview } from "../domain/overview";
import { HEADER_OF } from "../domain/registry";
import {
  CALENDAR_ISSUE_COLUMN,
  readCalendarOverrides,
  SETTINGS_ISSUE_COLUMN,
  SETTINGS_SHEET_NAME,
} from "../domain/settings";
import { classifyItem } from "../domain/status";
import type { WorkbookPort } from "./port";
import { loadRegistry } from "./registry";

/** One item as the pane lists it. */
export interface LedgerItem {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
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
  readonly sheetName: string;
  readonly headerRow: number;
  /** 1-based column of each registry column the sheet has. */
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

const CLASSIFIED: ReadonlySet<string> = new Set(CLASSIFIED_VALUES);

/**
 * True when an item's 密级 is 秘密, 机密 or 绝密 (marks such as 秘密★1年 count as their level).
 * @example isClassifiedLevel("机密★长期") // true
 */
export function isClassifiedLevel(secrecy: string): boolean {
  const level = normalizeHeader(secrecy).split("★")[0];
  return CLASSIFIED.has(level);
}

function sheetNamed(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name.trim() === name);
}

/** The sheet and column an issue is about. */
function locate(
  issue: Issue,
  sheetName: string,
  columnOf: ReadonlyMap<string, number>,
  grids: readonly SheetGrid[],
): LocatedIssue {
  if (issue.column === SETTINGS_ISSUE_COLUMN) {
    return { ...issue, sheet: sheetNamed(grids, SETTINGS_SHEET_NAME)?.name ?? SETTINGS_SHEET_NAME, col: null };
  }
  if (issue.column === CALENDAR_ISSUE_COLUMN) {
    return { ...issue, sheet: sheetNamed(grids, CALENDAR_SHEET_NAME)?.name ?? CALENDAR_SHEET_NAME, col: null };
  }
  return { ...issue, sheet: sheetName, col: columnOf.get(issue.column) ?? null };
}

function ledgerItem(item: RegistryItem, sheet: string, status: ReturnType<typeof classifyItem>): LedgerItem {
  const classified = isClassifiedLevel(item.secrecy);
  return {
    sheet,
    row: item.row,
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
  const { items, issues, settings, calendar, layout, grids } = await loadRegistry(port, today);
  const sheet = layout.sheetName;
  const ledgerItems = items.map((item) =>
    ledgerItem(item, sheet, classifyItem(item, today, calendar, settings.warningDays)),
  );
  const columnOf = new Map<string, number>();
  for (const [key, col] of Object.entries(layout.columns)) columnOf.set(HEADER_OF[key as ColumnKey], col);
  return {
    today,
    sheetName: sheet,
    headerRow: layout.headerRow,
    columns: layout.columns,
    items: ledgerItems,
    issues: issues.map((issue) => locate(issue, sheet, columnOf, grids)),
    overview: summarizeStatuses(ledgerItems),
    settings,
    calendarOverrides: readCalendarOverrides(sheetNamed(grids, CALENDAR_SHEET_NAME)).overrides,
    hasSettingsSheet: sheetNamed(grids, SETTINGS_SHEET_NAME) !== undefined,
    hasCalendarSheet: sheetNamed(grids, CALENDAR_SHEET_NAME) !== undefined,
  };
}
