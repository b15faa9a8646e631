/** Use case: check the registry for defects (duban check, the task pane's 检查). */
import type { IsoDate } from "../domain/cell";
import type { Analysis } from "../domain/analyze";
import type { Issue } from "../domain/model";
import type { WorkbookPort } from "./port";
import { loadRegistry, type LedgerOptions } from "./registry";

/** The analysis's issues, items and ledger readings (as `Analysis` tells them), with a count and a name. */
export interface CheckResult extends Pick<Analysis, "issues" | "items" | "ledgers"> {
  /** Number of items (across every ledger sheet checked). */
  readonly rows: number;
  /** The first ledger sheet. */
  readonly sheetName: string;
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
