/**
 * The workbook's defined names of a setup plan through Office.js: a name is added or pointed
 * at its planned range when it differs (queued before the cells, so the formulas written in
 * the same batch find their names), and the names of earlier versions that nothing reads any
 * more are deleted once the formulas that used them are replaced (after the cells). Only names
 * the read found are touched: no call on an object that may not exist.
 */
import { sheetRangeRef } from "../../domain/a1-ref";
import type { WorkbookPlan } from "../../domain/setup-plan";
import type { SetupChangeLog } from "../../app/setup-port";
import { plainReference } from "../../domain/a1-ref";
import { queued, type Queued } from "./setup-write";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";

/**
 * Queues the names' writes: additions and changes into `pre`, deletions into `post`.
 * @example nameWrites(context, plan, loadedNames, log, pre, post)
 */
export function nameWrites(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  names: ReadonlyMap<string, string>,
  log: SetupChangeLog,
  pre: Queued[],
  post: Queued[],
): void {
  let changed = 0;
  for (const n of plan.names) {
    const ref = sheetRangeRef(n.sheet, n.range);
    const current = names.get(n.name.toLowerCase());
    if (current !== undefined && plainReference(current) === plainReference(ref)) continue;
    changed += 1;
    pre.push(
      queued(ACTION_OVERHEAD_BYTES + jsonBytes(ref), () => {
        if (current === undefined) context.workbook.names.add(n.name, `=${ref}`);
        else context.workbook.names.getItem(n.name).formula = `=${ref}`;
      }),
    );
  }
  const planned = new Set(plan.names.map((n) => n.name.toLowerCase()));
  for (const name of plan.obsoleteNames ?? []) {
    if (planned.has(name.toLowerCase()) || !names.has(name.toLowerCase())) continue;
    changed += 1;
    post.push(queued(ACTION_OVERHEAD_BYTES, () => context.workbook.names.getItem(name).delete()));
  }
  log.add("", "names", changed);
}
