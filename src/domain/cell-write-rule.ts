/**
 * Whether a setup plan writes a planned cell: one rule for every adapter. An adapter reads
 * what the cell stores into a neutral StoredCell (its value, and its formula when it holds
 * one) and asks decideCell; it never decides by itself.
 */
import { cellText, type CellValue } from "./cell";
import { storedValueKey } from "./cell-key";
import type { CellPlan, PlanValue } from "./setup-plan-types";

/** What a cell stores, as any adapter can read it. */
export interface StoredCell {
  /** The value (for a formula: its cached result, or empty when unknown). */
  readonly value: CellValue;
  /** The formula without its "=", or null when the cell holds a constant. */
  readonly formula: string | null;
}

/** A cell of a sheet the same plan creates: nothing in it yet. */
export const NEW_STORED_CELL: StoredCell = { value: { t: "empty" }, formula: null };

/**
 * True when the cell holds nothing: no formula, and an empty value (an empty string counts as empty).
 * @example isEmptyStored({ value: { t: "string", v: "" }, formula: null }) // true
 * @example isEmptyStored({ value: { t: "empty" }, formula: "A1" }) // false
 */
export function isEmptyStored(cell: StoredCell): boolean {
  return cell.formula === null && storedValueKey(cell.value) === "empty";
}

/**
 * True when the cell already holds the planned value or formula: a date equals its serial.
 * @example holdsPlanned({ value: { t: "number", v: 46296 }, formula: null }, { t: "date", v: "2026-10-01" }) // true
 * @example holdsPlanned({ value: { t: "string", v: "逾期" }, formula: "IF(A1,1)" }, { t: "formula", f: "IF(A1,1)" }) // true
 */
export function holdsPlanned(cell: StoredCell, value: PlanValue): boolean {
  if (value.t === "formula") return cell.formula === value.f;
  return cell.formula === null && storedValueKey(cell.value) === storedValueKey(value);
}

/**
 * What a cell holds, for a conflict report: "=" and its formula, or its value as text.
 * @example describeStored({ value: { t: "string", v: "已办结" }, formula: null }) // "已办结"
 * @example describeStored({ value: { t: "number", v: 3 }, formula: "A1+2" }) // "=A1+2"
 */
export function describeStored(cell: StoredCell): string {
  return cell.formula === null ? cellText(cell.value) : `=${cell.formula}`;
}

/**
 * True when a formula is one the plan's cell recognises as its own: it contains the marker or
 * matches the marker pattern.
 * @example isOurFormula({ marker: "预警阈值" } as CellPlan, 'IF(Y3<=预警阈值,"临期","")') // true
 */
export function isOurFormula(plan: Pick<CellPlan, "marker" | "markerPattern">, formula: string): boolean {
  if (plan.marker !== undefined && formula.includes(plan.marker)) return true;
  return plan.markerPattern !== undefined && new RegExp(plan.markerPattern).test(formula);
}

/** The decision for one planned cell. */
export interface CellDecision {
  readonly write: boolean;
  /** Set when the cell is left alone although it differs: what it holds. */
  readonly conflict?: string;
}

/**
 * Whether to write a planned cell, by its FillMode: "ifEmpty" only into an empty cell;
 * "formula" into an empty cell or over a different formula of ours (isOurFormula), anything else is a conflict; "owned" whenever it differs.
 * @example decideCell({ row: 3, col: 23, mode: "formula", marker: "日历序", value: { t: "formula", f: "X(日历序)" } },
 *   { value: { t: "string", v: "已办结" }, formula: null }) // { write: false, conflict: "已办结" }
 * @example decideCell({ row: 1, col: 1, mode: "ifEmpty", value: { t: "string", v: "设置" } },
 *   { value: { t: "empty" }, formula: null }) // { write: true }
 */
export function decideCell(plan: CellPlan, cell: StoredCell): CellDecision {
  const same = holdsPlanned(cell, plan.value);
  switch (plan.mode) {
    case "ifEmpty":
      return { write: isEmptyStored(cell) };
    case "formula": {
      const ours = cell.formula !== null && isOurFormula(plan, cell.formula);
      const write = !same && (isEmptyStored(cell) || ours);
      return !same && !write ? { write, conflict: describeStored(cell) } : { write };
    }
    case "owned":
      return { write: !same };
  }
}
