/**
 * Use case: refresh the workbook's Excel-native setup (duban refresh; the add-in's 刷新).
 * Reads the workbook, builds the setup plan from the engine's reading of it, applies the plan
 * and reports what was added or changed, what was left alone and what the person should know.
 */
import type { IsoDate } from "../domain/cell";
import { buildSetupPlan, type PlanNote, type SetupPlan } from "../domain/setup-plan";
import type { WorkbookPort } from "./port";
import { loadRegistry } from "./registry";
import type { SetupOutcome, SetupTarget } from "./setup-port";

export interface RefreshOptions {
  /**
   * The formulas' expression for today: TODAY() (default). Only for verification: a fixed
   * DATE(y,m,d) makes a spreadsheet program evaluate the workbook as of that day.
   */
  readonly todayFormula?: string;
}

export interface RefreshResult {
  readonly sheetName: string;
  readonly outcome: SetupOutcome;
  readonly notes: readonly PlanNote[];
  /** Extension columns added to the registry (empty when it had them all). */
  readonly addedColumns: readonly string[];
  readonly calendarYears: SetupPlan["calendarYears"];
  readonly plainRangeReason: string;
  /** True when the workbook already matched: nothing was written. */
  readonly unchanged: boolean;
  /** True when the registry was created (duban init), not refreshed. */
  readonly created: boolean;
}

/**
 * Refreshes the setup of the workbook behind `port`, applying through `target`.
 * @example const result = await runRefresh(book, xlsxSetupTarget(book.workbook), "2026-11-26")
 *   // result.outcome.changes → [{ sheet: "工作日历", kind: "sheet-created", count: 1 }, …]
 */
export async function runRefresh(
  port: WorkbookPort,
  target: SetupTarget,
  today: IsoDate,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const loaded = await loadRegistry(port, today);
  const plan = buildSetupPlan({
    grids: loaded.grids,
    analysis: loaded,
    today,
    ...(options.todayFormula ? { todayFormula: options.todayFormula } : {}),
  });
  const outcome = await target.applySetupPlan(plan);
  return {
    sheetName: plan.registry.sheet,
    outcome,
    notes: plan.notes,
    addedColumns: plan.registry.addedColumns,
    calendarYears: plan.calendarYears,
    plainRangeReason: plan.registry.plainRangeReason,
    unchanged: outcome.changes.length === 0,
    created: false,
  };
}
