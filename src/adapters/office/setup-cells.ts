/**
 * The cells of applying a setup plan through Office.js, as pure functions over what a batch
 * loaded (`values` and `formulas` of each planned cell): the neutral StoredCell that
 * domain/cell-write-rule decides on (the rule every adapter shares), and what the 操作日志
 * records for each write.
 *
 * `formulas` gives "=…" for a formula and the value otherwise; `values` gives the value (the
 * result of a formula). A constant text that begins with "=" (typed as '=…) has the same
 * `values` and `formulas`, which a formula never has, so the two tell them apart.
 */
import { EMPTY, type CellValue } from "../../domain/cell";
import type { StoredCell } from "../../domain/cell-write-rule";
import type { PlanValue } from "../../domain/setup-plan";
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

/**
 * What a loaded cell stores, in the neutral form the cell-write rule decides on.
 * @example storedCell({ value: "已办结", formula: "已办结" }) // { value: { t: "string", v: "已办结" }, formula: null }
 */
export function storedCell(cell: LoadedCell): StoredCell {
  return { value: fromOfficeValue(cell.value), formula: formulaOf(cell) };
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
