/**
 * The rows of an existing 工作日历 sheet, sorted into what the refreshed calendar does with
 * them: for each date, the row in force (the last readable user row, as the engine takes it),
 * and the rows that are not in force (a user row another one overrides, a user row whose flag
 * nobody can read, a user row without a readable date), which are kept below the dated block.
 */
import { cellText, isBlank, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import { CALENDAR_COLUMNS, CALENDAR_ORIGINS, calendarKindWorking } from "./calendar-sheet";
import { normalizeHeader } from "./columns";
import { parseDateCell } from "./dates";
import { parseWorkingCell, readCalendarOverrides } from "./settings";

/** The typed cells of one row (the five columns people edit). */
export type CalendarCells = Readonly<Record<"date" | "working" | "kind" | "origin" | "note", CellValue>>;

/** One row of an existing 工作日历 sheet. */
export interface ExistingCalendarRow {
  readonly row: number;
  readonly date: IsoDate | null;
  readonly cells: CalendarCells;
  /** A row the engine reads as the person's (来源 not 官方). */
  readonly user: boolean;
}

/** What the refresh keeps of an existing calendar. */
export interface CalendarRows {
  /** Per date, the user row in force and its flag (the engine's reading). */
  readonly inForce: ReadonlyMap<IsoDate, { readonly row: ExistingCalendarRow; readonly working: boolean }>;
  /** 官方 rows by date (a person may have edited their 是否工作日). */
  readonly official: ReadonlyMap<IsoDate, ExistingCalendarRow>;
  /** User rows not in force, in sheet order. */
  readonly notInForce: readonly ExistingCalendarRow[];
}

const EMPTY: CellValue = { t: "empty" };
type Key = keyof typeof CALENDAR_COLUMNS;

/** The header row (within the first 10) and the column of each known header. */
function header(grid: SheetGrid): { index: number; columns: Partial<Record<Key, number>> } | null {
  for (let r = 0; r < Math.min(10, grid.rows.length); r++) {
    const columns: Partial<Record<Key, number>> = {};
    grid.rows[r].forEach((cell, i) => {
      const key = (Object.keys(CALENDAR_COLUMNS) as Key[]).find(
        (k) => CALENDAR_COLUMNS[k] === normalizeHeader(cellText(cell)),
      );
      if (key !== undefined && columns[key] === undefined) columns[key] = i + 1;
    });
    if (columns.date !== undefined) return { index: r, columns };
  }
  return null;
}

/**
 * The rows of an existing 工作日历 sheet, as readCalendarOverrides sees them.
 * @example readCalendarRows(grid).length // 731
 */
export function readCalendarRows(grid: SheetGrid | undefined): ExistingCalendarRow[] {
  const found = grid === undefined ? null : header(grid);
  if (grid === undefined || found === null) return [];
  const { index, columns } = found;
  const rows: ExistingCalendarRow[] = [];
  for (let r = index + 1; r < grid.rows.length; r++) {
    const at = (key: Key): CellValue =>
      columns[key] === undefined ? EMPTY : (grid.rows[r][columns[key] - 1] ?? EMPTY);
    const cells = {
      date: at("date"),
      working: at("working"),
      kind: at("kind"),
      origin: at("origin"),
      note: at("note"),
    };
    if (Object.values(cells).every((c) => isBlank(c))) continue;
    const parsed = parseDateCell(cells.date);
    const origin = normalizeHeader(cellText(cells.origin));
    const kindKnown = calendarKindWorking(cellText(cells.kind)) !== undefined;
    const user = columns.origin === undefined ? kindKnown : origin !== CALENDAR_ORIGINS.official;
    rows.push({ row: r + 1, date: parsed?.ok ? parsed.date : null, cells, user });
  }
  return rows;
}

/** True when the engine takes a flag from this user row (是否工作日 readable, or a known 类型). */
function readable(row: ExistingCalendarRow): boolean {
  return (
    typeof parseWorkingCell(row.cells.working) === "boolean" ||
    calendarKindWorking(cellText(row.cells.kind)) !== undefined
  );
}

/**
 * Sorts an existing calendar's rows: the user row in force per date (the last readable one),
 * the 官方 rows, and the user rows that are not in force.
 * @example sortCalendarRows(grid).inForce.get("2027-01-01")?.working // false
 */
export function sortCalendarRows(grid: SheetGrid | undefined): CalendarRows {
  const rows = readCalendarRows(grid);
  const flags = new Map(readCalendarOverrides(grid).overrides.map((o) => [o.date, o.working]));
  const inForce = new Map<IsoDate, { row: ExistingCalendarRow; working: boolean }>();
  const official = new Map<IsoDate, ExistingCalendarRow>();
  for (const row of rows) {
    if (row.date === null) continue;
    if (!row.user) official.set(row.date, row);
    else if (readable(row) && flags.has(row.date)) inForce.set(row.date, { row, working: flags.get(row.date)! });
  }
  const notInForce = rows.filter((r) => r.user && (r.date === null || inForce.get(r.date)?.row !== r));
  return { inForce, official, notInForce };
}
