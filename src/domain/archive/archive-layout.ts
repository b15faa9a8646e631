/**
 * The `Y年归档` sheet as a layout: the header band of the ledger sheet the year's items come
 * from (its text and merges), then one placeholder cell per value of each moved row (the values
 * themselves are written typed by the plan's archiveWrites, so dates stay dates), the merges
 * inside each moved item (an item over several rows keeps its merged 编号/内容), widths by what
 * each column holds, heights for the text, borders and A4 landscape printing.
 */
import { cellText, isBlank, type CellValue, type CellRange, type SheetGrid } from "../cell";
import type { ColumnKey } from "../columns";
import { formatChineseDate } from "../dates";
import type { RegistryLayout } from "../model";
import { columnWidthPt, rowHeightFor } from "../layout/metrics";
import { A4_MARGINS_CM, OFFICIAL_STYLES } from "../layout/styles";
import type { LayoutCell, SheetLayout, StyleName } from "../layout/types";

/** A moved item's rows: from `from` on its ledger sheet to `to` on the archive, `height` rows each. */
export interface MovedRows {
  readonly from: number;
  readonly to: number;
  readonly height: number;
  /** The ledger sheet it comes from. */
  readonly grid: SheetGrid;
}

/**
 * Every moved row in order: its row on the archive sheet and its cells on the ledger sheet.
 * @example movedSheetRows([{ from: 6, to: 4, height: 2, grid }]).map((r) => r.at) // [4, 5]
 */
export function movedSheetRows(moved: readonly MovedRows[]): { at: number; cells: readonly CellValue[] }[] {
  return moved.flatMap((m) =>
    Array.from({ length: m.height }, (_, k) => ({ at: m.to + k, cells: m.grid.rows[m.from + k - 1] ?? [] })),
  );
}

/** Width (Excel units) of the archive's columns, by what they hold. */
const WIDTH: Partial<Record<ColumnKey, number>> = {
  seq: 6,
  number: 14,
  content: 30,
  sourceDocNo: 14,
  urgency: 7,
  secrecy: 7,
  section: 12,
  assisting: 12,
  hostHead: 10,
  result: 12,
  remarks: 16,
  hostUnit: 12,
  source: 12,
  major: 7,
  signer: 9,
  extensionApprover: 9,
  status: 8,
};
const DATE_WIDTH = 13;
const OTHER_WIDTH = 10;
const DATE_KEYS: ReadonlySet<ColumnKey> = new Set([
  "issuedOn",
  "dueOn",
  "signedOn",
  "closedOn",
  "extendedTo",
  "reportedOn",
]);
const LEFT_KEYS: ReadonlySet<ColumnKey> = new Set(["content", "result", "remarks"]);

function columnWidths(layout: RegistryLayout, width: number): number[] {
  const keyAt = new Map(Object.entries(layout.columns).map(([k, c]) => [c, k as ColumnKey]));
  return Array.from({ length: width }, (_, i) => {
    const key = keyAt.get(i + 1);
    if (key === undefined) return OTHER_WIDTH;
    return DATE_KEYS.has(key) ? DATE_WIDTH : (WIDTH[key] ?? OTHER_WIDTH);
  });
}

function printed(cell: CellValue): string {
  return cell.t === "date" ? formatChineseDate(cell.v) : cellText(cell);
}

/** The style of a band row: header rows (3+ cells) as labels, the first lone line as the title, others as notes. */
function bandStyle(row: readonly CellValue[], firstLine: boolean): StyleName {
  const filled = row.filter((c) => !isBlank(c)).length;
  if (filled >= 3) return "label";
  return firstLine ? "title" : "note";
}

/** The band's cells and row heights. */
function bandCells(band: SheetGrid, layout: RegistryLayout, widths: readonly number[]) {
  const cells: LayoutCell[] = [];
  const heights: number[] = [];
  let firstLine = true;
  for (let r = 1; r <= layout.headerRow; r++) {
    const row = band.rows[r - 1] ?? [];
    const style = bandStyle(row, firstLine);
    let height = style === "title" ? 36 : 22;
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const text = printed(cell);
      cells.push({ row: r, col: c + 1, value: text, style });
      const font = OFFICIAL_STYLES[style].font.sizePt;
      if (style === "label")
        height = Math.max(height, rowHeightFor(text, font, columnWidthPt(widths[c] ?? OTHER_WIDTH), 24));
    });
    if (row.some((c) => !isBlank(c))) firstLine = false;
    heights.push(height);
  }
  return { cells, heights };
}

/** The moved rows' placeholder cells (styled) and heights. */
function movedCells(layout: RegistryLayout, moved: readonly MovedRows[], widths: readonly number[]) {
  const keyAt = new Map(Object.entries(layout.columns).map(([k, c]) => [c, k as ColumnKey]));
  const cells: LayoutCell[] = [];
  const heights: number[] = [];
  for (const { at, cells: row } of movedSheetRows(moved)) {
    let height = 20;
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const style: StyleName = LEFT_KEYS.has(keyAt.get(c + 1) as ColumnKey) ? "smallLeft" : "small";
      // A placeholder: the value itself is written by archiveWrites, typed (dates stay dates).
      cells.push({ row: at, col: c + 1, value: "", style });
      const size = OFFICIAL_STYLES[style].font.sizePt;
      height = Math.min(
        409,
        Math.max(height, rowHeightFor(printed(cell), size, columnWidthPt(widths[c] ?? OTHER_WIDTH), 20)),
      );
    });
    heights.push(height);
  }
  return { cells, heights };
}

/**
 * The merges inside each moved item (it moves whole, so none crosses its edge), at their new rows.
 * @example movedMerges([{ from: 6, to: 4, height: 3, grid }]) // grid's { top: 6, bottom: 8, left: 2, right: 2 } → { top: 4, bottom: 6, … }
 */
export function movedMerges(moved: readonly MovedRows[]): CellRange[] {
  return moved.flatMap((m) =>
    (m.grid.merges ?? [])
      .filter((g) => g.top >= m.from && g.bottom <= m.from + m.height - 1)
      .map((g) => ({ ...g, top: g.top - m.from + m.to, bottom: g.bottom - m.from + m.to })),
  );
}

/**
 * The archive sheet's layout: `band` is the ledger sheet whose header band it carries.
 * @example archiveLayout("2021年归档", registry, layout, moved, 24).rowHeights.length // band + moved rows
 */
export function archiveLayout(
  name: string,
  band: SheetGrid,
  layout: RegistryLayout,
  moved: readonly MovedRows[],
  width: number,
): SheetLayout {
  const widths = columnWidths(layout, width);
  const head = bandCells(band, layout, widths);
  const body = movedCells(layout, moved, widths);
  const merges = (band.merges ?? []).filter((g) => g.bottom <= layout.headerRow).concat(movedMerges(moved));
  const last = layout.headerRow + body.heights.length;
  const bandRows = Array.from({ length: layout.headerRow }, (_, i) => i + 1);
  const headerTop = bandRows.find((r) => bandStyle(band.rows[r - 1] ?? [], false) === "label") ?? layout.headerRow;
  return {
    name,
    title: name,
    columnWidths: widths,
    rowHeights: [...head.heights, ...body.heights],
    styles: OFFICIAL_STYLES,
    cells: [...head.cells, ...body.cells],
    merges,
    borders: [{ range: { top: headerTop, left: 1, bottom: last, right: width }, outline: "thin", inner: "thin" }],
    page: {
      paper: "A4",
      orientation: "landscape",
      marginsCm: A4_MARGINS_CM,
      printArea: { top: 1, left: 1, bottom: last, right: width },
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
    showGridLines: true,
  };
}
