/**
 * The setup plan's validation rules, conditional formats, names, print settings and cell looks
 * in Office.js shapes, and the comparisons that decide whether the workbook already has them
 * (so that applying a plan twice adds nothing the second time). Pure: no request context.
 */
import { columnLetters, localAddress } from "../../domain/a1-ref";
import { isoToSerial } from "../../domain/dates";
import { localIsoDate } from "../../domain/local-time";
import type { ConditionalRulePlan, PlanStyle, PrintPlan, ValidationPlan } from "../../domain/setup-plan";

// ── colours and looks ─────────────────────────────────────────────────────────────────────

/**
 * An ARGB colour of the plan ("FFFFC7CE") as Office.js writes it ("#FFC7CE").
 * @example officeColor("FFFFC7CE") // "#FFC7CE"
 */
export function officeColor(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/**
 * True when two colours as Office.js gives them are the same (case-insensitive; "" and null are none).
 * @example sameColor("#ffc7ce", "#FFC7CE") // true
 */
export function sameColor(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (typeof v === "string" && v !== "" ? v.toUpperCase() : null);
  return norm(a) === norm(b);
}

export type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";
export const EDGES: readonly Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

/** A line on one edge of a cell, as Office.js names it. */
export interface OfficeLine {
  readonly style: string;
  readonly weight: string;
  readonly color?: string;
}

/** The look Office.js is asked to give a cell: only the properties that are set. */
export interface OfficeLook {
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly fontName?: string;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: string;
  readonly vertical?: string;
  readonly borders?: Partial<Record<Edge, OfficeLine>>;
  readonly numFmt?: string;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const THIN: OfficeLine = { style: "Continuous", weight: "Thin" };

/**
 * A PlanStyle in Office.js terms, over a base look (the look of a cell copied with styleFrom).
 * @example officeLook({ bold: true, horizontal: "center", border: true }).horizontal // "Center"
 */
export function officeLook(style: PlanStyle | undefined, base: OfficeLook = {}): OfficeLook {
  if (!style) return base;
  return {
    ...base,
    ...(style.bold !== undefined ? { bold: style.bold } : {}),
    ...(style.fontSize !== undefined ? { fontSize: style.fontSize } : {}),
    ...(style.fontColor !== undefined ? { fontColor: officeColor(style.fontColor) } : {}),
    ...(style.fill !== undefined ? { fill: officeColor(style.fill) } : {}),
    ...(style.wrap !== undefined ? { wrap: style.wrap } : {}),
    ...(style.horizontal !== undefined ? { horizontal: H_ALIGN[style.horizontal] } : {}),
    ...(style.vertical !== undefined ? { vertical: V_ALIGN[style.vertical] } : {}),
    ...(style.border ? { borders: { EdgeTop: THIN, EdgeBottom: THIN, EdgeLeft: THIN, EdgeRight: THIN } } : {}),
    ...(style.numFmt !== undefined ? { numFmt: style.numFmt } : {}),
  };
}

/** The look of a cell as a batch loaded it (any property may be missing). */
export type LoadedLook = {
  readonly [K in keyof OfficeLook]?: OfficeLook[K] | null;
};

/**
 * The properties of `wanted` that `current` lacks (colours compared case-insensitively, an
 * edge by line style and weight); empty when the cell already looks so.
 * @example lookDifference({ bold: true }, { bold: true, fontSize: 11 }) // {}
 */
export function lookDifference(wanted: OfficeLook, current: LoadedLook): OfficeLook {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(wanted) as (keyof OfficeLook)[]) {
    const w = wanted[k];
    const c = current[k];
    if (k === "fill" || k === "fontColor") {
      if (!sameColor(w, c)) out[k] = w;
    } else if (k === "borders") {
      const wb = w as Partial<Record<Edge, OfficeLine>>;
      const cb = (c ?? {}) as Partial<Record<Edge, OfficeLine>>;
      const differs = EDGES.some(
        (e) => wb[e] !== undefined && (wb[e].style !== cb[e]?.style || wb[e].weight !== cb[e]?.weight),
      );
      if (differs) out[k] = w;
    } else if (w !== c) out[k] = w;
  }
  return out as OfficeLook;
}

// ── data validation ───────────────────────────────────────────────────────────────────────

const ERROR_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/**
 * The list source Office.js takes: a name or range as "=名称", a literal list without quotes.
 * @example listSource('"特急,加急,一般"') // "特急,加急,一般"
 * @example listSource("科室列表") // "=科室列表"
 */
export function listSource(source: string): string {
  const literal = /^"(.*)"$/s.exec(source);
  return literal ? literal[1] : `=${source}`;
}

/** The rule of a validation that only carries a note (an input message): any value is valid. */
export const NOTE_FORMULA = "=TRUE";

/** What Office.js is given for one validation plan. */
export interface OfficeValidation {
  readonly rule: Excel.DataValidationRule;
  readonly errorAlert: Excel.DataValidationErrorAlert;
  readonly prompt: Excel.DataValidationPrompt;
  readonly ignoreBlanks: boolean;
  /** The type Excel reports once the rule is set. */
  readonly type: "List" | "Date" | "WholeNumber" | "Custom";
}

/**
 * The Office.js data validation of a plan.
 * @example officeValidation(plan).rule // { list: { inCellDropDown: true, source: "=科室列表" } }
 */
export function officeValidation(v: ValidationPlan): OfficeValidation {
  const common = {
    errorAlert: { showAlert: true, style: ERROR_STYLE[v.errorStyle], title: v.errorTitle, message: v.error },
    prompt: v.prompt
      ? { showPrompt: true, title: v.promptTitle ?? "", message: v.prompt }
      : { showPrompt: false, title: "", message: "" },
    ignoreBlanks: true,
  };
  switch (v.rule.kind) {
    case "note":
      // Office.js needs a rule for an input message; a formula that is always TRUE accepts anything.
      return { ...common, type: "Custom", rule: { custom: { formula: NOTE_FORMULA } } };
    case "list":
      return { ...common, type: "List", rule: { list: { inCellDropDown: true, source: listSource(v.rule.source) } } };
    case "date":
      return { ...common, type: "Date", rule: { date: between(v.rule) } };
    case "whole":
      return { ...common, type: "WholeNumber", rule: { wholeNumber: between(v.rule) } };
  }
}

/**
 * A plan's bounds as Excel's condition: between the two, both included.
 * @example between({ min: 1, max: 9 }) // { formula1: 1, formula2: 9, operator: "Between" }
 */
function between<T>(bounds: { readonly min: T; readonly max: T }): { formula1: T; formula2: T; operator: "Between" } {
  return { formula1: bounds.min, formula2: bounds.max, operator: "Between" };
}

/** A bound as Excel reads it back ("=46023", "2026-01-01", a Date, a number) as a number. */
function boundValue(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (Object.prototype.toString.call(v) === "[object Date]") {
    return isoToSerial(localIsoDate(v as Date));
  }
  if (typeof v !== "string") return null;
  const text = v.replace(/^=/, "").trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isoToSerial(text);
  const n = Number(text);
  return text !== "" && Number.isFinite(n) ? n : null;
}

/** What `dataValidation.load("type, rule, errorAlert, prompt, ignoreBlanks")` gave. */
export interface LoadedValidation {
  readonly type: string;
  readonly rule: unknown;
  readonly errorAlert: unknown;
  readonly prompt: unknown;
  readonly ignoreBlanks: unknown;
}

/**
 * True when every cell of the range already has exactly this validation.
 * @example sameValidation(officeValidation(plan), loaded) // true after the plan was applied
 */
export function sameValidation(wanted: OfficeValidation, loaded: LoadedValidation): boolean {
  if (loaded.type !== wanted.type) return false;
  const rule = (loaded.rule ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const want = wanted.rule as Record<string, Record<string, unknown> | undefined>;
  const kind = Object.keys(want)[0];
  const got = rule[kind];
  const exp = want[kind];
  if (!got || !exp) return false;
  if (kind === "list") {
    if (String(got.source ?? "").trim() !== exp.source || Boolean(got.inCellDropDown) !== exp.inCellDropDown)
      return false;
  } else if (kind === "custom") {
    if (
      String(got.formula ?? "")
        .replace(/^=/, "")
        .toUpperCase() !== String(exp.formula).replace(/^=/, "")
    )
      return false;
  } else if (
    got.operator !== exp.operator ||
    boundValue(got.formula1) !== boundValue(exp.formula1) ||
    boundValue(got.formula2) !== boundValue(exp.formula2)
  ) {
    return false;
  }
  const alert = (loaded.errorAlert ?? {}) as Partial<Excel.DataValidationErrorAlert>;
  const w = wanted.errorAlert;
  if (alert.showAlert !== w.showAlert || alert.style !== w.style || alert.title !== w.title) return false;
  if (alert.message !== w.message) return false;
  const prompt = (loaded.prompt ?? {}) as Partial<Excel.DataValidationPrompt>;
  if (Boolean(prompt.showPrompt) !== wanted.prompt.showPrompt) return false;
  if (
    wanted.prompt.showPrompt &&
    (prompt.message !== wanted.prompt.message || (prompt.title ?? "") !== wanted.prompt.title)
  )
    return false;
  return loaded.ignoreBlanks === wanted.ignoreBlanks;
}

// ── conditional formats ───────────────────────────────────────────────────────────────────

/** One custom conditional format as Office.js holds it (one rule each). */
export interface OfficeRule {
  /** Formula with its "=". */
  readonly formula: string;
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
}

/**
 * A rule of the plan as Office.js stores it.
 * @example officeRule({ formula: '$W3="逾期"', fill: "FFFFC7CE" }) // { formula: '=$W3="逾期"', fill: "#FFC7CE", fontColor: null, bold: false }
 */
export function officeRule(rule: ConditionalRulePlan): OfficeRule {
  return {
    formula: `=${rule.formula}`,
    fill: rule.fill ? officeColor(rule.fill) : null,
    fontColor: rule.fontColor ? officeColor(rule.fontColor) : null,
    bold: Boolean(rule.bold),
  };
}

/**
 * True when a loaded custom format has this rule (formula, fill, font colour, bold).
 * @example sameRule(officeRule(rule), { formula: '=$W3="逾期"', fill: "#ffc7ce", fontColor: "#9C0006", bold: false })
 */
export function sameRule(wanted: OfficeRule, loaded: OfficeRule): boolean {
  return (
    loaded.formula.replace(/^=/, "") === wanted.formula.replace(/^=/, "") &&
    sameColor(loaded.fill, wanted.fill) &&
    sameColor(loaded.fontColor, wanted.fontColor) &&
    loaded.bold === wanted.bold
  );
}

/**
 * True when a conditional-format formula (with or without "=") is one this setup wrote.
 * @example isOurFormula('=$W3="逾期"', ['^\\$[A-Z]+[0-9]+="(逾期|临期)"$']) // true
 */
export function isOurFormula(formula: string, signatures: readonly string[]): boolean {
  const text = formula.replace(/^=/, "");
  return signatures.some((s) => new RegExp(s).test(text));
}

// ── names, freeze panes, print ───────────────────────────────────────────────────────────

/**
 * First and last row of an address ("'表'!$1:$2", "A1:XFD2", "3:3"), or null.
 * @example rowsOf("'督办事项登记表'!$1:$2") // { first: 1, last: 2 }
 */
export function rowsOf(address: string | null | undefined): { first: number; last: number } | null {
  if (!address) return null;
  const parts = localAddress(address)
    .split(":")
    .map((p) => /(\d+)$/.exec(p)?.[1]);
  if (parts.some((p) => p === undefined)) return null;
  const rows = parts.map(Number);
  return { first: rows[0], last: rows[rows.length - 1] };
}

/**
 * Rows and columns frozen, from the frozen pane's size (whole rows or columns count as 0 of the other).
 * @example frozenOf({ rowCount: 2, columnCount: 16384 }) // { rows: 2, columns: 0 }
 */
export function frozenOf(location: { isNullObject: boolean; rowCount?: number; columnCount?: number }): {
  rows: number;
  columns: number;
} {
  if (location.isNullObject) return { rows: 0, columns: 0 };
  const rows = location.rowCount ?? 0;
  const columns = location.columnCount ?? 0;
  return { rows: rows >= 1048576 ? 0 : rows, columns: columns >= 16384 ? 0 : columns };
}

/** The page settings of a print plan as Office.js takes them. */
export interface OfficePrint {
  readonly orientation: "Landscape" | "Portrait";
  readonly paperSize: "A4";
  /** A1 area without the sheet. */
  readonly area: string;
  /** "$1:$2", or null. */
  readonly titleRows: string | null;
  readonly fitToWidth: boolean;
}

/**
 * The print plan in Office.js terms.
 * @example officePrint(plan).titleRows // "$1:$2"
 */
export function officePrint(p: PrintPlan): OfficePrint {
  const a = p.area;
  return {
    orientation: p.orientation === "landscape" ? "Landscape" : "Portrait",
    paperSize: p.paper,
    area: `${columnLetters(a.left)}${a.top}:${columnLetters(a.right)}${a.bottom}`,
    titleRows: p.titleRows ? `$${p.titleRows.first}:$${p.titleRows.last}` : null,
    fitToWidth: p.fitToWidth,
  };
}

/** What the page layout loads gave. */
export interface LoadedPrint {
  readonly orientation: unknown;
  readonly paperSize: unknown;
  readonly zoom: unknown;
  /** Address of the print area, null when none. */
  readonly area: string | null;
  /** Address of the title rows, null when none. */
  readonly titleRows: string | null;
}

/**
 * True when the sheet already prints as planned (addresses compared without sheet name and "$").
 * @example samePrint(officePrint(plan.print), { orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1 }, area: "'表'!$A$1:$N$14", titleRows: "'表'!$1:$2" }) // true
 */
export function samePrint(wanted: OfficePrint, loaded: LoadedPrint): boolean {
  if (loaded.orientation !== wanted.orientation || loaded.paperSize !== wanted.paperSize) return false;
  if ((loaded.area === null ? "" : localAddress(loaded.area)) !== wanted.area) return false;
  const want = rowsOf(wanted.titleRows);
  const got = rowsOf(loaded.titleRows);
  if (JSON.stringify(want) !== JSON.stringify(got)) return false;
  if (!wanted.fitToWidth) return true;
  const zoom = (loaded.zoom ?? {}) as Excel.PageLayoutZoomOptions;
  // A scale is the fallback set when Excel ignored the fit (office-js issue 1860), or the
  // person's own choice: either way it stays, once the rest of the page is as planned.
  if (typeof zoom.scale === "number" && !zoom.horizontalFitToPages) return true;
  return zoom.horizontalFitToPages === 1 && !zoom.verticalFitToPages;
}
