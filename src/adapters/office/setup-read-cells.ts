/**
 * The cell reads of applying a setup plan: every planned cell exactly — `values` and
 * `formulas` (the two tell a formula from a text typed as '=…) — column slice by column slice,
 * or a generated sheet as one block reaching its used range (so stale cells can be cleared);
 * and the probes of the number formats the plan sets on ranges. Response sizes are estimated
 * from the plan: a planned cell the operation already read as part of the sheet's used range is
 * assumed to hold what the plan wants, one outside it is empty; after a batch was refused as
 * too large, every cell is estimated at its planned size.
 */
import { cellText } from "../../domain/cell";
import { rangeRef, type CellRange } from "../../domain/a1-ref";
import type { CellPlan, SheetPlan } from "../../domain/setup-plan";
import { readItem, type ReadItem } from "./batches";
import type { ReadOptions, SheetRead } from "./setup-read";
import { ACTION_OVERHEAD_BYTES, jsonBytes } from "./size";

/** Largest estimated response of one slice of a column (slices are packed into batches). */
const SLICE_BYTES = 512 * 1024;
/** Estimated bytes of a cell read empty (values, formulas and their JSON). */
const EMPTY_CELL_BYTES = 12;
/** Margin on estimates of cells assumed to hold their planned content. */
const MARGIN = 1.25;

/**
 * The key of a cell in the maps of a SheetRead.
 * @example cellKey(3, 23) // "3,23"
 */
export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** Bytes a planned cell's `formulas` (and `values`, unless formulaOnly) are expected to take. */
function plannedBytes(plan: CellPlan): number {
  const text = plan.value.t === "formula" ? `=${plan.value.f}` : cellText(plan.value);
  return jsonBytes(text) * (plan.value.t === "formula" ? 1 : 2) * MARGIN + EMPTY_CELL_BYTES;
}

export function estimator(options: ReadOptions): (plan: CellPlan) => number {
  const rows = options.grid?.rows;
  return (plan) => {
    const inUse = rows !== undefined && plan.row <= rows.length && plan.col <= (rows[plan.row - 1]?.length ?? 0);
    return options.pessimistic || rows === undefined || inUse ? plannedBytes(plan) : EMPTY_CELL_BYTES;
  };
}

/** Vertical runs of planned cells, cut where the estimate of a slice passes SLICE_BYTES. */
function columnSlices(cells: readonly CellPlan[], bytes: (p: CellPlan) => number): CellPlan[][] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const slices: CellPlan[][] = [];
  let current: CellPlan[] = [];
  let size = 0;
  for (const p of sorted) {
    const last = current[current.length - 1];
    const continues =
      last !== undefined && last.col === p.col && last.row + 1 === p.row && size + bytes(p) <= SLICE_BYTES;
    if (!continues && current.length > 0) {
      slices.push(current);
      current = [];
      size = 0;
    }
    if (last !== undefined && last.col === p.col && last.row === p.row) continue;
    current.push(p);
    size += bytes(p);
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

export function boxOf(cells: readonly { row: number; col: number }[]): CellRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/**
 * Reads of planned cells column slice by column slice, exactly: `values` and `formulas` of every
 * cell (the two tell a formula from a text typed as '=…, which a formula never equals), and
 * number formats where an owned cell sets one.
 * @example exactReads(() => sheet, plan.cells, estimate, read) // one ReadItem per column slice under the budget
 */
export function exactReads(
  ws: () => Excel.Worksheet,
  cells: readonly CellPlan[],
  estimate: (p: CellPlan) => number,
  read: SheetRead,
): ReadItem[] {
  return columnSlices(cells, estimate).map((slice) => {
    const first = slice[0];
    const address = rangeRef({
      top: first.row,
      left: first.col,
      bottom: first.row + slice.length - 1,
      right: first.col,
    });
    const withFormats = slice.some((p) => p.mode === "owned" && p.style?.numFmt !== undefined);
    const props = withFormats ? "values,formulas,numberFormat" : "values,formulas";
    return readItem(slice.reduce((n, p) => n + estimate(p), 0) + ACTION_OVERHEAD_BYTES, () => {
      const r = ws().getRange(address).load(props);
      return () =>
        slice.forEach((p, i) => {
          read.cells.set(cellKey(p.row, p.col), { value: r.values[i][0], formula: r.formulas[i][0] });
          if (withFormats) read.numberFormats.set(cellKey(p.row, p.col), String(r.numberFormat[i][0]));
        });
    });
  });
}

/** Rows between two probes of a number format range. */
export const FORMAT_PROBE_STEP = 250;

/**
 * The rows where a number-format range is probed: its first and last row and every
 * FORMAT_PROBE_STEP-th row between (number formats are looks, not data: a cell a person
 * formatted otherwise between two probes keeps its format, and a column that grew is found
 * at its last row).
 * @example formatProbeRows({ top: 3, left: 8, bottom: 600, right: 8 }) // [3, 253, 503, 600]
 */
export function formatProbeRows(range: CellRange): number[] {
  const rows = new Set<number>([range.top, range.bottom]);
  for (let r = range.top + FORMAT_PROBE_STEP; r < range.bottom; r += FORMAT_PROBE_STEP) rows.add(r);
  return [...rows].sort((a, b) => a - b);
}

export function formatProbe(ws: () => Excel.Worksheet, range: CellRange, read: SheetRead, index: number): ReadItem {
  const rows = formatProbeRows(range);
  return readItem(rows.length * (range.right - range.left + 1) * 40 + rows.length * ACTION_OVERHEAD_BYTES, () => {
    const loaded = rows.map((r) =>
      ws()
        .getRange(rangeRef({ ...range, top: r, bottom: r }))
        .load("numberFormat"),
    );
    return () => {
      read.formatProbes[index] = loaded.flatMap((r) => r.numberFormat[0].map((f) => String(f)));
    };
  });
}

/**
 * The cell reads of one sheet: a generated sheet as one block reaching its used range, other
 * sheets' planned cells column slice by column slice.
 * @example cellReads(() => sheet, plan, options, read) // ReadItems filling read.cells (and read.block when one is loaded)
 */
export function cellReads(
  ws: () => Excel.Worksheet,
  plan: SheetPlan,
  options: ReadOptions,
  read: SheetRead,
): ReadItem[] {
  if (plan.cells.length === 0) return [];
  if (!plan.owned) return exactReads(ws, plan.cells, estimator(options), read);
  const owned = plan.owned;
  const planned = boxOf([
    ...plan.cells,
    { row: owned.fromRow, col: owned.left },
    { row: owned.fromRow, col: owned.right },
  ]);
  const bytes = plan.cells.reduce((n, p) => n + plannedBytes(p) + EMPTY_CELL_BYTES, 0);
  return [
    readItem(bytes, () => {
      const sheet = ws();
      const r = sheet
        .getRange(rangeRef(planned))
        .getBoundingRect(sheet.getUsedRange(true))
        .load("rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat");
      return () => {
        read.block = {
          top: r.rowIndex + 1,
          left: r.columnIndex + 1,
          bottom: r.rowIndex + r.rowCount,
          right: r.columnIndex + r.columnCount,
        };
        r.values.forEach((row, i) =>
          row.forEach((value, j) => {
            const k = cellKey(r.rowIndex + 1 + i, r.columnIndex + 1 + j);
            read.cells.set(k, { value, formula: r.formulas[i][j] });
            read.numberFormats.set(k, String(r.numberFormat[i][j]));
          }),
        );
      };
    }),
  ];
}
