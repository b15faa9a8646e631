/**
 * Use case: refresh the workbook's Excel-native setup (duban refresh; the add-in's 刷新).
 * Reads the workbook, builds the setup plan from the engine's reading of it, applies the plan
 * and reports what was added or changed, what was left alone and what the person should know.
 */
import type { IsoDate } from "../domain/cell";
import { buildSetupPlan, type PlanNote, type SetupPlan } from "../domain/setup-plan";
import type { WorkbookPort } from "./port";
import { loadRegistry, type LedgerOptions } from "./registry";
import type { SetupOutcome, SetupTarget } from "./setup-port";

export interface RefreshOptions extends LedgerOptions {
  /**
   * The formulas' expression for today: TODAY() (default). Only for verification: a fixed
   * DATE(y,m,d) makes a spreadsheet program evaluate the workbook as of that day.
   */
  readonly todayFormula?: string;
}

export interface RefreshResult {
  /** The first ledger sheet set up. */
  readonly sheetName: string;
  /** Every ledger sheet set up, with the extension columns added to it. */
  readonly ledgers: readonly { readonly sheet: string; readonly addedColumns: readonly string[] }[];
  readonly outcome: SetupOutcome;
  readonly notes: readonly PlanNote[];
  /** Extension columns added to the first ledger sheet (empty when it had them all). */
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
  const loaded = await loadRegistry(port, today, options.sheet === undefined ? {} : { sheet: options.sheet });
  const setUp = new Set(loaded.ledgers);
  const plan = buildSetupPlan({
    grids: loaded.grids,
    analysis: { ...loaded, otherLedgers: loaded.allLedgers.filter((l) => !setUp.has(l)) },
    today,
    ...(options.todayFormula ? { todayFormula: options.todayFormula } : {}),
  });
  const outcome = await target.applySetupPlan(plan);
  return {
    sheetName: plan.registry.sheet,
    ledgers: plan.registries.map((r) => ({ sheet: r.sheet, addedColumns: r.addedColumns })),
    outcome,
    notes: plan.notes,
    addedColumns: plan.registry.addedColumns,
    calendarYears: plan.calendarYears,
    plainRangeReason: plan.registry.plainRangeReason,
    unchanged: outcome.changes.length === 0,
    created: false,
  };
}
