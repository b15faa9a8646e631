/**
 * The header of a registry as offices draw it: a band of one to three rows under a title and a
 * subtitle, where a group cell spans its sub-headers (时间 over 任务下达时间 / 要求完成时间,
 * 督办事项 over 编号 / 内容, 督办单位 over 督办 / 协办) and headers without sub-headers are
 * merged down the band (序号, 密级 …). Each column is named by what its cells say from the
 * bottom of the band up:
 *
 *   1. the sub-header alone (编号 → 督办事项编号, 任务下达时间);
 *   2. the sub-header with its group: group + sub (督办事项 + 内容), sub + group (任务下达 +
 *      时间), sub + the group's last two characters (协办 + 单位);
 *   3. only when nothing else names it, the group alone.
 *
 * A cell covered by a merge reads as the merge's top-left text. When the merges are unknown
 * (Office before ExcelApi 1.13) the band is read as if: a blank cell under a header belongs to
 * the header above it (merged down), and a blank cell of an upper row over a sub-header belongs
 * to the group on its left (merged across).
 */
import { isBlank, type CellRange, type SheetGrid } from "./cell";
import { normalizeHeader, OFFICIAL_COLUMNS, type ColumnKey } from "./columns";
import { columnKeyOfHeader } from "./header-names";

/** Most rows a header band has. */
export const MAX_BAND_ROWS = 3;
/** How many rows from the top are searched for the top of the header band. */
export const HEADER_SEARCH_ROWS = 10;

const OFFICIAL_KEYS: ReadonlySet<ColumnKey> = new Set(OFFICIAL_COLUMNS.map((c) => c.key));

/** What a candidate band names. */
export interface BandScan {
  /** Sheet rows of the band, top to bottom (1-based). */
  readonly rows: readonly number[];
  readonly columns: Partial<Record<ColumnKey, number>>;
  readonly official: number;
  readonly known: number;
  /** Last column (1-based) holding header text in any row of the band. */
  readonly lastHeaderColumn: number;
}

/** A cell → the merge covering it (cells other than the top-left), for the rows that matter. */
export type CoverIndex = ReadonlyMap<string, CellRange>;

const at = (row: number, col: number) => `${row},${col}`;

/**
 * The merges covering cells of rows `fromRow`…`toRow`, by covered cell (the top-left cell of a
 * merge is not covered). Work is linear in the cells the merges of those rows cover.
 * @example coverIndex([{ top: 1, left: 1, bottom: 2, right: 1 }], 1, 5).get("2,1") // the merge
 */
export function coverIndex(merges: readonly CellRange[] | undefined, fromRow: number, toRow: number): CoverIndex {
  const index = new Map<string, CellRange>();
  for (const m of merges ?? []) {
    if (m.bottom < fromRow || m.top > toRow) continue;
    for (let r = Math.max(m.top, fromRow); r <= Math.min(m.bottom, toRow); r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) index.set(at(r, c), m);
    }
  }
  return index;
}

/** The text of a cell as a header (white space removed; "" for blank or non-text). */
function rawText(grid: SheetGrid, row: number, col: number): string {
  const cell = grid.rows[row - 1]?.[col - 1];
  return cell?.t === "string" ? normalizeHeader(cell.v) : "";
}

/**
 * The texts of the band's cells as people read them, per row and column (see the file comment
 * for merges and for the reading when merges are unknown).
 */
function bandTexts(grid: SheetGrid, rows: readonly number[], width: number, covers: CoverIndex): string[][] {
  const known = grid.merges !== undefined;
  const texts = rows.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const col = i + 1;
      const own = rawText(grid, row, col);
      if (own !== "" || !known) return own;
      const m = covers.get(at(row, col));
      return m !== undefined && m.top >= rows[0] ? rawText(grid, m.top, m.left) : "";
    }),
  );
  if (known) return texts;
  for (let r = 1; r < rows.length; r++) {
    for (let c = 0; c < width; c++) if (texts[r][c] === "") texts[r][c] = texts[r - 1][c];
  }
  for (let r = rows.length - 2; r >= 0; r--) {
    for (let c = 1; c < width; c++) {
      const below = texts[r + 1];
      if (texts[r][c] === "" && texts[r][c - 1] !== "" && below[c] !== "" && below[c - 1] !== texts[r][c - 1]) {
        texts[r][c] = texts[r][c - 1];
      }
    }
  }
  return texts;
}

/** The names a column's band texts (top to bottom) may stand for, most specific first; then the last resorts. */
function candidates(column: readonly string[]): { names: string[]; lastResort: string[] } {
  const sub = column[column.length - 1];
  const groups: string[] = [];
  for (let i = column.length - 2; i >= 0; i--) {
    const g = column[i];
    if (g !== "" && g !== sub && !groups.includes(g)) groups.push(g);
  }
  if (sub === "") return { names: [], lastResort: groups };
  const names = [sub];
  for (const g of groups) names.push(g + sub, sub + g, sub + g.slice(-2));
  return { names, lastResort: groups };
}

/**
 * What the band of `rows` names: each column's key (the first column naming a key wins; names
 * from a group alone only for keys no column names otherwise).
 * @example scanBand(grid, [3, 4]).columns // { seq: 1, number: 2, content: 3, issuedOn: 7, … }
 */
export function scanBand(grid: SheetGrid, rows: readonly number[], covers?: CoverIndex): BandScan {
  const index = covers ?? coverIndex(grid.merges, rows[0], rows[rows.length - 1]);
  const width = Math.max(0, ...rows.map((r) => grid.rows[r - 1]?.length ?? 0));
  const texts = bandTexts(grid, rows, width, index);
  const columns: Partial<Record<ColumnKey, number>> = {};
  const fallbacks: [number, string[]][] = [];
  let lastHeaderColumn = 0;
  for (let c = 0; c < width; c++) {
    const column = texts.map((row) => row[c]);
    if (rows.some((r) => !isBlank(grid.rows[r - 1]?.[c]))) lastHeaderColumn = c + 1;
    const { names, lastResort } = candidates(column);
    const key = names.map(columnKeyOfHeader).find((k) => k !== undefined);
    if (key !== undefined) {
      if (columns[key] === undefined) columns[key] = c + 1;
    } else if (lastResort.length > 0) fallbacks.push([c + 1, lastResort]);
  }
  for (const [col, names] of fallbacks) {
    const key = names.map(columnKeyOfHeader).find((k) => k !== undefined);
    if (key !== undefined && columns[key] === undefined) columns[key] = col;
  }
  const keys = Object.keys(columns) as ColumnKey[];
  return {
    rows,
    columns,
    official: keys.filter((k) => OFFICIAL_KEYS.has(k)).length,
    known: keys.length,
    lastHeaderColumn,
  };
}

/** True when a band names more (official, then known) columns than the band below its top row. */
function namesMore(band: BandScan, lower: BandScan): boolean {
  return band.official > lower.official || (band.official === lower.official && band.known > lower.known);
}

/**
 * The best band among the first rows of a sheet that `accept` takes: most official headers,
 * then most known headers, then fewest rows, then the earliest; a band's top row must name
 * something its lower rows do not. Null when none is accepted.
 * @example findHeaderBand(grid, (s) => s.columns.content !== undefined)?.rows // [3, 4]
 */
export function findHeaderBand(grid: SheetGrid, accept: (scan: BandScan) => boolean): BandScan | null {
  const tops = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  const covers = coverIndex(grid.merges, 1, tops + MAX_BAND_ROWS);
  let best: BandScan | null = null;
  for (let top = 1; top <= tops; top++) {
    for (let depth = 1; depth <= MAX_BAND_ROWS && top + depth - 1 <= grid.rows.length; depth++) {
      const rows = Array.from({ length: depth }, (_, i) => top + i);
      const scan = scanBand(grid, rows, covers);
      if (!accept(scan)) continue;
      // A top row that names nothing the rows below it do not (a title, a blank line) is no part of the band.
      if (depth > 1 && !namesMore(scan, scanBand(grid, rows.slice(1), covers))) continue;
      const better =
        best === null ||
        scan.official > best.official ||
        (scan.official === best.official &&
          (scan.known > best.known || (scan.known === best.known && depth < best.rows.length)));
      if (better) best = scan;
    }
  }
  return best;
}
