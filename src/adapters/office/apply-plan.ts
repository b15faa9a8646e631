/**
 * Applies a workbook setup plan (src/domain/setup-plan.ts) through Office.js — the SetupTarget
 * of the add-in's 刷新 and 新建台账. Same rules as the xlsx adapter (apply-plan.ts there): a
 * planned cell is written by its FillMode only, a typed value is never changed but reported,
 * and every step compares first, so applying a plan twice changes nothing the second time.
 *
 * One operation, bounded round trips: the sheet names (known already when the registry was
 * read), the reads in two waves — everything the plan compares (setup-read.ts), then, with the
 * last batch of those reads when there are several, the ranges of the add-in's own conditional
 * formats found in the first (setup-formats.ts) — and the writes, sent at once in batches under
 * the request budget, a batch refused as too large split and sent again (send-items.ts): new
 * sheets and names, cells with their 操作日志 rows, looks, number formats, validation,
 * conditional formats, frozen panes, column widths, print settings checked after writing.
 * Events are off around the writes.
 *
 * Column formulas (the 状态 column and its helpers, the calendar's running count) go as one R1C1
 * formula per run through formulasR1C1 (r1c1.ts), so 10,000 status formulas cost one string.
 */
import type { WorkbookPlan } from "../../domain/setup-plan";
import { findSheetName } from "../../domain/sheet-name";
import { SetupChangeLog, type SetupOutcome } from "../../app/setup-port";
import { supports } from "./requirements";
import type { SetupHost } from "./setup-host";
import { formatRangeReads } from "./setup-formats";
import { nameWrites } from "./setup-names";
import { namesRead, sheetReads, toBatches } from "./setup-read";
import { planSheetWrites, type Features, type SheetTarget, type WriteSet } from "./setup-sheet";
import { queueWrites } from "./setup-write";
import { isPayloadTooLarge } from "./size";
import { officeCodeOf } from "./errors";
import { batchOf, type Batch } from "./batches";

/** Said once per refresh when the host cannot set page layout (ExcelApi 1.9). */
export const PRINT_SETUP_FALLBACK =
  "此版本 Excel 不支持由加载项设置打印（需 Excel 2021 或 Microsoft 365，ExcelApi 1.9）：登记表和督办看板的打印区域、" +
  "打印标题行、A4 横向与“调整为一页宽”未设置。请在 Excel 2021/Microsoft 365 中再次刷新，或在电脑上运行 duban refresh 设置打印。";

/** A read refused as too large (or, on older Excel on the web, failing with GeneralException). */
function tooLarge(error: unknown): boolean {
  return isPayloadTooLarge(error) || officeCodeOf(error) === "GeneralException";
}

/**
 * Reads what the plan compares, in two waves; returns the defined names (lower-case name →
 * formula). The second wave — the last batch of the first reads when there are several, and
 * the ranges of the add-in's own conditional formats — is one sync.
 */
async function readWorkbook(
  host: SetupHost,
  targets: readonly SheetTarget[],
  features: Features,
  withNames: boolean,
  pessimistic: boolean,
): Promise<Map<string, string>> {
  const names = namesRead(host.context);
  const items = withNames ? [...names.items] : [];
  for (const t of targets) {
    t.read = null;
    if (!t.exists) continue;
    const options = { grid: host.cachedGrid(t.name), pessimistic, ...features };
    const { items: sheetItems, read } = sheetReads(host.context, t.name, t.plan, options);
    t.read = read;
    items.push(...sheetItems);
  }
  const batches = toBatches(items);
  const last = batches.length > 1 ? batches.pop()! : null;
  if (batches.length > 0) await host.read(batches);
  const ranges = targets.flatMap((t) =>
    t.read ? formatRangeReads(() => host.context.workbook.worksheets.getItem(t.name), t.plan, t.read.formats) : [],
  );
  const second: Batch[] = [...(last ? [last] : []), ...(ranges.length > 0 ? [batchOf(ranges)] : [])];
  if (second.length > 0) {
    await host.read([
      { queue: () => second.forEach((b) => b.queue()), collect: () => second.forEach((b) => b.collect?.()) },
    ]);
  }
  return names.names;
}

/**
 * Makes the workbook match a setup plan through Office.js; returns what changed and which
 * planned cells were left alone because a person wrote something else there.
 * @example await applyOfficeSetupPlan(host, plan) // { changes: [{ sheet: "工作日历", kind: "sheet-created", count: 1 }, …], conflicts: [] }
 */
export async function applyOfficeSetupPlan(host: SetupHost, plan: WorkbookPlan): Promise<SetupOutcome> {
  const all = await host.sheetNames();
  const targets: SheetTarget[] = plan.sheets.map((p) => {
    const existing = findSheetName(p.name, all);
    return { plan: p, name: existing ?? p.name, exists: existing !== undefined, read: null };
  });
  const features: Features = {
    print: supports(host.requirements, "pageLayout"),
    mergedAreas: host.requirements.isSetSupported("ExcelApi", "1.13"),
  };
  const withNames = plan.names.length > 0 || (plan.obsoleteNames ?? []).length > 0;
  let names: Map<string, string>;
  try {
    names = await readWorkbook(host, targets, features, withNames, false);
  } catch (error) {
    if (!tooLarge(error)) throw error;
    names = await readWorkbook(host, targets, features, withNames, true);
  }
  const log = new SetupChangeLog();
  const out: WriteSet = { writes: [], looks: [], pre: [], post: [], created: [] };
  let printWarned = false;
  const ctx = {
    context: host.context,
    features,
    log,
    warnings: host.warnings,
    later: (queue: () => void) => host.later(queue),
    printFallback: () => {
      if (!printWarned) host.warnings.push(PRINT_SETUP_FALLBACK);
      printWarned = true;
    },
  };
  for (const t of targets) planSheetWrites(t, ctx, out);
  nameWrites(host.context, plan, names, log, out.pre, out.post);
  await queueWrites(host, all, out.created, out.writes, out.looks, out.pre, out.post);
  return { changes: log.changes, conflicts: log.conflicts };
}
