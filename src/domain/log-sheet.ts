/**
 * Log sheets the workbook keeps for everyone sharing it — 催办记录 (urgings), 问责记录
 * (accountability measures): a header row, then one row per entry. Columns are found by header
 * text (other spellings accepted); rows a person typed are read leniently. This file holds
 * what the logs share: finding the header, reading rows by column, where the next row goes,
 * and the empty sheet a log starts as.
 */
import { cellText, isBlank, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import { normalizeHeader } from "./columns";
import { parseDateCell } from "./dates";
import { FormBuilder } from "./layout/form-builder";
import type { SheetLayout } from "./layout/types";

/** One column of a log: its key, header text and the other spellings accepted when reading. */
export interface LogColumnDef<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly aliases: readonly string[];
}

/** A log sheet as read. */
export interface LogSheet<K extends string> {
  /** 1-based header row (0 when the sheet has no recognisable header). */
  readonly headerRow: number;
  /** 1-based column of each header found. */
  readonly columns: Readonly<Partial<Record<K, number>>>;
  /** Rows below the header whose key column holds something, with their cells by column. */
  readonly rows: readonly { readonly row: number; readonly cells: Readonly<Partial<Record<K, CellValue>>> }[];
  /** The first row below every row holding something: where the next entry goes. */
  readonly nextRow: number;
}

/** A log as its module reads it: the sheet's header and next row, and its rows as typed entries. */
export type ReadLog<K extends string, E> = Omit<LogSheet<K>, "rows"> & {
  readonly entries: readonly (E & { readonly row: number })[];
};

/** How many rows from the top the header may sit in. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads a log sheet: the header is the first of the top 10 rows naming the key column (by its
 * header or an alias, white space ignored); every row below whose key cell is not blank is a
 * row of the log. Without a header, no row is read and the next entry goes below whatever the
 * sheet holds.
 * @example readLogSheet({ name: "催办记录", rows: [] }, REMIND_LOG_HEADERS, "number").nextRow // 2
 */
export function readLogSheet<K extends string>(
  grid: SheetGrid,
  defs: readonly LogColumnDef<K>[],
  keyColumn: K,
): LogSheet<K> {
  const columnOf = (text: string): K | undefined => {
    const h = normalizeHeader(text);
    return defs.find((c) => c.header === h || c.aliases.includes(h))?.key;
  };
  let headerRow = 0;
  const columns: Partial<Record<K, number>> = {};
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rows.length) && headerRow === 0; r++) {
    const found: Partial<Record<K, number>> = {};
    grid.rows[r].forEach((cell, c) => {
      const key = columnOf(cellText(cell));
      if (key !== undefined && found[key] === undefined) found[key] = c + 1;
    });
    if (found[keyColumn] !== undefined) {
      headerRow = r + 1;
      Object.assign(columns, found);
    }
  }
  let lastFilled = 0;
  grid.rows.forEach((row, r) => {
    if (row.some((cell) => !isBlank(cell))) lastFilled = r + 1;
  });
  const rows: { row: number; cells: Partial<Record<K, CellValue>> }[] = [];
  if (headerRow > 0) {
    for (let r = headerRow; r < grid.rows.length; r++) {
      const cells: Partial<Record<K, CellValue>> = {};
      for (const def of defs) {
        const col = columns[def.key];
        if (col !== undefined && grid.rows[r][col - 1] !== undefined) cells[def.key] = grid.rows[r][col - 1];
      }
      if (isBlank(cells[keyColumn])) continue;
      rows.push({ row: r + 1, cells });
    }
  }
  return { headerRow, columns, rows, nextRow: Math.max(lastFilled, headerRow, 1) + 1 };
}

/**
 * A date from a log cell, null when blank or unreadable (a log is never thrown on).
 * @example logDate({ t: "string", v: "2021年5月10日" }) // "2021-05-10"
 */
export function logDate(cell: CellValue | undefined): IsoDate | null {
  if (!cell) return null;
  const parsed = parseDateCell(cell);
  return parsed?.ok ? parsed.date : null;
}

/**
 * A date or text as a log cell (empty for null or "").
 * @example logCell("2021-05-10", "date") // { t: "date", v: "2021-05-10" }
 */
export function logCell(value: string | null, kind: "date" | "text"): CellValue {
  if (value === null || value === "") return { t: "empty" };
  return kind === "date" ? { t: "date", v: value } : { t: "string", v: value };
}

/**
 * A new, empty log sheet: the header row in the official font, framed; it prints as many
 * pages as it needs, one page wide, with grid lines on screen (a log grows downwards).
 * @example logSheetLayout(REMIND_LOG_HEADERS, [16, 20, 14, 12, 16], "催办记录", "催办记录").cells.length // 5
 */
export function logSheetLayout<K extends string>(
  defs: readonly LogColumnDef<K>[],
  widths: readonly number[],
  name: string,
  title: string,
): SheetLayout {
  const f = new FormBuilder(widths);
  const header = f.row(defs.map((c) => ({ text: c.header, style: "label" as const, field: c.key })));
  f.table(header);
  const layout = f.build(name, title);
  return { ...layout, page: { ...layout.page, fitToHeight: 0, printArea: null }, showGridLines: true };
}
