/**
 * Reading the ledger over time for analysis, accountability and archive: the registry (with
 * 设置, 工作日历 and the archive sheets, in loadRegistry's one read), then the 催办记录 and
 * 问责记录 sheets in one more read when the workbook has them.
 *
 * loadRegistry reads every ledger sheet (one per year); the archive sheets (`2021年归档`) are
 * not ledgers in use, so their items are read here and added to `allItems`.
 */
import type { IsoDate, SheetGrid } from "../domain/cell";
import type { RegistryItem } from "../domain/model";
import { findSheetName } from "../domain/sheet-name";
import { readRemindLog, REMIND_LOG_SHEET, type RemindLog } from "../domain/documents/remind-log";
import { ACCOUNTABILITY_LOG_SHEET, readAccountabilityLog, type AccountabilityLog } from "../domain/accountability/log";
import { readArchives, type ArchivedSheet } from "../domain/archive/sheets";
import type { SuggestionInput } from "../domain/accountability/suggest";
import type { WorkbookPort } from "./port";
import { loadRegistry, type LoadedRegistry } from "./registry";

/** A log sheet as found in the workbook. */
export interface FoundLog<L> {
  readonly sheet: string;
  readonly grid: SheetGrid;
  readonly log: L;
}

export interface LoadedLedger extends LoadedRegistry {
  readonly archives: readonly ArchivedSheet[];
  /** Every item the workbook holds: every ledger sheet's, then each archive sheet's. */
  readonly allItems: readonly RegistryItem[];
  readonly remind: FoundLog<RemindLog> | null;
  readonly accountability: FoundLog<AccountabilityLog> | null;
}

/**
 * Reads the registry, the archive sheets and the two logs: two port reads at most.
 * @example const { allItems, remind, accountability } = await loadLedger(port, "2021-08-02")
 */
export async function loadLedger(port: WorkbookPort, today: IsoDate): Promise<LoadedLedger> {
  const loaded = await loadRegistry(port, today);
  const remindName = findSheetName(REMIND_LOG_SHEET, loaded.sheetNames);
  const accountabilityName = findSheetName(ACCOUNTABILITY_LOG_SHEET, loaded.sheetNames);
  const wanted = [remindName, accountabilityName].filter((n): n is string => n !== undefined);
  const missing = wanted.filter((n) => !loaded.grids.some((g) => g.name === n));
  const extra = missing.length > 0 ? await port.readSheets(missing) : [];
  const grids = [...loaded.grids, ...extra];
  const gridOf = (name: string | undefined) => (name === undefined ? undefined : grids.find((g) => g.name === name));
  const remindGrid = gridOf(remindName);
  const accountabilityGrid = gridOf(accountabilityName);
  const archives = readArchives(loaded.grids.filter((g) => g.name !== loaded.layout.sheetName));
  return {
    ...loaded,
    archives,
    allItems: [...loaded.allItems, ...archives.flatMap((a) => a.items)],
    remind: remindGrid ? { sheet: remindGrid.name, grid: remindGrid, log: readRemindLog(remindGrid) } : null,
    accountability: accountabilityGrid
      ? { sheet: accountabilityGrid.name, grid: accountabilityGrid, log: readAccountabilityLog(accountabilityGrid) }
      : null,
  };
}

/**
 * What the accountability suggestions and the analysis figures look at besides the items, from a
 * ledger read on `today`: the calendar, the warning threshold and the two logs' entries.
 * @example suggestMeasures({ ...followUpOf(ledger, today), items: ledger.items })
 */
export function followUpOf(ledger: LoadedLedger, today: IsoDate) {
  return {
    today,
    calendar: ledger.calendar,
    warningDays: ledger.settings.warningDays,
    urgings: ledger.remind?.log.entries ?? [],
    records: ledger.accountability?.log.entries ?? [],
  } satisfies Omit<SuggestionInput, "items">;
}
