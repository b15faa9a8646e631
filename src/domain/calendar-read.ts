/**
 * Reading the 工作日历 sheet back (layout in calendar-sheet.ts): its rows as typed, the
 * person's overrides of the official calendar as the engine takes them — what a person broke
 * there is skipped with a warning naming the 工作日历 row — and, for a refresh, which rows are
 * in force (the last readable user row of each date) and which are not (a user row another one
 * overrides, a user row whose flag nobody can read, a user row without a readable date), which
 * the refreshed calendar keeps above its dated block.
 */
import { cellText, isBlank, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import type { CalendarOverride } from "./calendar";
import {
  CALENDAR_COLUMNS,
  CALENDAR_ISSUE_COLUMN,
  CALENDAR_KINDS,
  CALENDAR_ORIGINS,
  CALENDAR_WORKING_VALUES,
  calendarKindWorking,
} from "./calendar-sheet";
import { normalizeHeader } from "./columns";
import { formatChineseDate, parseDateCell, type DateProblem } from "./dates";
import type { Issue } from "./model";
import { DATE_PROBLEM_CODES, makeIssue } from "./rules";
import { parseYesNo } from "./yes-no";

type CalendarColumn = keyof typeof CALENDAR_COLUMNS;

/** The typed cells of one row (the five columns people edit). */
export type CalendarCells = Readonly<Record<CalendarColumn, CellValue>>;

/** One row of an existing 工作日历 sheet. */
export interface ExistingCalendarRow {
  readonly row: number;
  readonly date: IsoDate | null;
  /** Why a non-blank 日期 is not a date (null when it is one, or blank). */
  readonly dateProblem: { readonly problem: DateProblem; readonly text: string } | null;
  readonly cells: CalendarCells;
  /** A row the engine reads as the person's (来源 not 官方; without a 来源 column, a known 类型). */
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

/** Where the header of a 工作日历 sheet is: its 1-based row and the column of each header found. */
export interface CalendarHeader {
  readonly row: number;
  readonly columns: Partial<Record<CalendarColumn, number>>;
}

const EMPTY: CellValue = { t: "empty" };
const HEADER_ROWS_SEARCHED = 10;
const COLUMN_OF_HEADER: ReadonlyMap<string, CalendarColumn> = new Map(
  (Object.keys(CALENDAR_COLUMNS) as CalendarColumn[]).map((k) => [CALENDAR_COLUMNS[k] as string, k]),
);

/**
 * The header row (first 10 rows) of the 工作日历 sheet: the first row with a 日期 cell, and the
 * column of each header found there.
 * @example findCalendarHeader(grid) // { row: 1, columns: { date: 1, working: 2, kind: 3, origin: 4, note: 5 } }
 */
export function findCalendarHeader(grid: SheetGrid): CalendarHeader | null {
  for (let r = 0; r < Math.min(HEADER_ROWS_SEARCHED, grid.rows.length); r++) {
    const columns: Partial<Record<CalendarColumn, number>> = {};
    grid.rows[r].forEach((cell, i) => {
      const key = COLUMN_OF_HEADER.get(normalizeHeader(cellText(cell)));
      if (key !== undefined && columns[key] === undefined) columns[key] = i + 1;
    });
    if (columns.date !== undefined) return { row: r + 1, columns };
  }
  return null;
}

/** The rows below a header, blank rows left out. */
function rowsBelow(grid: SheetGrid, { row: headerRow, columns }: CalendarHeader): ExistingCalendarRow[] {
  const rows: ExistingCalendarRow[] = [];
  for (let r = headerRow; r < grid.rows.length; r++) {
    const at = (key: CalendarColumn): CellValue =>
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
    rows.push({
      row: r + 1,
      date: parsed?.ok ? parsed.date : null,
      dateProblem: parsed && !parsed.ok ? { problem: parsed.problem, text: parsed.text } : null,
      cells,
      user: columns.origin === undefined ? kindKnown : origin !== CALENDAR_ORIGINS.official,
    });
  }
  return rows;
}

/**
 * The rows of an existing 工作日历 sheet (none without a header).
 * @example readCalendarRows(grid).length // 731
 */
export function readCalendarRows(grid: SheetGrid | undefined): ExistingCalendarRow[] {
  const header = grid === undefined ? null : findCalendarHeader(grid);
  return grid === undefined || header === null ? [] : rowsBelow(grid, header);
}

/**
 * 是否工作日 of a cell: 1/0, 是/否, TRUE/FALSE; null when blank; undefined when unreadable.
 * @example parseWorkingCell({ t: "string", v: "是" }) // true
 */
export function parseWorkingCell(cell: CellValue | undefined): boolean | null | undefined {
  if (cell === undefined || isBlank(cell)) return null;
  if (cell.t === "number") {
    if (cell.v === CALENDAR_WORKING_VALUES.working) return true;
    if (cell.v === CALENDAR_WORKING_VALUES.notWorking) return false;
    return undefined;
  }
  return parseYesNo(cell);
}

/** The warning of a sheet whose header cannot be found: nothing in it counts. */
function headerIssue(grid: SheetGrid): Issue[] {
  const firstText = grid.rows.flat().find((c) => !isBlank(c));
  if (firstText === undefined) return [];
  return [
    makeIssue("calendar-invalid", 1, CALENDAR_ISSUE_COLUMN, {
      field: "表头",
      value: cellText(firstText),
      expected: `表头“${CALENDAR_COLUMNS.date}”（前10行内），否则整张工作日历都不生效`,
    }),
  ];
}

/** The flag a user row sets, or the warning why it sets none. */
function rowFlag(row: ExistingCalendarRow & { date: IsoDate }): { working: boolean; issues: Issue[] } | Issue {
  const { cells, date } = row;
  const kindText = normalizeHeader(cellText(cells.kind));
  const kind = kindText === "" ? undefined : calendarKindWorking(kindText);
  const workingCell = parseWorkingCell(cells.working);
  if (workingCell === undefined && kind === undefined) {
    return makeIssue("calendar-invalid", row.row, CALENDAR_ISSUE_COLUMN, {
      field: `${formatChineseDate(date)}的${CALENDAR_COLUMNS.working}`,
      value: cellText(cells.working),
      expected: "1（工作日）或 0（休息）",
    });
  }
  if (workingCell === null && kind === undefined) {
    return makeIssue("calendar-invalid", row.row, CALENDAR_ISSUE_COLUMN, {
      field: `${formatChineseDate(date)}的${CALENDAR_COLUMNS.kind}`,
      value: kindText,
      expected: `${CALENDAR_COLUMNS.working}（1 或 0），或类型“${CALENDAR_KINDS.holiday}”“${CALENDAR_KINDS.makeUp}”`,
    });
  }
  const working = typeof workingCell === "boolean" ? workingCell : (kind as boolean);
  if (typeof workingCell !== "boolean" || kind === undefined || kind === workingCell) return { working, issues: [] };
  const conflict = makeIssue("calendar-conflict", row.row, CALENDAR_ISSUE_COLUMN, {
    date: formatChineseDate(date),
    detail: `的类型“${kindText}”与是否工作日“${cellText(cells.working)}”不一致`,
    used: `是否工作日（${working ? "工作日" : "休息"}）`,
  });
  return { working, issues: [conflict] };
}

/**
 * The user's overrides in a 工作日历 sheet. The header row is found by its 日期 cell. When the
 * sheet has a 来源 column, every row whose 来源 is not 官方 (用户, or blank because a person
 * added the row) is an override; without a 来源 column only rows whose 类型 is 节假日 / 调休上班
 * / 工作日 / 休息日 are. An override's working flag is 是否工作日 when that is readable (the
 * workbook's own formulas read that column), else its 类型; when both are present and disagree
 * a calendar-conflict warning says which was used. A date given twice: the later row wins, with
 * a warning when they disagree. Unreadable rows are skipped with a warning naming the 工作日历 row.
 * @example
 * readCalendarOverrides(sheet).overrides // [{ date: "2027-01-01", working: false, note: "元旦" }]
 */
export function readCalendarOverrides(grid: SheetGrid | undefined): { overrides: CalendarOverride[]; issues: Issue[] } {
  if (grid === undefined) return { overrides: [], issues: [] };
  const header = findCalendarHeader(grid);
  if (header === null) return { overrides: [], issues: headerIssue(grid) };
  const issues: Issue[] = [];
  const byDate = new Map<IsoDate, CalendarOverride>();
  for (const row of rowsBelow(grid, header)) {
    if (!row.user) continue;
    if (row.dateProblem !== null) {
      const { problem, text } = row.dateProblem;
      issues.push(
        makeIssue(DATE_PROBLEM_CODES[problem], row.row, CALENDAR_ISSUE_COLUMN, { column: CALENDAR_COLUMNS.date, text }),
      );
    }
    if (row.date === null) continue;
    const date = row.date;
    const flag = rowFlag({ ...row, date });
    if (!("working" in flag)) {
      issues.push(flag);
      continue;
    }
    issues.push(...flag.issues);
    const { working } = flag;
    const previous = byDate.get(date);
    if (previous !== undefined && previous.working !== working) {
      issues.push(
        makeIssue("calendar-conflict", row.row, CALENDAR_ISSUE_COLUMN, {
          date: formatChineseDate(date),
          detail: "出现了不止一次且前后不一致",
          used: `最后一行（${working ? "工作日" : "休息"}）`,
        }),
      );
    }
    const note = cellText(row.cells.note);
    byDate.delete(date);
    byDate.set(date, note === "" ? { date, working } : { date, working, note });
  }
  return { overrides: [...byDate.values()], issues };
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
