/** Properties every printable document layout must have. */
import type { SheetLayout } from "../../../src/domain/layout/types";
import { columnWidthPt } from "../../../src/domain/layout/metrics";
import { A4_PRINTABLE_WIDTH_PT } from "../../../src/domain/layout/styles";
import { isValidSheetName } from "../../../src/domain/sheet-name";

export function expectSoundLayout(layout: SheetLayout): void {
  expect(isValidSheetName(layout.name)).toBe(true);
  const rows = layout.rowHeights.length;
  const cols = layout.columnWidths.length;
  expect(layout.columnWidths.every((w) => w > 0)).toBe(true);
  expect(layout.rowHeights.every((h) => h > 0 && h <= 409)).toBe(true); // Excel's row height limit

  // One page wide on A4 portrait, the columns filling the width between the margins.
  expect(layout.page).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: 1, horizontalCentered: true });
  const width = layout.columnWidths.reduce((a, w) => a + columnWidthPt(w), 0);
  expect(width).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH_PT);
  expect(width).toBeGreaterThan(A4_PRINTABLE_WIDTH_PT * 0.95);
  expect(layout.page.printArea).toEqual({ top: 1, left: 1, bottom: rows, right: cols });

  // Merges inside the sheet and disjoint.
  const covered = new Map<string, number>();
  layout.merges.forEach((m, i) => {
    expect(m.top).toBeGreaterThanOrEqual(1);
    expect(m.left).toBeGreaterThanOrEqual(1);
    expect(m.bottom).toBeLessThanOrEqual(rows);
    expect(m.right).toBeLessThanOrEqual(cols);
    expect(m.bottom > m.top || m.right > m.left).toBe(true);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        expect(covered.has(`${r},${c}`)).toBe(false);
        covered.set(`${r},${c}`, i);
      }
    }
  });

  // Values only in top-left cells of merges, inside the sheet, with a known style; one value per cell.
  const seen = new Set<string>();
  for (const cell of layout.cells) {
    expect(cell.row).toBeGreaterThanOrEqual(1);
    expect(cell.row).toBeLessThanOrEqual(rows);
    expect(cell.col).toBeGreaterThanOrEqual(1);
    expect(cell.col).toBeLessThanOrEqual(cols);
    expect(layout.styles[cell.style]).toBeDefined();
    const key = `${cell.row},${cell.col}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
    const merge = covered.get(key);
    if (merge !== undefined) {
      expect([layout.merges[merge].top, layout.merges[merge].left]).toEqual([cell.row, cell.col]);
    }
  }

  // The official faces, each with fallbacks.
  expect(layout.styles.title.font.name).toBe("方正小标宋简体");
  for (const name of ["label", "value", "valueLeft", "body", "right", "note"] as const) {
    expect(layout.styles[name].font.name).toBe("仿宋_GB2312");
    expect(layout.styles[name].font.fallbacks).toContain("仿宋");
  }
  expect(layout.styles.title.font.fallbacks.length).toBeGreaterThan(0);
  const title = layout.cells.find((c) => c.style === "title");
  expect(title?.value).toBe(layout.title);
}
