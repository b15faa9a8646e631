/**
 * Reading a 督办事项登记表 as people really keep it: a title (often merged cells) above the
 * header, header text broken over lines or spaced out, columns in any order, extra columns of
 * their own, blank rows, rows pre-numbered in 序号 but otherwise empty, formulas that give
 * errors. Columns are found by header text, never by position.
 */
import { cellText, isBlank, type CellValue, type SheetGrid } from "./cell";
import { ALL_COLUMNS, OFFICIAL_COLUMNS, normalizeHeader, type ColumnKey } from "./columns";
import { parseDateCell, type DateProblem } from "./dates";
import type { Issue, RegistryItem, RegistryLayout } from "./model";
import { makeIssue, type RuleCode } from "./rules";
import { isLongTermDeadline } from "./vocabulary";

/** The registry sheet's official name (attachment 3). */
export const REGISTRY_SHEET_NAME = "督办事项登记表";
/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 10;
/** Official headers a sheet not named 督办事项登记表 must show (of 14) to count as a registry. */
export const MIN_OFFICIAL_HEADERS = 7;
/** Known headers the sheet named 督办事项登记表 must show (督办事项内容 among them). */
export const MIN_HEADERS_IN_NAMED_SHEET = 3;

type DateKey = "issuedOn" | "dueOn" | "signedOn" | "closedOn" | "extendedTo" | "reportedOn";
type TextKey = Exclude<keyof RegistryItem, DateKey | "row">;
type MutableItem = { -readonly [K in keyof RegistryItem]: RegistryItem[K] };

const DATE_KEYS: ReadonlySet<ColumnKey> = new Set(ALL_COLUMNS.filter((c) => c.kind === "date").map((c) => c.key));
const OFFICIAL_KEYS: ReadonlySet<ColumnKey> = new Set(OFFICIAL_COLUMNS.map((c) => c.key));
/**
 * Columns whose content alone does not make a row an item. Clerks prepare empty rows: 序号
 * numbered down, defaults filled down the list columns (一般, 公开, 否), the 状态 formula
 * copied down. A real item always has something more (content, a date, a section, a number).
 */
const NOT_ITEM_EVIDENCE: ReadonlySet<ColumnKey> = new Set<ColumnKey>(["seq", "urgency", "secrecy", "major", "status"]);

/** Canonical header (no white space) of each column key. */
export const HEADER_OF: Readonly<Record<ColumnKey, string>> = Object.fromEntries(
  ALL_COLUMNS.map((c) => [c.key, c.header]),
) as Record<ColumnKey, string>;

const HEADER_INDEX: ReadonlyMap<string, ColumnKey> = new Map(
  ALL_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [h, c.key] as const)),
);

/** Decorations people add to header text: required marks, bracketed notes, colons, zero-width characters. */
function stripDecorations(header: string): string {
  return header
    .replace(/[\u200B-\u200D\u2060]/g, "")
    .replace(/[*＊]/g, "")
    .replace(/[（(][^）)]*[）)]$/u, "")
    .replace(/[:：]$/u, "");
}

/**
 * The column a header cell names, by its canonical text or an alias, after removing white
 * space, required marks (*), a trailing bracketed note and a trailing colon.
 * @example columnKeyOfHeader("任务下\n达时间") // "issuedOn"
 * @example columnKeyOfHeader("*督办事项内容（必填）") // "content"
 * @example columnKeyOfHeader("经办人") // undefined
 */
export function columnKeyOfHeader(text: string): ColumnKey | undefined {
  const plain = normalizeHeader(text);
  return HEADER_INDEX.get(plain) ?? HEADER_INDEX.get(stripDecorations(plain));
}

interface HeaderScan {
  readonly columns: Partial<Record<ColumnKey, number>>;
  readonly official: number;
  readonly known: number;
  readonly lastHeaderColumn: number;
}

/** The known columns of one candidate header row (the first cell naming a column wins). */
function scanHeaderRow(cells: readonly CellValue[]): HeaderScan {
  const columns: Partial<Record<ColumnKey, number>> = {};
  let official = 0;
  let known = 0;
  let lastHeaderColumn = 0;
  cells.forEach((cell, i) => {
    if (isBlank(cell)) return;
    lastHeaderColumn = i + 1;
    if (cell.t !== "string") return;
    const key = columnKeyOfHeader(cell.v);
    if (key === undefined || columns[key] !== undefined) return;
    columns[key] = i + 1;
    known++;
    if (OFFICIAL_KEYS.has(key)) official++;
  });
  return { columns, official, known, lastHeaderColumn };
}

type Acceptance = (scan: HeaderScan) => boolean;

const STRICT: Acceptance = (s) => s.columns.content !== undefined && s.official >= MIN_OFFICIAL_HEADERS;
const NAMED: Acceptance = (s) => s.columns.content !== undefined && s.known >= MIN_HEADERS_IN_NAMED_SHEET;

/** The best acceptable header row among the first rows of a sheet (most official headers, then earliest). */
function findHeader(grid: SheetGrid, accept: Acceptance): RegistryLayout | null {
  let best: { row: number; scan: HeaderScan } | null = null;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  for (let r = 0; r < limit; r++) {
    const scan = scanHeaderRow(grid.rows[r]);
    if (!accept(scan)) continue;
    const better =
      best === null ||
      scan.official > best.scan.official ||
      (scan.official === best.scan.official && scan.known > best.scan.known);
    if (better) {
      best = { row: r + 1, scan };
    }
  }
  if (best === null) return null;
  return {
    sheetName: grid.name,
    headerRow: best.row,
    columns: best.scan.columns,
    lastHeaderColumn: best.scan.lastHeaderColumn,
  };
}

/**
 * Where the registry is: the sheet named 督办事项登记表 (name trimmed) when its header can be
 * found, else the first sheet whose header row — searched in the first 10 rows — shows
 * 督办事项内容 (or an alias) and at least 7 of the 14 official headers. Null when none does.
 * @example
 * locateRegistry([{ name: "Sheet1", rows: [[text("督办事项登记表")], officialHeaderCells] }])
 *   // { sheetName: "Sheet1", headerRow: 2, columns: { seq: 1, number: 2, … }, lastHeaderColumn: 14 }
 */
export function locateRegistry(grids: readonly SheetGrid[]): RegistryLayout | null {
  const named = grids.find((g) => g.name.trim() === REGISTRY_SHEET_NAME);
  if (named) {
    const layout = findHeader(named, NAMED);
    if (layout) return layout;
  }
  for (const grid of grids) {
    if (grid === named) continue;
    const layout = findHeader(grid, STRICT);
    if (layout) return layout;
  }
  return null;
}

function emptyItem(row: number): MutableItem {
  return {
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

const DATE_PROBLEM_CODES: Readonly<Record<DateProblem, RuleCode>> = {
  unparseable: "date-unparseable",
  impossible: "date-impossible",
  fictitious: "date-fictitious",
};

/** True when a cell is evidence that someone wrote an item on its row. */
function isEvidence(cell: CellValue | undefined): boolean {
  return !isBlank(cell) && cell?.t !== "error";
}

/**
 * Reads the rows below the header. A row is an item when a known column other than 序号,
 * 紧急程度, 密级, 重大事项 and 状态 holds a value that is not an error — so blank rows, rows
 * prepared in advance (序号 numbered, defaults filled down, the 状态 formula or a formula giving
 * #N/A copied down) are skipped, as is a repeat of the header. Text fields are cellText; dates go through parseDateCell, and a date that
 * cannot be read becomes an issue (column = canonical header) with the field left null. An
 * error value (#N/A …) in a known column of an item is an issue, the field left blank.
 * Time and memory are linear in the number of rows.
 * @example
 * readRegistry(grid, locateRegistry([grid])!).items[0]
 *   // { row: 3, number: "〔2021〕1号", content: "…", issuedOn: "2021-03-05", … }
 */
export function readRegistry(grid: SheetGrid, layout: RegistryLayout): { items: RegistryItem[]; issues: Issue[] } {
  const known = (Object.entries(layout.columns) as [ColumnKey, number][]).sort((a, b) => a[1] - b[1]);
  const evidence = known.filter(([key]) => !NOT_ITEM_EVIDENCE.has(key));
  const items: RegistryItem[] = [];
  const issues: Issue[] = [];
  for (let r = layout.headerRow; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    if (!evidence.some(([, col]) => isEvidence(cells[col - 1]))) continue;
    if (isRepeatedHeader(cells, known)) continue;
    const row = r + 1;
    const item = emptyItem(row);
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
        item.longTerm = cell.v.trim();
        continue;
      }
      if (DATE_KEYS.has(key)) {
        const parsed = parseDateCell(cell);
        if (parsed === null) continue;
        if (parsed.ok) item[key as DateKey] = parsed.date;
        else issues.push(makeIssue(DATE_PROBLEM_CODES[parsed.problem], row, column, { column, text: parsed.text }));
        continue;
      }
      item[key as TextKey] = cellText(cell);
    }
    items.push(item);
  }
  return { items, issues };
}

/** True when most known cells of a row repeat their own header (a header repeated for printing or pasted twice). */
function isRepeatedHeader(cells: readonly CellValue[], known: readonly (readonly [ColumnKey, number])[]): boolean {
  let repeats = 0;
  for (const [key, col] of known) {
    const cell = cells[col - 1];
    if (cell?.t === "string" && columnKeyOfHeader(cell.v) === key) repeats++;
  }
  return repeats >= 2 && repeats * 2 >= known.length;
}
