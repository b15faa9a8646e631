/**
 * Reading a 督办事项登记表 as people really keep it: a title and a subtitle (often merged
 * cells) above a header band of one to three rows (header-band.ts), header text broken over
 * lines or spaced out, columns in any order, extra columns of their own, blank rows, rows
 * prepared in advance, items over several rows, 合计 rows, footers and notes (ledger-rows.ts),
 * formulas that give errors, and one ledger sheet per year. Columns are found by header text,
 * never by position.
 */
import { cellText, isBlank, type CellValue, type SheetGrid } from "./cell";
import { ALL_COLUMNS, type ColumnKey } from "./columns";
import { parseDateCell } from "./dates";
import { findHeaderBand, type BandScan } from "./header-band";
import { HEADER_OF } from "./header-names";
import { isEvidence, ledgerRows } from "./ledger-rows";
import type { Issue, LedgerReading, RegistryItem, RegistryLayout } from "./model";
import { DATE_PROBLEM_CODES, makeIssue } from "./rules";
import { isLongTermDeadline } from "./vocabulary";

export { HEADER_OF, columnKeyOfHeader } from "./header-names";
export { HEADER_SEARCH_ROWS } from "./header-band";

/** The registry sheet's official name (attachment 3). */
export const REGISTRY_SHEET_NAME = "督办事项登记表";
/** Official headers a sheet not named 督办事项登记表 must show (of 14) to count as a registry. */
export const MIN_OFFICIAL_HEADERS = 7;
/** Known headers the sheet named 督办事项登记表 must show (督办事项内容 among them). */
export const MIN_HEADERS_IN_NAMED_SHEET = 3;

type DateKey = "issuedOn" | "dueOn" | "signedOn" | "closedOn" | "extendedTo" | "reportedOn";
type TextKey = Exclude<keyof RegistryItem, DateKey | "row" | "sheet" | "lastRow" | "longTerm">;
type MutableItem = { -readonly [K in keyof RegistryItem]: RegistryItem[K] };

const DATE_KEYS: ReadonlySet<ColumnKey> = new Set(ALL_COLUMNS.filter((c) => c.kind === "date").map((c) => c.key));

type Acceptance = (scan: BandScan) => boolean;

const STRICT: Acceptance = (s) => s.columns.content !== undefined && s.official >= MIN_OFFICIAL_HEADERS;
const NAMED: Acceptance = (s) => s.columns.content !== undefined && s.known >= MIN_HEADERS_IN_NAMED_SHEET;

/** Words in a sheet name that mark an archive of finished years, not a ledger in use. */
const ARCHIVE_NAME = /归档|存档/u;

/**
 * True when a sheet's name marks it as an archive (归档, 存档): never a ledger in use, read as
 * an archive instead (its items counted, its numbers taken).
 * @example isArchiveName("2020年已归档") // true
 * @example isArchiveName("2021年") // false
 */
export function isArchiveName(name: string): boolean {
  return ARCHIVE_NAME.test(name);
}

/** The layout of a sheet's header band, or null when no band is acceptable. */
function findHeader(grid: SheetGrid, accept: Acceptance): RegistryLayout | null {
  const band = findHeaderBand(grid, accept);
  if (band === null) return null;
  return {
    sheetName: grid.name,
    headerRow: band.rows[band.rows.length - 1],
    headerRows: band.rows,
    columns: band.columns,
    lastHeaderColumn: band.lastHeaderColumn,
  };
}

/**
 * Every ledger sheet of a workbook, in reading order: the sheet named 督办事项登记表 (name
 * trimmed) when its header band shows 督办事项内容 and two more known headers, then every other
 * sheet, in workbook order, whose band — its top in the first 10 rows — shows 督办事项内容 (or
 * an alias) and at least 7 of the 14 official headers. Sheets named as archives (归档, 存档)
 * are not ledgers in use. A sheet of counts (a 汇总 of formulas) has no such band and is left
 * alone.
 * @example locateRegistries([summary, year2021, year2022]).map((l) => l.sheetName) // ["2021年", "2022年"]
 */
export function locateRegistries(grids: readonly SheetGrid[]): RegistryLayout[] {
  const named = grids.find((g) => g.name.trim() === REGISTRY_SHEET_NAME);
  const layouts: RegistryLayout[] = [];
  const first = named ? findHeader(named, NAMED) : null;
  if (first) layouts.push(first);
  for (const grid of grids) {
    if (grid === named || isArchiveName(grid.name)) continue;
    const layout = findHeader(grid, STRICT);
    if (layout) layouts.push(layout);
  }
  return layouts;
}

/**
 * The first ledger (see locateRegistries), or null when no sheet holds one.
 * @example
 * locateRegistry([{ name: "Sheet1", rows: [[text("督办事项登记表")], officialHeaderCells] }])
 *   // { sheetName: "Sheet1", headerRow: 2, headerRows: [2], columns: { seq: 1, number: 2, … }, lastHeaderColumn: 14 }
 */
export function locateRegistry(grids: readonly SheetGrid[]): RegistryLayout | null {
  return locateRegistries(grids)[0] ?? null;
}

function emptyItem(sheet: string, row: number): MutableItem {
  return {
    sheet,
    row,
    seq: "",
    number: "",
    content: "",
    sourceDocNo: "",
    urgency: "",
    secrecy: "",
    issuedOn: null,
    dueOn: null,
    section: "",
    assisting: "",
    hostHead: "",
    signedOn: null,
    result: "",
    remarks: "",
    hostUnit: "",
    source: "",
    major: "",
    signer: "",
    closedOn: null,
    extendedTo: null,
    extensionApprover: "",
    reportedOn: null,
  };
}

/** Columns whose values the 督办看板 counts or the lists offer: stray spaces there matter. */
const SPACED_KEYS: ReadonlySet<ColumnKey> = new Set<ColumnKey>([
  "section",
  "assisting",
  "hostUnit",
  "source",
  "signer",
  "extensionApprover",
  "major",
]);

/**
 * Reads one row's known cells into `item`: text fields take the row's text when they are still
 * blank or — on a continuation row — add it after "、" when it differs (承办单位 A、B); dates
 * and the rest keep the first value found. Issues of the row's cells go to `issues`.
 */
function readCells(
  item: MutableItem,
  cells: readonly CellValue[],
  row: number,
  known: readonly (readonly [ColumnKey, number])[],
  issues: Issue[],
): void {
  for (const [key, col] of known) {
    const cell = cells[col - 1];
    if (cell === undefined || isBlank(cell)) continue;
    const column = HEADER_OF[key];
    if (cell.t === "error") {
      issues.push(makeIssue("cell-error", row, column, { column, value: cell.v }));
      continue;
    }
    if (key === "status") continue;
    if (key === "dueOn" && cell.t === "string" && isLongTermDeadline(cell.v)) {
      if (item.dueOn === null) item.longTerm ??= cell.v.trim();
      continue;
    }
    if (DATE_KEYS.has(key)) {
      const parsed = parseDateCell(cell);
      if (parsed === null) continue;
      if (!parsed.ok)
        issues.push(makeIssue(DATE_PROBLEM_CODES[parsed.problem], row, column, { column, text: parsed.text }));
      else if (item[key as DateKey] === null) item[key as DateKey] = parsed.date;
      continue;
    }
    if (SPACED_KEYS.has(key) && cell.t === "string" && cell.v !== cell.v.trim()) {
      const fix = cell.v.trim();
      issues.push(makeIssue("text-spacing", row, column, { column, value: cell.v, fix }, fix));
    }
    const text = cellText(cell);
    const now = item[key as TextKey];
    if (now === "") item[key as TextKey] = text;
    else if (row !== item.row && !now.split("、").includes(text)) item[key as TextKey] = `${now}、${text}`;
  }
}

/**
 * Reads a ledger sheet below its header band (rows sorted out by ledgerRows): one item per
 * item, its continuation rows' 承办单位, 负责人 and other per-unit texts joined with "、";
 * skipped rows (合计, footers, notes, a repeated header) and continuation rows reported.
 * Text fields are cellText; dates go through parseDateCell, and a date that cannot be read
 * becomes an issue (column = canonical header) with the field left null. An error value
 * (#N/A …) in a known column is an issue, the field left blank. 要求完成时间 长期 / 长期坚持 /
 * 持续推进 marks a long-term item (no deadline). Linear in the number of rows.
 * @example
 * readRegistry(grid, locateRegistry([grid])!).items[0]
 *   // { sheet: "督办事项登记表", row: 3, number: "〔2021〕1号", content: "…", issuedOn: "2021-03-05", … }
 */
export function readRegistry(
  grid: SheetGrid,
  layout: RegistryLayout,
): { items: RegistryItem[]; issues: Issue[]; reading: LedgerReading } {
  const known = (Object.entries(layout.columns) as [ColumnKey, number][]).sort((a, b) => a[1] - b[1]);
  const rows = ledgerRows(grid, layout);
  const items: RegistryItem[] = [];
  const issues: Issue[] = [];
  for (const span of rows.items) {
    const item = emptyItem(grid.name, span.first);
    for (let row = span.first; row <= span.last; row++) {
      const cells = grid.rows[row - 1] ?? [];
      if (row > span.first && !known.some(([, col]) => isEvidence(cells[col - 1]) || cells[col - 1]?.t === "error"))
        continue;
      readCells(item, cells, row, known, issues);
    }
    if (span.last > span.first) item.lastRow = span.last;
    if (item.dueOn !== null) delete item.longTerm;
    items.push(item);
  }
  const sheeted = issues.map((i) => ({ ...i, sheet: grid.name }));
  return {
    items,
    issues: sheeted,
    reading: {
      layout,
      items,
      skipped: rows.skipped,
      continuations: rows.continuations,
      mergesKnown: grid.merges !== undefined && grid.mergesUpTo === undefined,
    },
  };
}
