/** Plain-text tables aligned for CJK text (two columns per ideograph), optionally coloured. */
import type { Colour, Paint } from "./colour";
import { displayWidth, padEndWidth } from "./text-width";

/** One cell: its text and an optional colour. */
export type TableCell = string | { readonly text: string; readonly colour?: Colour };

/**
 * Renders a header and rows as lines with columns separated by two spaces, each column as
 * wide as its widest cell; the last column is not padded. Colour is applied after padding so
 * escape codes never disturb alignment.
 * @example renderTable(["行", "状态"], [["3", "逾期"]], painter(false)) // ["行  状态", "3   逾期"]
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly TableCell[])[],
  paint: Paint,
): string[] {
  const text = (cell: TableCell): string => (typeof cell === "string" ? cell : cell.text);
  const colour = (cell: TableCell): Colour | undefined => (typeof cell === "string" ? undefined : cell.colour);
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(text(r[c] ?? "")))));
  const line = (cells: readonly TableCell[], headerLine: boolean): string =>
    cells
      .map((cell, c) => {
        const padded = c === cells.length - 1 ? text(cell) : padEndWidth(text(cell), widths[c]);
        return paint(padded, headerLine ? "bold" : colour(cell));
      })
      .join("  ")
      .trimEnd();
  return [line(header, true), ...rows.map((r) => line(r, false))];
}
