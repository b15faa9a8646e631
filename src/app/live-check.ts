/**
 * Live checking: after a full read, the workbook's sheets are kept in memory; when rows of the
 * watched ledger sheet change (a person typing, a co-author's edit arriving) only those rows are
 * read again, patched in, and the issues of the rows they affect are reported: the changed rows,
 * the rows of the items they belong to (an item over several rows), and the rows that share a
 * number with them before or after the change, since a duplicate involves two rows. The issues
 * are exactly those a full check gives for those rows (the analysis is run on the patched
 * sheets). A change in the header band or above asks for a full check instead.
 */
import { cellText, type CellValue, type IsoDate, type SheetGrid } from "../domain/cell";
import { analyzeRegistry, type Analysis } from "../domain/analyze";
import { findDuplicates } from "../domain/numbers";
import type { Issue } from "../domain/model";

/** What live checking remembers between changes. */
export interface LiveState {
  /** Replaced after every check. */
  analysis: Analysis;
  /** The sheets as last read, the watched sheet's rows patched with every change since. */
  readonly grids: SheetGrid[];
  readonly today: IsoDate;
}

/** Rows read again after a change: `rows[i]` is sheet row `firstRow + i`, from column A. */
export interface RowsUpdate {
  readonly firstRow: number;
  readonly rows: readonly (readonly CellValue[])[];
}

/** Who made the changes checked: this person, co-authors, or both. */
export type ChangeSource = "local" | "remote" | "mixed";

/** Issues of the rows checked: the UI replaces what it showed for `rows` with `issues`. */
export interface LiveCheckResult {
  /** True when everything was checked again (then `rows` is every item row). */
  readonly full: boolean;
  readonly rows: readonly number[];
  readonly issues: readonly Issue[];
}

type MutableGrid = { name: string; rows: CellValue[][]; merges?: SheetGrid["merges"] };

/**
 * The state after a full read (null when the grids hold no registry).
 * @example const state = startLiveState(await port.readSheets(names), "2026-11-25")
 */
export function startLiveState(grids: readonly SheetGrid[], today: IsoDate): LiveState | null {
  const analysis = analyzeRegistry(grids, today);
  if (!analysis) return null;
  const copies = grids.map((g) => ({
    name: g.name,
    rows: g.rows.map((r) => [...r]),
    ...(g.merges ? { merges: g.merges } : {}),
  }));
  return { analysis, grids: copies, today };
}

function watchedGrid(state: LiveState): MutableGrid {
  const grid = state.grids.find((g) => g.name === state.analysis.layout.sheetName);
  if (!grid) throw new Error("live state without its registry sheet");
  return grid as MutableGrid;
}

/** Number of each row of the watched sheet holding one, for rows below the header. */
function numberedRows(state: LiveState, rows: readonly (readonly CellValue[])[]): { row: number; number: string }[] {
  const { columns, headerRow } = state.analysis.layout;
  const col = columns.number;
  if (col === undefined) return [];
  const out: { row: number; number: string }[] = [];
  for (let r = headerRow; r < rows.length; r++) {
    const text = cellText(rows[r]?.[col - 1]);
    if (text !== "") out.push({ row: r + 1, number: text });
  }
  return out;
}

/** Rows that hold the same number (in its correct form) as any of `rows`. */
function partners(numbered: readonly { row: number; number: string }[], rows: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (const list of findDuplicates(numbered).values()) if (list.some((r) => rows.has(r))) out.push(...list);
  return out;
}

/** The rows of the items (first to last row) that contain any of `rows`. */
function itemBlocks(analysis: Analysis, sheet: string, rows: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (const item of analysis.items) {
    if (item.sheet !== sheet) continue;
    const last = item.lastRow ?? item.row;
    let touched = false;
    for (let r = item.row; r <= last && !touched; r++) touched = rows.has(r);
    if (touched) for (let r = item.row; r <= last; r++) out.push(r);
  }
  return out;
}

/**
 * Applies changed rows to the state and checks the rows they affect. The result's issues are
 * exactly those a full check would give for those rows.
 * @example checkChangedRows(state, [{ firstRow: 7, rows: [cells] }]) // { full: false, rows: [7], issues: […] }
 */
export function checkChangedRows(state: LiveState, updates: readonly RowsUpdate[]): LiveCheckResult {
  const grid = watchedGrid(state);
  const sheet = grid.name;
  const { layout } = state.analysis;
  const changed = new Set<number>();
  for (const u of updates) u.rows.forEach((_, i) => changed.add(u.firstRow + i));
  const before = numberedRows(state, grid.rows);
  const blocksBefore = itemBlocks(state.analysis, sheet, changed);
  for (const u of updates) {
    u.rows.forEach((cells, i) => {
      const r = u.firstRow + i - 1;
      while (grid.rows.length <= r) grid.rows.push([]);
      grid.rows[r] = [...cells];
    });
  }
  if ([...changed].some((row) => row <= layout.headerRow)) return fullCheck(state);
  const analysis = analyzeRegistry(state.grids, state.today);
  if (!analysis || analysis.layout.sheetName !== sheet || analysis.layout.headerRow !== layout.headerRow) {
    return fullCheck(state);
  }
  state.analysis = analysis;
  const after = numberedRows(state, grid.rows);
  const affected = new Set([...changed, ...partners(before, changed), ...partners(after, changed)]);
  const toCheck = new Set([...affected, ...blocksBefore, ...itemBlocks(analysis, sheet, affected)]);
  const issues = analysis.issues.filter((i) => i.sheet === sheet && toCheck.has(i.row));
  return { full: false, rows: [...toCheck].sort((a, b) => a - b), issues };
}

/** Everything checked again (after a header change): the state takes the new analysis. */
function fullCheck(state: LiveState): LiveCheckResult {
  const analysis = analyzeRegistry(state.grids, state.today);
  if (!analysis) return { full: true, rows: [], issues: [] };
  state.analysis = analysis;
  return { full: true, rows: analysis.items.map((i) => i.row), issues: analysis.issues };
}
