/** Use case: check the registry for defects (duban check, the task pane's 检查). */
import type { IsoDate } from "../domain/cell";
import type { Issue, LedgerReading, RegistryItem } from "../domain/model";
import type { WorkbookPort } from "./port";
import { loadRegistry, type LedgerOptions } from "./registry";

export interface CheckResult {
  /** Number of items (across every ledger sheet checked). */
  readonly rows: number;
  /**
   * Problems found, in the engine's order: each ledger sheet's rows, then the 设置 and 工作日历
   * sheets. Every issue carries its sheet.
   */
  readonly issues: readonly Issue[];
  readonly items: readonly RegistryItem[];
  /** The first ledger sheet. */
  readonly sheetName: string;
  /** How each ledger sheet was read: header band, columns, skipped and continuation rows. */
  readonly ledgers: readonly LedgerReading[];
}

/**
 * Reads the ledgers and reports their defects. Being overdue is a status, not a defect.
 * @example const { rows, issues, ledgers } = await runCheck(port, "2026-11-25")
 */
export async function runCheck(port: WorkbookPort, today: IsoDate, options: LedgerOptions = {}): Promise<CheckResult> {
  const { items, issues, layout, ledgers } = await loadRegistry(port, today, options);
  return { rows: items.length, issues, items, sheetName: layout.sheetName, ledgers };
}

/** True when any issue is an error (exit 1 of `duban check`). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}
