/**
 * Writing around merged cells: only a merge's top-left cell holds a value, so a value meant for
 * a covered cell goes to the top-left cell when that is the same column of the same item (a
 * 编号 merged down the rows of an item over several rows), and is refused otherwise.
 */
import type { CellRange } from "./cell";

/** Where a value for a cell can be written. */
export type WriteTarget =
  { readonly ok: true; readonly row: number; readonly col: number } | { readonly ok: false; readonly merge: CellRange };

/**
 * The merge covering a cell (a cell of it other than its top-left), or undefined.
 * @example coveringMerge([{ top: 5, left: 2, bottom: 6, right: 2 }], 6, 2) // { top: 5, left: 2, bottom: 6, right: 2 }
 * @example coveringMerge([{ top: 5, left: 2, bottom: 6, right: 2 }], 5, 2) // undefined (the top-left cell)
 */
export function coveringMerge(
  merges: readonly CellRange[] | undefined,
  row: number,
  col: number,
): CellRange | undefined {
  return merges?.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left),
  );
}

/**
 * Where to write a value meant for (row, col) of an item spanning rows `first`…`last`: the
 * cell itself when no merge covers it; the merge's top-left cell when the merge runs down that
 * column only and starts within the item; else not at all. Unknown merges (undefined) allow the
 * cell itself.
 * @example writeTarget([{ top: 5, left: 2, bottom: 6, right: 2 }], 6, 2, 5, 6) // { ok: true, row: 5, col: 2 }
 * @example writeTarget([{ top: 4, left: 2, bottom: 5, right: 3 }], 5, 2, 5, 5) // { ok: false, merge: … }
 */
export function writeTarget(
  merges: readonly CellRange[] | undefined,
  row: number,
  col: number,
  first = row,
  last = row,
): WriteTarget {
  const merge = coveringMerge(merges, row, col);
  if (merge === undefined) return { ok: true, row, col };
  const sameColumn = merge.left === col && merge.right === col;
  if (sameColumn && merge.top >= first && merge.top <= last) return { ok: true, row: merge.top, col };
  return { ok: false, merge };
}
