/**
 * Conditional formats of a planned sheet: those this setup wrote before (recognised by the
 * plan's signatures) are replaced by the plan's; every other format — a person's own, a data
 * bar with its extension — keeps its exact text and its priority.
 */
import { rangeRef } from "../../../../domain/a1-ref";
import type { SheetPlan } from "../../../../domain/setup-plan-types";
import type { SetupChangeLog } from "../../../../app/setup-port";
import { attributesOf, escapeText, rootElement, textOf } from "../../package/xml";
import { childrenNamed } from "../../package/ordered";
import type { Styles } from "../styles";
import type { Target } from "../write-cells";

interface CfRule {
  readonly type: string;
  readonly priority: number;
  readonly formulas: string[];
  readonly dxfId?: number;
}

interface CfBlock {
  readonly text: string;
  readonly sqref: string;
  readonly rules: CfRule[];
}

function parseBlock(text: string): CfBlock {
  const root = rootElement(text);
  const rules = childrenNamed(text, root, "cfRule").map((el) => {
    const a = attributesOf(text, el);
    const formulas = childrenNamed(text, el, "formula").map((f) => textOf(text, f));
    const dxf = a.get("dxfId");
    return {
      type: a.get("type") ?? "",
      priority: Number(a.get("priority") ?? 0),
      formulas,
      ...(dxf !== undefined ? { dxfId: Number(dxf) } : {}),
    };
  });
  return { text, sqref: attributesOf(text, root).get("sqref") ?? "", rules };
}

interface Look {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

function blockKey(blocks: readonly { sqref: string; rules: readonly (CfRule & { look: Look })[] }[]): string {
  return JSON.stringify(
    blocks.map((b) => [
      b.sqref,
      b.rules.map((r) => [
        r.type,
        r.priority,
        r.formulas,
        r.look.fill ?? null,
        r.look.fontColor ?? null,
        r.look.bold ?? false,
      ]),
    ]),
  );
}

/** Replaces the formats of ours by the plan's, after the person's own. */
export function applyConditionalFormats(t: Target, plan: SheetPlan, log: SetupChangeLog, styles: Styles): void {
  const signatures = plan.conditionalFormatSignatures.map((s) => new RegExp(s));
  const existing = t.doc.elementTexts("conditionalFormatting").map(parseBlock);
  const isOurs = (b: CfBlock) =>
    signatures.length > 0 && b.rules.every((r) => r.formulas.some((f) => signatures.some((s) => s.test(f))));
  const ours = existing.filter(isOurs);
  const others = existing.filter((b) => !isOurs(b));
  if (plan.conditionalFormats.length === 0 && ours.length === 0) return;
  let priority = others.reduce((p, b) => Math.max(p, ...b.rules.map((r) => r.priority)), 0) + 1;
  const wanted = plan.conditionalFormats.map((f) => ({
    sqref: rangeRef(f.range),
    rules: f.rules.map((rule) => ({
      type: "expression",
      priority: priority++,
      formulas: [rule.formula],
      look: { fill: rule.fill, fontColor: rule.fontColor, bold: rule.bold || undefined } as Look,
    })),
  }));
  const oursLooked = ours.map((b) => ({
    sqref: b.sqref,
    rules: b.rules.map((r) => ({ ...r, look: r.dxfId !== undefined ? styles.dxfSpec(r.dxfId) : {} })),
  }));
  if (blockKey(oursLooked) === blockKey(wanted)) return;
  const p = t.doc.p;
  const texts = wanted.map((b) => {
    const inner = b.rules
      .map((r) => {
        const dxfId = styles.dxf(r.look);
        return `<${p}cfRule type="expression" dxfId="${dxfId}" priority="${r.priority}"><${p}formula>${escapeText(r.formulas[0])}</${p}formula></${p}cfRule>`;
      })
      .join("");
    return `<${p}conditionalFormatting sqref="${b.sqref}">${inner}</${p}conditionalFormatting>`;
  });
  t.doc.setElements("conditionalFormatting", [...others.map((b) => b.text), ...texts]);
  log.add(t.info.name, "conditional-formats", wanted.reduce((n, b) => n + b.rules.length, 0) || ours.length);
}
