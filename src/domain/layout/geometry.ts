import type { CellRange } from "../a1-ref";
import type { LineStyle, SheetLayout } from "./types";

/** The line on each edge of one cell. */
export interface CellEdges {
  top?: LineStyle;
  bottom?: LineStyle;
  left?: LineStyle;
  right?: LineStyle;
}

const WEIGHT: Readonly<Record<LineStyle, number>> = { none: 0, thin: 1, medium: 2 };

function heavier(a: LineStyle | undefined, b: LineStyle): LineStyle {
  return a === undefined || WEIGHT[b] > WEIGHT[a] ? b : a;
}

/**
 * The line on each edge of each cell, keyed "row,col", combining the layout's border regions
 * (outline on a region's edges, inner lines inside it; where regions meet, the heavier line
 * wins). Both adapters draw borders from this.
 * @example cellEdges(layout).get("3,1") // { top: "medium", left: "medium", bottom: "thin", right: "thin" }
 */
export function cellEdges(layout: Pick<SheetLayout, "borders">): Map<string, CellEdges> {
  const edges = new Map<string, CellEdges>();
  for (const { range, outline, inner } of layout.borders) {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const key = `${r},${c}`;
        const e = edges.get(key) ?? {};
        e.top = heavier(e.top, r === range.top ? outline : inner);
        e.bottom = heavier(e.bottom, r === range.bottom ? outline : inner);
        e.left = heavier(e.left, c === range.left ? outline : inner);
        e.right = heavier(e.right, c === range.right ? outline : inner);
        edges.set(key, e);
      }
    }
  }
  return edges;
}

/**
 * The merged range a cell lies in, or the cell itself when it is not merged.
 * @example mergeAt({ merges: [{ top: 1, left: 1, bottom: 1, right: 4 }] }, 1, 3) // { top: 1, left: 1, bottom: 1, right: 4 }
 */
export function mergeAt(layout: Pick<SheetLayout, "merges">, row: number, col: number): CellRange {
  return (
    layout.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? {
      top: row,
      left: col,
      bottom: row,
      right: col,
    }
  );
}
