/**
 * Use case: a new registry workbook a new office can start typing into (duban init): the
 * 督办事项登记表 with its title and all headers, then everything refresh sets up — 设置 with
 * the policy's routing, 工作日历, 督办看板, the 状态 formula, lists and colours.
 */
import { newRegistrySheetPlan } from "../domain/setup-plan";
import { runRefresh, type RefreshResult } from "./refresh";
import type { SetupChange } from "./setup-port";

/**
 * Sets up a new registry in an empty workbook: the registry sheet through `target`, then
 * runRefresh with the same arguments; the result lists every change of both steps.
 * @example const result = await runInit(book, xlsxSetupTarget(book.workbook), "2026-11-26")
 */
export async function runInit(...refresh: Parameters<typeof runRefresh>): Promise<RefreshResult> {
  const [, target] = refresh;
  const skeleton = await target.applySetupPlan({ sheets: [newRegistrySheetPlan()], names: [], notes: [] });
  const refreshed = await runRefresh(...refresh);
  const merged = new Map<string, SetupChange>();
  for (const c of [...skeleton.changes, ...refreshed.outcome.changes]) {
    const key = `${c.sheet}\u0000${c.kind}`;
    const prev = merged.get(key);
    merged.set(key, { ...c, count: (prev?.count ?? 0) + c.count });
  }
  return {
    ...refreshed,
    outcome: { changes: [...merged.values()], conflicts: [...skeleton.conflicts, ...refreshed.outcome.conflicts] },
    unchanged: false,
    created: true,
  };
}
