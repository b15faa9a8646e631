/**
 * Live checking: after a full read, the registry is kept in memory; when rows change (a person
 * typing, a co-author's edit arriving) only those rows are read again and checked — plus the
 * rows that share a number with them before or after the change, since a duplicate involves
 * two rows. A change above the first item row (the header, the title) or a sheet whose layout
 * is gone asks for a full check instead.
 */
import { cellText, EMPTY, type CellValue, type IsoDate, type SheetGrid } from "../domain/cell";
import { analyzeRegistry, type Analysis } from "../domain/analyze";
import { checkItems } from "../domain/checks";
import { findDuplicates } from "../domain/numbers";
import { HEADER_OF, readRegistry } from "../domain/registry";
import { makeIssue } from "../domain/rules";
import type { Issue } from "../domain/model";

/** What live checking remembers between changes. */
export interface LiveState {
  /** Replaced after a full check. */
  analysis: Analysis;
  /** The sheets as last read, the registry's rows patched with every change since. */
  readonly grids: SheetGrid[];
  readonly today: IsoDate;
}

/** Rows read again after a change: `rows[i]` is sheet row `firstRow + i`, from column A. */
export interface RowsUpdate {
  readonly firstRow: number;
  readonly rows: readonly (readonly CellValue[])[];
}

/** Issues of the rows checked: the UI replaces what it showed for `rows` with `issues`. */
export interface LiveCheckResult {
  /** True when everything was checked again (then `rows` is every item row). */
  readonly full: boolean;
  readonly rows: readonly number[];
  readonly issues: readonly Issue[];
}

/**
 * The state after a full read (null when the grids hold no registry).
 * @example const state = startLiveState(await port.readSheets(names), "2026-11-25")
 */
export function startLiveState(grids: readonly SheetGrid[], today: IsoDate): LiveState | null {
  const analysis = analyzeRegistry(grids, today);
  if (!analysis) return null;
  return { analysis, grids: grids.map((g) => ({ name: g.name, rows: g.rows.map((r) => [...r]) })), today };
}

function registryGrid(state: LiveState): { name: string; rows: CellValue[][] } {
  const grid = state.grids.find((g) => g.name === state.analysis.layout.sheetName);
  if (!grid) throw new Error("live state without its registry sheet");
  return grid as { name: string; rows: CellValue[][] };
}

/** Normalised number of each row holding one (rows below the header). */
function numberKeys(state: LiveState, rows: CellValue[][]): Map<number, string> {
  const col = state.analysis.layout.columns.number;
  const keys = new Map<number, string>();
  if (col === undefined) return keys;
  const numbered: { row: number; number: string }[] = [];
  for (let r = state.analysis.layout.headerRow; r < rows.length; r++) {
    const text = cellText(rows[r]?.[col - 1]);
    if (text !== "") numbered.push({ row: r + 1, number: text });
  }
  for (const [key, list] of findDuplicates(numbered)) for (const row of list) keys.set(row, key);
  return keys;
}

/** Rows that hold the same number (in its correct form) as any of `rows`. */
function partners(keys: ReadonlyMap<number, string>, rows: ReadonlySet<number>): number[] {
  const wanted = new Set([...rows].map((r) => keys.get(r)).filter((k): k is string => k !== undefined));
  return [...keys].filter(([, k]) => wanted.has(k)).map(([row]) => row);
}

/**
 * Applies changed rows to the state and checks the rows they affect. The result's issues are
 * exactly those a full check would give for those rows.
 * @example checkChangedRows(state, [{ firstRow: 7, rows: [cells] }]) // { full: false, rows: [7], issues: […] }
 */
export function checkChangedRows(state: LiveState, updates: readonly RowsUpdate[]): LiveCheckResult {
  const grid = registryGrid(state);
  const { layout } = state.analysis;
  const changed = new Set<number>();
  for (const u of updates) u.rows.forEach((_, i) => changed.add(u.firstRow + i));
  const before = numberKeys(state, grid.rows);
  for (const u of updates) {
    u.rows.forEach((cells, i) => {
      const r = u.firstRow + i - 1;
      while (grid.rows.length <= r) grid.rows.push([]);
      grid.rows[r] = [...cells];
    });
  }
  if ([...changed].some((row) => row <= layout.headerRow)) return fullCheck(state);
  const after = numberKeys(state, grid.rows);
  const toCheck = new Set([...changed, ...partners(before, changed), ...partners(after, changed)]);

  // A grid holding only the header rows and the rows to check: readRegistry skips the rest as blank.
  const blank: readonly CellValue[] = [];
  const sparse: SheetGrid = {
    name: grid.name,
    rows: grid.rows.map((cells, i) => (i < layout.headerRow || toCheck.has(i + 1) ? cells : blank)),
  };
  const { items, issues: readIssues } = readRegistry(sparse, layout);
  const checked = checkItems(items, {
    settings: state.analysis.settings,
    calendar: state.analysis.calendar,
    today: state.today,
    columns: layout.columns,
    readIssues,
  }).filter((i) => i.code !== "number-duplicate");
  const duplicates = duplicateIssues(state, grid.rows, toCheck);
  const issues = [...readIssues, ...checked, ...duplicates].filter((i) => toCheck.has(i.row));
  return { full: false, rows: [...toCheck].sort((a, b) => a - b), issues: sortByRowAndColumn(issues, layout.columns) };
}

/** Duplicate-number issues of `rows`, counted against every row of the sheet. */
function duplicateIssues(state: LiveState, rows: CellValue[][], wanted: ReadonlySet<number>): Issue[] {
  const col = state.analysis.layout.columns.number;
  if (col === undefined) return [];
  const numbered: { row: number; number: string }[] = [];
  const textOf = new Map<number, string>();
  for (let r = state.analysis.layout.headerRow; r < rows.length; r++) {
    const text = cellText(rows[r]?.[col - 1] ?? EMPTY);
    if (text === "") continue;
    numbered.push({ row: r + 1, number: text });
    textOf.set(r + 1, text);
  }
  const issues: Issue[] = [];
  for (const list of findDuplicates(numbered).values()) {
    for (const row of list) {
      if (!wanted.has(row)) continue;
      const others = list.filter((r) => r !== row).join("、");
      issues.push(makeIssue("number-duplicate", row, HEADER_OF.number, { number: textOf.get(row) ?? "", others }));
    }
  }
  return issues;
}

function sortByRowAndColumn(issues: readonly Issue[], columns: Analysis["layout"]["columns"]): Issue[] {
  const position = new Map<string, number>();
  for (const [key, col] of Object.entries(columns)) position.set(HEADER_OF[key as keyof typeof HEADER_OF], col);
  const pos = (i: Issue) => position.get(i.column) ?? Number.MAX_SAFE_INTEGER;
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.row - b.issue.row || pos(a.issue) - pos(b.issue) || a.index - b.index)
    .map((x) => x.issue);
}

/** Everything checked again (after a header change): the state takes the new analysis. */
function fullCheck(state: LiveState): LiveCheckResult {
  const analysis = analyzeRegistry(state.grids, state.today);
  if (!analysis) return { full: true, rows: [], issues: [] };
  state.analysis = analysis;
  return { full: true, rows: analysis.items.map((i) => i.row), issues: analysis.issues };
}
