/**
 * Year-end archive (policy 四（五）) as a plan — pure data saying what to write where:
 *   - which items move: closed and terminated items issued in year Y (任务下达时间's year,
 *     else the year of their number when the date is blank); open items stay;
 *   - the new sheet `Y年归档`: the registry's header band (rows above and including the header,
 *     with their merges), then the moved rows in registry order, every column of each row
 *     copied as the registry holds it (values as read, dates as dates);
 *   - the registry: the moved rows' cells are cleared (written empty), the rows themselves
 *     stay. Deleting or shifting rows would move every cell below — formulas, conditional
 *     formats, validations, names, notes and other sheets' references to them — and a
 *     package-preserving writer can only rewrite cells safely, so archive never does it; a
 *     person can delete the empty rows in Excel, which fixes every reference itself. The
 *     状态 column keeps its formula (it shows nothing on an empty row).
 *   - the 催办记录 and 问责记录 rows of archived items are left where they are: they name
 *     items by number, and an archived item keeps its number on the archive sheet.
 * A year already archived (its sheet exists) is refused, and so is a move that would split a
 * merged cell between a moved and a kept row.
 */
import { cellText, EMPTY, isBlank, type CellValue, type GridRange, type IsoDate, type SheetGrid } from "../cell";
import type { ColumnKey } from "../columns";
import { formatChineseDate, yearOf } from "../dates";
import { parseNumber } from "../numbers";
import type { RegistryItem, RegistryLayout } from "../model";
import { isClosed, isTerminated } from "../status";
import { columnWidthPt, rowHeightFor } from "../layout/metrics";
import { A4_MARGINS_CM, OFFICIAL_STYLES } from "../layout/styles";
import type { LayoutCell, SheetLayout, StyleName } from "../layout/types";
import { findSheetName } from "../documents/sheet-name";
import { archiveSheetName, archiveYearOf } from "./sheets";

/** One cell to write (the shape of the app's CellWrite: the use case hands these to the port). */
export interface GridWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly numFmt?: string;
  readonly old?: CellValue;
}

/** Number format of dates written into the archive. */
export const ARCHIVE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

export interface ArchiveInput {
  readonly year: number;
  readonly today: IsoDate;
  readonly registry: SheetGrid;
  readonly layout: RegistryLayout;
  readonly items: readonly RegistryItem[];
  readonly sheetNames: readonly string[];
}

export interface MovedItem {
  readonly item: RegistryItem;
  /** Its row in the registry. */
  readonly from: number;
  /** Its row on the archive sheet. */
  readonly to: number;
}

export interface ArchivePlan {
  readonly year: number;
  readonly sheetName: string;
  readonly moved: readonly MovedItem[];
  /** Items that stay on the registry (every year). */
  readonly kept: readonly RegistryItem[];
  /** Of those, the open items of the year (they stay until they close). */
  readonly keptOfYear: number;
  /** The new sheet: header band, merges, styles, widths; its values come in `archiveWrites`. */
  readonly layout: SheetLayout;
  readonly archiveWrites: readonly GridWrite[];
  /** The registry cells emptied, each with the value it held. */
  readonly clearWrites: readonly GridWrite[];
  /** Things the person should know, in Chinese. */
  readonly warnings: readonly string[];
}

export type ArchiveRefusalCode = "year-invalid" | "year-future" | "archive-exists" | "merge-across";

export type ArchivePlanResult =
  | { readonly ok: true; readonly plan: ArchivePlan }
  | { readonly ok: false; readonly code: ArchiveRefusalCode; readonly message: string };

/**
 * The year an item counts in for archiving: its 任务下达时间's year, else its number's year.
 * @example issueYear({ issuedOn: null, number: "〔2021〕3号" }) // 2021
 */
export function issueYear(item: Pick<RegistryItem, "issuedOn" | "number">): number | null {
  if (item.issuedOn !== null) return yearOf(item.issuedOn);
  return parseNumber(item.number).value?.year ?? null;
}

/**
 * True when an item moves to year Y's archive: issued in Y, and closed or terminated.
 * @example archivable({ issuedOn: "2021-03-05", result: "按期办结", closedOn: null, number: "" }, 2021) // true
 */
export function archivable(item: RegistryItem, year: number): boolean {
  return issueYear(item) === year && (isClosed(item) || isTerminated(item));
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

/** A merged range that covers rows on both sides of a set of rows, if any. */
function mergeAcross(merges: readonly GridRange[], rows: ReadonlySet<number>): GridRange | undefined {
  return merges.find((m) => {
    let inside = false;
    let outside = false;
    for (let r = m.top; r <= m.bottom; r++) rows.has(r) ? (inside = true) : (outside = true);
    return inside && outside;
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

/**
 * The plan of archiving year Y, or why it is refused (a year already archived, a year still
 * to come, a merged cell spanning a moved and a kept row).
 * @example planArchive({ year: 2021, today: "2022-01-05", registry, layout, items, sheetNames })
 *   // { ok: true, plan: { sheetName: "2021年归档", moved: [{ from: 3, to: 3, … }, …], … } }
 */
export function planArchive(input: ArchiveInput): ArchivePlanResult {
  const { year, registry, layout } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    return { ok: false, code: "year-invalid", message: `归档年份须为四位年份，如 2021；收到：${year}` };
  }
  if (year > yearOf(input.today)) {
    return {
      ok: false,
      code: "year-future",
      message: `${year}年尚未到来（今天是${formatChineseDate(input.today)}），没有可归档的事项`,
    };
  }
  const sheetName = archiveSheetName(year);
  const existing =
    findSheetName(sheetName, input.sheetNames) ?? input.sheetNames.find((n) => archiveYearOf(n) === year);
  if (existing !== undefined) {
    return {
      ok: false,
      code: "archive-exists",
      message: `${year}年已经归档（工作表“${existing}”已存在），不能重复归档。如确需重新归档，请先核对该表，将其中的事项移回登记表并删除该表后再运行`,
    };
  }
  const movedItems = input.items.filter((i) => archivable(i, year));
  const movedRows = new Set(movedItems.map((i) => i.row));
  const across = mergeAcross(registry.merges ?? [], movedRows);
  if (across !== undefined) {
    return {
      ok: false,
      code: "merge-across",
      message: `登记表第${across.top}至${across.bottom}行有合并单元格，跨越了要归档的事项和要保留的行，无法自动归档。请先取消该合并单元格，或在每一行填写完整后再归档`,
    };
  }
  const band = layout.headerRow;
  const width = registry.rows.reduce((w, r) => Math.max(w, r.length), layout.lastHeaderColumn);
  const moved = movedItems.map((item, i) => ({ item, from: item.row, to: band + 1 + i }));
  return {
    ok: true,
    plan: {
      year,
      sheetName,
      moved,
      kept: input.items.filter((i) => !movedRows.has(i.row)),
      keptOfYear: input.items.filter((i) => !movedRows.has(i.row) && issueYear(i) === year).length,
      layout: archiveLayout(sheetName, registry, layout, moved, width),
      archiveWrites: archiveWrites(sheetName, registry, moved, width),
      clearWrites: clearWrites(registry, layout, moved),
      warnings: yearOf(input.today) === year ? [`${year}年尚未结束，归档后办结的${year}年事项会留在登记表中`] : [],
    },
  };
}

/** The new sheet: the band's text and merges, styles for the moved rows' cells, widths and heights. */
function archiveLayout(
  name: string,
  registry: SheetGrid,
  layout: RegistryLayout,
  moved: readonly MovedItem[],
  width: number,
): SheetLayout {
  const widths = columnWidths(layout, width);
  const band = layout.headerRow;
  const keyAt = new Map(Object.entries(layout.columns).map(([k, c]) => [c, k as ColumnKey]));
  const cells: LayoutCell[] = [];
  const heights: number[] = [];
  let firstLine = true;
  for (let r = 1; r <= band; r++) {
    const row = registry.rows[r - 1] ?? [];
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
  for (const m of moved) {
    const row = registry.rows[m.from - 1] ?? [];
    let height = 20;
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const style: StyleName = LEFT_KEYS.has(keyAt.get(c + 1) as ColumnKey) ? "smallLeft" : "small";
      // A placeholder: the value itself is written by archiveWrites, typed (dates stay dates).
      cells.push({ row: m.to, col: c + 1, value: "", style });
      const size = OFFICIAL_STYLES[style].font.sizePt;
      height = Math.min(
        409,
        Math.max(height, rowHeightFor(printed(cell), size, columnWidthPt(widths[c] ?? OTHER_WIDTH), 20)),
      );
    });
    heights.push(height);
  }
  // Merges inside one moved row move with it (a merge across rows was refused before).
  const inRow = new Map<number, GridRange[]>();
  for (const g of registry.merges ?? []) {
    if (g.top === g.bottom && g.top > band) inRow.set(g.top, [...(inRow.get(g.top) ?? []), g]);
  }
  const merges = (registry.merges ?? [])
    .filter((g) => g.bottom <= band)
    .concat(moved.flatMap((m) => (inRow.get(m.from) ?? []).map((g) => ({ ...g, top: m.to, bottom: m.to }))));
  const last = band + moved.length;
  const bandRows = Array.from({ length: band }, (_, i) => i + 1);
  const headerTop = bandRows.find((r) => bandStyle(registry.rows[r - 1] ?? [], false) === "label") ?? band;
  return {
    name,
    title: name,
    columnWidths: widths,
    rowHeights: heights,
    styles: OFFICIAL_STYLES,
    cells,
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

/** The moved rows' values on the archive sheet, every non-blank cell as the registry holds it. */
function archiveWrites(sheet: string, registry: SheetGrid, moved: readonly MovedItem[], width: number): GridWrite[] {
  const writes: GridWrite[] = [];
  for (const m of moved) {
    const row = registry.rows[m.from - 1] ?? [];
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? EMPTY;
      if (isBlank(value)) continue;
      writes.push({
        sheet,
        row: m.to,
        col: c + 1,
        value,
        old: EMPTY,
        ...(value.t === "date" ? { numFmt: ARCHIVE_DATE_FORMAT } : {}),
      });
    }
  }
  return writes;
}

/** The registry cells to empty: every non-blank cell of a moved row but its 状态 (a formula the sheet keeps). */
function clearWrites(registry: SheetGrid, layout: RegistryLayout, moved: readonly MovedItem[]): GridWrite[] {
  const statusCol = layout.columns.status;
  const writes: GridWrite[] = [];
  for (const m of moved) {
    const row = registry.rows[m.from - 1] ?? [];
    row.forEach((value, c) => {
      if (isBlank(value) || c + 1 === statusCol) return;
      writes.push({ sheet: layout.sheetName, row: m.from, col: c + 1, value: EMPTY, old: value });
    });
  }
  return writes;
}
