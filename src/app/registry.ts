/**
 * Reading the registry for a use case: every sheet that may be a ledger, with 设置 and 工作日历,
 * in one readSheets call, then the engine's analysis. Sheets the add-in generates (操作日志,
 * 督办看板, 催办记录, 通知单…, 书面报告…, 催办提示单…) are never ledgers and are not read; the
 * archive sheets (`2021年归档`) are read, not as ledgers, for the numbers they keep taken.
 */
import type { IsoDate, SheetGrid } from "../domain/cell";
import { analyzeRegistry, type Analysis } from "../domain/analyze";
import { DASHBOARD_SHEET_NAME } from "../domain/dashboard-plan";
import { SHEET_PREFIX } from "../domain/documents/common";
import { REMIND_LOG_SHEET } from "../domain/documents/remind-log";
import { locateRegistries } from "../domain/registry";
import { OPERATION_LOG_SHEET } from "../domain/operation-log";
import type { WorkbookPort } from "./port";
import { AppError } from "./errors";

/** What analyzeRegistry found, plus the grids it was read from and the workbook's sheet names. */
export interface LoadedRegistry extends Analysis {
  readonly grids: readonly SheetGrid[];
  readonly sheetNames: readonly string[];
}

/** What a use case may narrow its reading to. */
export interface LedgerOptions {
  /** Only this ledger sheet (`--sheet NAME`); numbers still count across every ledger. */
  readonly sheet?: string;
}

const GENERATED: ReadonlySet<string> = new Set([OPERATION_LOG_SHEET, DASHBOARD_SHEET_NAME, REMIND_LOG_SHEET]);
const DOCUMENT_PREFIXES: readonly string[] = Object.values(SHEET_PREFIX);

/**
 * The sheets to read: all but those the add-in generates (names compared trimmed). The
 * archive sheets (`2021年归档`) are read too: their numbers stay taken.
 * @example sheetsToRead(["督办事项登记表", "设置", "通知单〔2021〕3号", "操作日志"]) // ["督办事项登记表", "设置"]
 */
export function sheetsToRead(names: readonly string[]): string[] {
  return names.filter((n) => {
    const name = n.trim();
    return !GENERATED.has(name) && !DOCUMENT_PREFIXES.some((p) => name.startsWith(p));
  });
}

/**
 * Reads and analyses the workbook's ledgers; throws AppError("no-registry") when no sheet
 * holds one, AppError("no-such-ledger") when `options.sheet` names no ledger sheet.
 * @example const { items, issues, layout, ledgers } = await loadRegistry(port, "2026-11-25")
 */
export async function loadRegistry(
  port: WorkbookPort,
  today: IsoDate,
  options: LedgerOptions = {},
): Promise<LoadedRegistry> {
  const names = await port.sheetNames();
  const grids = await port.readSheets(sheetsToRead(names));
  const analysis = analyzeRegistry(grids, today, options.sheet === undefined ? {} : { sheet: options.sheet });
  if (!analysis) {
    const ledgers = locateRegistries(grids).map((l) => l.sheetName);
    if (options.sheet !== undefined && ledgers.length > 0) {
      throw new AppError("no-such-ledger", { sheet: options.sheet, ledgers: ledgers.join("、") });
    }
    throw new AppError("no-registry");
  }
  return { ...analysis, grids, sheetNames: names };
}
