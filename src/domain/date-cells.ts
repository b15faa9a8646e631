/**
 * Dates written as something else: a date typed as text (2021-03-05, 2021年3月5日 …) or as a
 * yyyymmdd number (20210305). The engine reads them, the workbook's formulas do not (they parse
 * no text), so such a cell is painted red in the workbook and reported here with the date as
 * its fix — `duban fix` and the pane's one-click fix write it as a real date.
 */
import type { SheetGrid } from "./cell";
import { ALL_COLUMNS, type ColumnKey } from "./columns";
import { parseDateCell } from "./dates";
import type { Issue, RegistryItem, RegistryLayout } from "./model";
import { HEADER_OF } from "./registry";
import { makeIssue } from "./rules";

const DATE_KEYS: readonly ColumnKey[] = ALL_COLUMNS.filter((c) => c.kind === "date").map((c) => c.key);

/**
 * One warning per date cell of an item (every row of an item over several rows) that holds a
 * date as text or as a yyyymmdd number; its fix is the date (YYYY-MM-DD), to be written as a
 * real date.
 * @example dateCellIssues(grid, layout, items)[0]
 *   // { row: 4, column: "要求完成时间", severity: "warning", code: "date-as-text", fix: "2026-03-05", … }
 */
export function dateCellIssues(grid: SheetGrid, layout: RegistryLayout, items: readonly RegistryItem[]): Issue[] {
  const issues: Issue[] = [];
  const rows = items.flatMap((item) =>
    Array.from({ length: (item.lastRow ?? item.row) - item.row + 1 }, (_, i) => item.row + i),
  );
  for (const row of rows) {
    const cells = grid.rows[row - 1] ?? [];
    for (const key of DATE_KEYS) {
      const col = layout.columns[key];
      const cell = col === undefined ? undefined : cells[col - 1];
      if (cell === undefined || (cell.t !== "string" && cell.t !== "number")) continue;
      if (cell.t === "number" && !(Number.isInteger(cell.v) && cell.v >= 19000101)) continue;
      const parsed = parseDateCell(cell);
      if (!parsed?.ok) continue;
      const column = HEADER_OF[key];
      const text = cell.t === "string" ? cell.v.trim() : String(cell.v);
      issues.push(makeIssue("date-as-text", row, column, { column, text, date: parsed.date }, parsed.date));
    }
  }
  return issues;
}
