/**
 * The cell rules of applying a setup plan through Office.js, as pure functions over what a
 * batch loaded (`values` and `formulas` of each planned cell): which planned cells are written
 * (by FillMode, exactly as the xlsx adapter decides), which are left alone and reported, and
 * what the 操作日志 records for each write.
 *
 * `formulas` gives "=…" for a formula and the value otherwise; `values` gives the value (the
 * result of a formula). A constant text that begins with "=" (typed as '=…) has the same
 * `values` and `formulas`, which a formula never has, so the two tell them apart.
 */
import { cellText, EMPTY, type CellValue } from "../../domain/cell";
import { storedValueKey } from "../../domain/cell-key";
import type { CellPlan, PlanValue } from "../../domain/setup-plan";
import { fromOfficeValue } from "./values";

/** What a batch loaded for one cell. */
export interface LoadedCell {
  /** Element of `values`. */
  readonly value: unknown;
  /** Element of `formulas`. */
  readonly formula: unknown;
}

/** A cell that was never loaded because its sheet is created by the same plan. */
export const NEW_CELL: LoadedCell = { value: "", formula: "" };

/** Formulas longer than this are abbreviated in the 操作日志 (10,000 status formulas of 1.9 KB would not fit a batch). */
export const LOGGED_FORMULA_CHARS = 48;

/**
 * The formula of a loaded cell without its "=", or null when the cell holds a constant.
 * @example formulaOf({ value: "办理中", formula: "=IF(A3>0,1)" }) // "IF(A3>0,1)"
 * @example formulaOf({ value: "=x", formula: "=x" }) // null
 */
export function formulaOf(cell: LoadedCell): string | null {
  const f = cell.formula;
  if (typeof f !== "string" || !f.startsWith("=") || f.length < 2) return null;
  return cell.value === f ? null : f.slice(1);
}

/** True when the cell holds nothing: no formula, and an empty value. */
export function isEmptyCell(cell: LoadedCell): boolean {
  return formulaOf(cell) === null && fromOfficeValue(cell.value).t === "empty";
}

/**
 * True when the cell already holds the planned value or formula.
 * @example holdsPlanned({ value: 46296, formula: 46296 }, { t: "date", v: "2026-10-01" }) // true
 */
export function holdsPlanned(cell: LoadedCell, value: PlanValue): boolean {
  const formula = formulaOf(cell);
  if (value.t === "formula") return formula === value.f;
  return formula === null && storedValueKey(fromOfficeValue(cell.value)) === storedValueKey(value);
}

/**
 * What a cell holds, for a conflict report: "=" and its formula, or its value as text.
 * @example describeCell({ value: "已办结", formula: "已办结" }) // "已办结"
 */
export function describeCell(cell: LoadedCell): string {
  const formula = formulaOf(cell);
  return formula === null ? cellText(fromOfficeValue(cell.value)) : `=${formula}`;
}

/** The decision for one planned cell. */
export interface CellDecision {
  readonly write: boolean;
  /** Set when the cell is left alone although it differs: what it holds. */
  readonly conflict?: string;
}

/**
 * Whether to write a planned cell, by its FillMode: "ifEmpty" only into an empty cell;
 * "formula" into an empty cell or over a different formula of ours (its text contains the
 * marker), anything else is a conflict; "owned" whenever it differs.
 * @example decideCell({ row: 3, col: 23, mode: "formula", marker: "日历序", value: { t: "formula", f: "X(日历序)" } },
 *   { value: "已办结", formula: "已办结" }) // { write: false, conflict: "已办结" }
 */
export function decideCell(plan: CellPlan, cell: LoadedCell): CellDecision {
  const same = holdsPlanned(cell, plan.value);
  switch (plan.mode) {
    case "ifEmpty":
      return { write: isEmptyCell(cell) };
    case "formula": {
      const formula = formulaOf(cell);
      const ours = formula !== null && plan.marker !== undefined && formula.includes(plan.marker);
      const write = !same && (isEmptyCell(cell) || ours);
      return !same && !write ? { write, conflict: describeCell(cell) } : { write };
    }
    case "owned":
      return { write: !same };
  }
}

/**
 * A formula as the 操作日志 shows it: "=" and the formula, abbreviated with "…" when long.
 * @example loggedFormula("SUM(A1:A9)") // { t: "string", v: "=SUM(A1:A9)" }
 */
export function loggedFormula(formula: string): CellValue {
  const text = `=${formula}`;
  return {
    t: "string",
    v: text.length <= LOGGED_FORMULA_CHARS ? text : `${text.slice(0, LOGGED_FORMULA_CHARS - 1)}…`,
  };
}

/**
 * The old value of a cell for the 操作日志: its value, or its formula as text.
 * @example oldLogValue({ value: "", formula: "" }) // { t: "empty" }
 */
export function oldLogValue(cell: LoadedCell): CellValue {
  const formula = formulaOf(cell);
  return formula === null ? fromOfficeValue(cell.value) : loggedFormula(formula);
}

/**
 * The new value of a planned cell for the 操作日志.
 * @example newLogValue({ t: "formula", f: "A1+1" }) // { t: "string", v: "=A1+1" }
 */
export function newLogValue(value: PlanValue): CellValue {
  return value.t === "formula" ? loggedFormula(value.f) : value.t === "string" && value.v === "" ? EMPTY : value;
}
