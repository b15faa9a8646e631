/** Use case: check the registry for defects (duban check, the task pane's 检查). */
import type { IsoDate } from "../domain/cell";
import type { Issue, RegistryItem } from "../domain/model";
import type { WorkbookPort } from "./port";
import { loadRegistry } from "./registry";

export interface CheckResult {
  /** Number of items (registry rows holding data). */
  readonly rows: number;
  /** Problems found, in the engine's order: registry rows, then the 设置 and 工作日历 sheets. */
  readonly issues: readonly Issue[];
  readonly items: readonly RegistryItem[];
  readonly sheetName: string;
}

/**
 * Reads the registry and reports its defects. Being overdue is a status, not a defect.
 * @example const { rows, issues } = await runCheck(port, "2026-11-25")
 */
export async function runCheck(port: WorkbookPort, today: IsoDate): Promise<CheckResult> {
  const { items, issues, layout } = await loadRegistry(port, today);
  return { rows: items.length, issues, items, sheetName: layout.sheetName };
}

/** True when any issue is an error (exit 1 of `duban check`). */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}
