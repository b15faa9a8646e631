/**
 * Reading the registry for a use case: the registry sheet, 设置 and 工作日历 in one readSheets
 * call, then the engine's analysis. When the workbook has no sheet named 督办事项登记表 the
 * registry is found by its headers, so every sheet is read (still one call); only when the
 * named sheet turns out to hold no registry is a second call needed.
 */
import type { IsoDate, SheetGrid } from "../domain/cell";
import { analyzeRegistry, type Analysis } from "../domain/analyze";
import { CALENDAR_SHEET_NAME } from "../domain/calendar-sheet";
import { REGISTRY_SHEET_NAME } from "../domain/registry";
import { SETTINGS_SHEET_NAME } from "../domain/settings";
import { archiveYearOf } from "../domain/archive/sheets";
import type { WorkbookPort } from "./port";
import { AppError } from "./errors";

/** What analyzeRegistry found, plus the grids it was read from and the workbook's sheet names. */
export interface LoadedRegistry extends Analysis {
  readonly grids: readonly SheetGrid[];
  readonly sheetNames: readonly string[];
}

/**
 * The sheets to read first: the one named 督办事项登记表 with 设置, 工作日历 and the archive
 * sheets (`2021年归档`: their numbers stay taken) when it exists (names compared trimmed, as
 * the engine does), else all of them.
 * @example sheetsToRead(["督办事项登记表", "设置", "通知单", "2021年归档"]) // ["督办事项登记表", "设置", "2021年归档"]
 */
export function sheetsToRead(names: readonly string[]): string[] {
  const wanted = new Set([REGISTRY_SHEET_NAME, SETTINGS_SHEET_NAME, CALENDAR_SHEET_NAME]);
  if (!names.some((n) => n.trim() === REGISTRY_SHEET_NAME)) return [...names];
  return names.filter((n) => wanted.has(n.trim()) || archiveYearOf(n) !== null);
}

/**
 * Reads and analyses the workbook's registry; throws AppError("no-registry") when no sheet
 * holds one.
 * @example const { items, issues, layout } = await loadRegistry(port, "2026-11-25")
 */
export async function loadRegistry(port: WorkbookPort, today: IsoDate): Promise<LoadedRegistry> {
  const names = await port.sheetNames();
  const first = sheetsToRead(names);
  let grids = await port.readSheets(first);
  let analysis = analyzeRegistry(grids, today);
  if (!analysis && first.length < names.length) {
    grids = await port.readSheets(names);
    analysis = analyzeRegistry(grids, today);
  }
  if (!analysis) throw new AppError("no-registry");
  return { ...analysis, grids, sheetNames: names };
}
