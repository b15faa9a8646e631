/**
 * The setup's conditional formats through Office.js, on documented behaviour only.
 *
 * `ConditionalFormat.id` is "the priority of the conditional format in the current
 * ConditionalFormatCollection" (Microsoft's reference): a position, different in another
 * range's collection and changed by every delete or priority change. So the add-in's own
 * formats are found by what they are — custom formats whose formula has the shape of a rule
 * the setup writes (the sheet plan's signatures) — in the collection of the whole sheet, and
 * their ranges are read with `getRangeOrNullObject` (ExcelApi 1.6) by position in a second
 * wave of reads. When they differ from the plan they are deleted in descending priority, each
 * fetched afresh by its position (`getItemAt`, so no delete shifts one still to come), before
 * the plan's formats are added; after the write the collection is fetched again to confirm.
 */
import { localAddress, rangeRef, type CellRange } from "../../domain/a1-ref";
import type { SheetPlan } from "../../domain/setup-plan";
import type { SetupChangeLog } from "../../app/setup-port";
import { isOurFormula, officeRule, sameRule, type OfficeRule } from "./setup-rules";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";
import { readItem, type ReadItem, type SizedBatch } from "./batches";

/** What was loaded for one conditional format of a sheet (its position is its priority). */
export interface LoadedFormat extends OfficeRule {
  readonly type: string;
  readonly priority: number;
}

/** The formats of one sheet: loaded in the first wave, their ranges (ours only) in the second. */
export interface SheetFormats {
  readonly all: LoadedFormat[];
  /** Address of each format of ours by priority ("" when it applies to several ranges). */
  readonly ranges: Map<number, string>;
}

const FORMAT_LOAD =
  "items/id,items/type,items/priority,items/customOrNullObject/rule/formula," +
  "items/customOrNullObject/format/fill/color,items/customOrNullObject/format/font/color," +
  "items/customOrNullObject/format/font/bold";

/**
 * First wave: every conditional format of the sheet, in priority order.
 * @example const item = formatsRead(() => sheet, formats); // formats.all filled after the batch
 */
export function formatsRead(ws: () => Excel.Worksheet, formats: SheetFormats): ReadItem {
  return readItem(8000, () => {
    const collection = ws().getRange().conditionalFormats.load(FORMAT_LOAD);
    return () => {
      for (const item of collection.items) {
        const custom = item.customOrNullObject;
        const isCustom = item.type === "Custom" && !custom.isNullObject;
        formats.all.push({
          type: item.type,
          priority: item.priority,
          formula: isCustom ? String(custom.rule.formula ?? "") : "",
          fill: isCustom ? (custom.format.fill.color ?? null) : null,
          fontColor: isCustom ? (custom.format.font.color ?? null) : null,
          bold: isCustom ? Boolean(custom.format.font.bold) : false,
        });
      }
    };
  });
}

/**
 * The formats of ours among those loaded, in priority order.
 * @example oursOf(formats.all, plan) // [{ formula: '=$W3="已终止"', priority: 7, … }, …]
 */
export function oursOf(all: readonly LoadedFormat[], plan: SheetPlan): LoadedFormat[] {
  if (plan.conditionalFormatSignatures.length === 0) return [];
  return all
    .filter((f) => f.type === "Custom" && isOurFormula(f.formula, plan.conditionalFormatSignatures))
    .sort((a, b) => a.priority - b.priority);
}

/**
 * Second wave: the range of each format of ours, by its position in the sheet's collection.
 * @example formatRangeReads(() => sheet, plan, formats) // one ReadItem per format of ours, filling formats.ranges
 */
export function formatRangeReads(ws: () => Excel.Worksheet, plan: SheetPlan, formats: SheetFormats): ReadItem[] {
  return oursOf(formats.all, plan).map((f) =>
    readItem(400, () => {
      const range = ws().getRange().conditionalFormats.getItemAt(f.priority).getRangeOrNullObject().load("address");
      return () => {
        formats.ranges.set(f.priority, range.isNullObject ? "" : range.address);
      };
    }),
  );
}

/**
 * The writes that make the sheet's formats of ours the plan's (none when they already are),
 * and the check after them: the formats of ours are then exactly the plan's, the others kept.
 * @example const write = conditionalFormatWrites(plan, formats, () => sheet, log, "督办事项登记表", warnings)
 */
export function conditionalFormatWrites(
  plan: SheetPlan,
  formats: SheetFormats | null,
  ws: () => Excel.Worksheet,
  log: SetupChangeLog,
  name: string,
  warnings: string[],
): SizedBatch | null {
  const ours = oursOf(formats?.all ?? [], plan);
  const wanted: { range: CellRange; rule: OfficeRule }[] = plan.conditionalFormats.flatMap((f) =>
    f.rules.map((rule) => ({ range: f.range, rule: officeRule(rule) })),
  );
  if (wanted.length === 0 && ours.length === 0) return null;
  const same =
    ours.length === wanted.length &&
    wanted.every(
      (w, i) =>
        sameRule(w.rule, ours[i]) && localAddress(formats?.ranges.get(ours[i].priority) ?? "") === rangeRef(w.range),
    );
  if (same) return null;
  log.add(name, "conditional-formats", wanted.length || ours.length);
  const others = (formats?.all.length ?? 0) - ours.length;
  let after: Excel.ConditionalFormatCollection | null = null;
  return {
    bytes: (ours.length + wanted.length * 6 + 1) * ACTION_OVERHEAD_BYTES + jsonBytes(wanted),
    queue: () => {
      const collection = ws().getRange().conditionalFormats;
      for (const f of [...ours].sort((a, b) => b.priority - a.priority)) collection.getItemAt(f.priority).delete();
      for (const w of wanted) {
        const cf = ws().getRange(rangeRef(w.range)).conditionalFormats.add("Custom");
        cf.custom.rule.formula = w.rule.formula;
        if (w.rule.fill) cf.custom.format.fill.color = w.rule.fill;
        if (w.rule.fontColor) cf.custom.format.font.color = w.rule.fontColor;
        if (w.rule.bold) cf.custom.format.font.bold = true;
        // Added at the top; moved to the back, so the plan's order follows the person's formats.
        // The object is not used again after its priority changed (Microsoft: re-fetch it then).
        cf.priority = -1;
      }
      after = ws().getRange().conditionalFormats.load(FORMAT_LOAD);
    },
    collect: () => {
      const loaded = after!.items.map((item) =>
        item.customOrNullObject.isNullObject ? "" : String(item.customOrNullObject.rule.formula ?? ""),
      );
      const mine = loaded.filter((f) => f !== "" && isOurFormula(f, plan.conditionalFormatSignatures)).length;
      if (mine !== wanted.length || loaded.length - mine !== others) {
        warnings.push(
          `“${name}”的条件格式刷新后与预期不符（应有本加载项的 ${wanted.length} 条、其他 ${others} 条，实有 ${mine} 条、${loaded.length - mine} 条）：可能有协作者同时修改了条件格式，请检查“开始 → 条件格式 → 管理规则”后再刷新一次。`,
        );
      }
    },
  };
}
