/**
 * Data validation of planned ranges: each plan replaces whatever rule those cells had. Other
 * rules lose only the cells a plan takes over (their ranges are cut around it), so no cell ends
 * up with two overlapping rules; a plan already in place changes nothing.
 */
import type { CellRange } from "../../../../domain/cell";
import type { SheetPlan, ValidationPlan } from "../../../../domain/setup-plan-types";
import type { SetupChangeLog } from "../../../../app/setup-port";
import { attributesOf, escapeAttr, escapeText, rootElement, textOf, withAttributes } from "../../package/xml";
import { childrenNamed } from "../../package/ordered";
import { dateSerial } from "../cell-xml";
import { parseRangeList, rangeArea, rangesOverlap, subtractRange } from "../cell-ref";
import { rangeRef } from "../../../../domain/a1-ref";
import type { Target } from "../write-cells";

interface Rule {
  /** The element's text (kept when its ranges do not change). */
  readonly text: string;
  readonly key: string;
  ranges: CellRange[];
  cut: boolean;
}

function keyOf(a: ReadonlyMap<string, string>, f1: string, f2: string): string {
  const type = a.get("type") ?? "none";
  const flag = (n: string) => a.get(n) === "1" || a.get(n) === "true";
  return JSON.stringify([
    type,
    type === "list" || type === "custom" ? null : (a.get("operator") ?? "between"),
    f1,
    f2,
    flag("allowBlank"),
    flag("showErrorMessage"),
    a.get("errorStyle") ?? "stop",
    a.get("errorTitle") ?? "",
    a.get("error") ?? "",
    flag("showInputMessage"),
    a.get("prompt") ?? "",
    a.get("promptTitle") ?? "",
  ]);
}

function parseRules(text: string | undefined): { open: string; rules: Rule[] } | undefined {
  if (!text) return undefined;
  const root = rootElement(text);
  const rules = childrenNamed(text, root, "dataValidation").map((el) => {
    const a = attributesOf(text, el);
    const formula = (n: string) => {
      const f = childrenNamed(text, el, n)[0];
      return f ? textOf(text, f) : "";
    };
    return {
      text: text.slice(el.start, el.end),
      key: keyOf(a, formula("formula1"), formula("formula2")),
      ranges: parseRangeList(a.get("sqref") ?? ""),
      cut: false,
    };
  });
  return { open: text.slice(root.start, root.openEnd), rules };
}

/** The dataValidation element of a plan. */
function planElement(v: ValidationPlan, p: string, date1904: boolean): { text: string; key: string } {
  const a = new Map<string, string>();
  let f1 = "";
  let f2 = "";
  switch (v.rule.kind) {
    case "note":
      // Any value: a custom rule that is always TRUE carries only the input message.
      a.set("type", "custom");
      f1 = "TRUE";
      break;
    case "list":
      a.set("type", "list");
      f1 = v.rule.source;
      break;
    case "date":
      a.set("type", "date").set("operator", "between");
      f1 = String(dateSerial(v.rule.min, date1904));
      f2 = String(dateSerial(v.rule.max, date1904));
      break;
    case "whole":
      a.set("type", "whole").set("operator", "between");
      f1 = String(v.rule.min);
      f2 = String(v.rule.max);
      break;
  }
  a.set("allowBlank", "1").set("showErrorMessage", "1");
  if (v.errorStyle !== "stop") a.set("errorStyle", v.errorStyle);
  a.set("errorTitle", v.errorTitle).set("error", v.error);
  if (v.prompt) a.set("showInputMessage", "1").set("prompt", v.prompt);
  if (v.prompt && v.promptTitle) a.set("promptTitle", v.promptTitle);
  const attrs = [...a].map(([k, val]) => ` ${k}="${escapeAttr(val)}"`).join("");
  const formulas = `<${p}formula1>${escapeText(f1)}</${p}formula1>${f2 ? `<${p}formula2>${escapeText(f2)}</${p}formula2>` : ""}`;
  return {
    text: `<${p}dataValidation${attrs} sqref="${rangeRef(v.range)}">${formulas}</${p}dataValidation>`,
    key: keyOf(a, f1, f2),
  };
}

/** Cells of `range` not covered by any of `ranges`. */
function uncovered(range: CellRange, ranges: readonly CellRange[]): number {
  let rest = [range];
  for (const r of ranges) rest = rest.flatMap((x) => subtractRange(x, r));
  return rest.reduce((n, r) => n + rangeArea(r), 0);
}

/** Applies the plan's validations; logs the cells whose rule changed. */
export function applyValidations(t: Target, plan: SheetPlan, log: SetupChangeLog, date1904: boolean): void {
  if (plan.validations.length === 0) return;
  const p = t.doc.p;
  const parsed = parseRules(t.doc.elementTexts("dataValidations")[0]);
  const rules: Rule[] = parsed?.rules ?? [];
  let changed = 0;
  let rewrite = false;
  for (const v of plan.validations) {
    const wanted = planElement(v, p, date1904);
    const same = rules.filter((r) => r.key === wanted.key).flatMap((r) => r.ranges);
    const missing = uncovered(v.range, same);
    const overlapping = rules.filter((r) => r.ranges.some((x) => rangesOverlap(x, v.range)));
    const doubled = same.filter((x) => rangesOverlap(x, v.range)).length > 1;
    const foreign = overlapping.some((r) => r.key !== wanted.key);
    if (missing === 0 && !doubled && !foreign) continue;
    changed += missing > 0 ? missing : rangeArea(v.range);
    rewrite = true;
    for (const r of rules) {
      const next = r.ranges.flatMap((x) => subtractRange(x, v.range));
      if (next.length !== r.ranges.length || next.some((x, i) => x !== r.ranges[i])) {
        r.ranges = next;
        r.cut = true;
      }
    }
    rules.push({ text: wanted.text, key: wanted.key, ranges: [v.range], cut: false });
  }
  if (!rewrite) return;
  const kept = rules.filter((r) => r.ranges.length > 0);
  const items = kept.map((r) => {
    if (!r.cut) return r.text;
    const gt = r.text.indexOf(">") + 1;
    return (
      withAttributes(r.text.slice(0, gt), { sqref: r.ranges.map((range) => rangeRef(range)).join(" ") }) +
      r.text.slice(gt)
    );
  });
  const open = withAttributes(parsed?.open ?? `<${p}dataValidations>`, { count: String(items.length) }).replace(
    /\/>$/,
    ">",
  );
  t.doc.setElements("dataValidations", items.length > 0 ? [`${open}${items.join("")}</${p}dataValidations>`] : []);
  log.add(t.info.name, "validations", changed);
}
