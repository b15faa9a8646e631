/**
 * Reading the 设置 (settings) and 工作日历 (calendar) sheets back into a valid model: what a
 * person broke there falls back to a default, with a warning naming the sheet row.
 *
 * Layout of the 设置 sheet (the writer uses the constants below). Column A holds labels,
 * column B values; rows are found by their label, never by position, and blank rows anywhere
 * are ignored.
 *
 *   A              | B                      | C
 *   项目           | 值                     |            ← header (optional)
 *   单位名称       | 重庆市江津区教育委员会 |
 *   编号前缀       | 江津教督               |            ← may be blank
 *   临期预警工作日 | 3                      |            ← integer 0–30
 *   催办回复工作日 | 3                      |            ← integer 1–30
 *   联系电话       | 023-47521234           |
 *   电子邮箱       | duban@example.cn       |
 *                  |                        |
 *   科室/单位      |                        |            ← section title
 *   办公室         |                        |            ← one name per row, in A
 *   秘书科         |                        |
 *                  |                        |
 *   领导           | 职务                   | 主要领导   ← section title, doubles as the column header
 *   张三           | 主任                   | 是         ← A 姓名, B 职务, C 是/否
 *                  |                        |
 *   事项来源       | 督办科室               |            ← section title, doubles as the column header
 *   区委批转       | 秘书科                 |            ← A 来源, B the section that supervises it
 *   其他领导批示   |                        |            ← blank B: the relevant section (not checked)
 *
 * A section runs until the next section title or value label. A row 姓名 | 职务 | 主要领导 or
 * 来源 | 督办科室 may also introduce its section. The 事项来源 rows override DEFAULT_ROUTING
 * source by source; sources not listed keep their default.
 */
import { cellText, isBlank, type CellValue, type IsoDate, type SheetGrid } from "./cell";
import type { CalendarOverride } from "./calendar";
import {
  CALENDAR_COLUMNS,
  CALENDAR_ORIGINS,
  CALENDAR_KINDS,
  CALENDAR_WORKING_VALUES,
  calendarKindWorking,
} from "./calendar-sheet";
import { DEFAULT_ROUTING, normalizeHeader } from "./columns";
import { formatChineseDate, parseDateCell, type DateProblem } from "./dates";
import type { Issue, Leader, Settings } from "./model";
import { makeIssue, type RuleCode } from "./rules";

export const SETTINGS_SHEET_NAME = "设置";
/** Issue.column of problems found in the 设置 sheet (Issue.row is the 设置 row). */
export const SETTINGS_ISSUE_COLUMN = "设置";
/** Issue.column of problems found in the 工作日历 sheet (Issue.row is the 工作日历 row). */
export const CALENDAR_ISSUE_COLUMN = "工作日历";

/** The optional header row of the value block. */
export const SETTINGS_HEADER = { label: "项目", value: "值" } as const;

/** Labels (column A) of the single values. */
export const SETTINGS_LABELS = {
  orgName: "单位名称",
  numberPrefix: "编号前缀",
  warningDays: "临期预警工作日",
  remindReplyDays: "催办回复工作日",
  contactPhone: "联系电话",
  contactEmail: "电子邮箱",
} as const;

/** Titles (column A) of the list sections. */
export const SETTINGS_SECTIONS = {
  sections: "科室/单位",
  leaders: "领导",
  routing: "事项来源",
} as const;

/** Column headers of the 领导 section (A, B, C); its title row is 领导 | 职务 | 主要领导. */
export const LEADER_COLUMNS = { name: "姓名", title: "职务", principal: "主要领导" } as const;
/** Column headers of the 事项来源 section (A, B); its title row is 事项来源 | 督办科室. */
export const ROUTING_COLUMNS = { source: "来源", section: "督办科室" } as const;
/** Values of the 主要领导 column. */
export const PRINCIPAL_VALUES = { yes: "是", no: "否" } as const;

/** Allowed range of the two day counts. */
export const WARNING_DAYS_RANGE = { min: 0, max: 30 } as const;
export const REMIND_REPLY_DAYS_RANGE = { min: 1, max: 30 } as const;

export const DEFAULT_SETTINGS: Settings = {
  orgName: "",
  numberPrefix: "",
  warningDays: 3,
  remindReplyDays: 3,
  contactPhone: "",
  contactEmail: "",
  sections: [],
  leaders: [],
  routing: DEFAULT_ROUTING,
};

type ValueKey = keyof typeof SETTINGS_LABELS;
type Section = "values" | "sections" | "leaders" | "routing";

/** Label spellings readSettings accepts besides the canonical ones. */
export const SETTINGS_LABEL_ALIASES: Readonly<Record<ValueKey, readonly string[]>> = {
  orgName: ["机关名称", "单位"],
  numberPrefix: ["机关代字", "编号机关代字"],
  warningDays: ["临期预警天数", "预警工作日", "临期预警"],
  remindReplyDays: ["催办回复天数", "回复工作日"],
  contactPhone: ["电话", "联系方式"],
  contactEmail: ["邮箱", "电子邮件", "Email", "E-mail"],
};

const LABEL_INDEX: ReadonlyMap<string, ValueKey> = new Map(
  (Object.keys(SETTINGS_LABELS) as ValueKey[]).flatMap((key) =>
    [SETTINGS_LABELS[key], ...SETTINGS_LABEL_ALIASES[key]].map((label) => [label, key] as const),
  ),
);

/** Section titles readSettings accepts, by list. */
export const SETTINGS_SECTION_TITLES: Readonly<Record<Exclude<Section, "values">, readonly string[]>> = {
  sections: [SETTINGS_SECTIONS.sections, "科室／单位", "科室单位", "科室或单位", "科室、单位", "科室"],
  leaders: [SETTINGS_SECTIONS.leaders, "领导名单", LEADER_COLUMNS.name],
  routing: [SETTINGS_SECTIONS.routing, ROUTING_COLUMNS.source],
};

const SECTION_TITLES: ReadonlyMap<string, Exclude<Section, "values">> = new Map(
  (Object.keys(SETTINGS_SECTION_TITLES) as Exclude<Section, "values">[]).flatMap((list) =>
    SETTINGS_SECTION_TITLES[list].map((title) => [title, list] as const),
  ),
);

const YES = new Set(["是", "√", "✓", "✔", "Y", "YES", "TRUE", "1"]);
const NO = new Set(["否", "×", "✗", "N", "NO", "FALSE", "0", "不是"]);

/** Yes/no of a cell (是/否 and the usual marks); undefined when it is neither. Blank is no. */
function parseYesNo(cell: CellValue | undefined): boolean | undefined {
  if (cell === undefined || isBlank(cell)) return false;
  if (cell.t === "bool") return cell.v;
  const t = normalizeHeader(cellText(cell)).toUpperCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** A whole number of days from a number cell or text like "3", "３", "3个工作日", "3天". */
function parseDayCount(cell: CellValue): number | undefined {
  if (cell.t === "number") return Number.isInteger(cell.v) ? cell.v : undefined;
  if (cell.t !== "string") return undefined;
  const ascii = normalizeHeader(cell.v).replace(/[\uFF10-\uFF19]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
  const m = /^(\d{1,3})(?:个)?(?:工作日|天|日)?$/.exec(ascii);
  return m ? Number(m[1]) : undefined;
}

interface Collected {
  values: Partial<Record<ValueKey, { cell: CellValue; row: number }>>;
  sections: string[];
  leaders: Leader[];
  routing: Record<string, string | null>;
}

/** One row of a list section into the collected settings. */
function readSectionRow(section: Section, cells: readonly CellValue[], row: number, acc: Collected, issues: Issue[]) {
  const a = normalizeHeader(cellText(cells[0]));
  const b = cellText(cells[1]);
  switch (section) {
    case "values":
      return; // an unknown label above the lists: a note, ignored
    case "sections":
      if (a !== "" && !acc.sections.includes(a)) acc.sections.push(a);
      return;
    case "leaders": {
      if (a === "") {
        issues.push(settingsIssue(row, LEADER_COLUMNS.name, "（空）", "这一行已忽略", "领导姓名（A列）"));
        return;
      }
      const principal = parseYesNo(cells[2]);
      if (principal === undefined) {
        issues.push(settingsIssue(row, LEADER_COLUMNS.principal, cellText(cells[2]), "已按“否”处理", "“是”或“否”"));
      }
      acc.leaders.push({ name: a, title: b, principal: principal ?? false });
      return;
    }
    case "routing":
      if (a === "") {
        issues.push(settingsIssue(row, ROUTING_COLUMNS.source, "（空）", "这一行已忽略", "事项来源（A列）"));
        return;
      }
      acc.routing[a] = normalizeHeader(b) === "" ? null : normalizeHeader(b);
      return;
  }
}

function settingsIssue(row: number, label: string, value: string, fallback: string, expected: string): Issue {
  return makeIssue("settings-invalid", row, SETTINGS_ISSUE_COLUMN, { label, value, fallback, expected });
}

/** A day count setting, or its default with an issue when it is not a whole number in range. */
function dayCountSetting(
  entry: { cell: CellValue; row: number } | undefined,
  key: "warningDays" | "remindReplyDays",
  range: { min: number; max: number },
  issues: Issue[],
): number {
  const fallback = DEFAULT_SETTINGS[key];
  if (entry === undefined || isBlank(entry.cell)) return fallback;
  const n = parseDayCount(entry.cell);
  if (n !== undefined && n >= range.min && n <= range.max) return n;
  issues.push(
    settingsIssue(
      entry.row,
      SETTINGS_LABELS[key],
      cellText(entry.cell),
      `已按默认值${fallback}处理`,
      `${range.min}到${range.max}之间的整数`,
    ),
  );
  return fallback;
}

/**
 * The settings in a 设置 sheet (layout at the top of this file); DEFAULT_SETTINGS for
 * anything absent. A day count that is not a whole number in range, a 主要领导 that is
 * neither 是 nor 否, a list row without its name: the default is used and a
 * settings-invalid warning names the 设置 row.
 * @example
 * readSettings({ name: "设置", rows: [[text("临期预警工作日"), num(5)]] }).settings.warningDays // 5
 * readSettings(undefined).settings // DEFAULT_SETTINGS
 */
export function readSettings(grid: SheetGrid | undefined): { settings: Settings; issues: Issue[] } {
  if (grid === undefined) return { settings: DEFAULT_SETTINGS, issues: [] };
  const issues: Issue[] = [];
  const acc: Collected = { values: {}, sections: [], leaders: [], routing: { ...DEFAULT_ROUTING } };
  let section: Section = "values";
  grid.rows.forEach((cells, r) => {
    if (cells.slice(0, 3).every((c) => isBlank(c))) return;
    const a = normalizeHeader(cellText(cells[0]));
    const label = LABEL_INDEX.get(a);
    if (label !== undefined) {
      acc.values[label] = { cell: cells[1] ?? { t: "empty" }, row: r + 1 };
      section = "values";
      return;
    }
    if (section === "values" && a === SETTINGS_HEADER.label) return;
    const title = SECTION_TITLES.get(a);
    if (title !== undefined) {
      section = title;
      return;
    }
    readSectionRow(section, cells, r + 1, acc, issues);
  });
  const text = (key: ValueKey) => cellText(acc.values[key]?.cell);
  const settings: Settings = {
    orgName: text("orgName"),
    numberPrefix: normalizeHeader(text("numberPrefix")),
    warningDays: dayCountSetting(acc.values.warningDays, "warningDays", WARNING_DAYS_RANGE, issues),
    remindReplyDays: dayCountSetting(acc.values.remindReplyDays, "remindReplyDays", REMIND_REPLY_DAYS_RANGE, issues),
    contactPhone: text("contactPhone"),
    contactEmail: text("contactEmail"),
    sections: acc.sections,
    leaders: acc.leaders,
    routing: acc.routing,
  };
  issues.sort((x, y) => x.row - y.row);
  return { settings, issues };
}

type CalendarColumn = keyof typeof CALENDAR_COLUMNS;

const DATE_PROBLEM_CODES: Readonly<Record<DateProblem, RuleCode>> = {
  unparseable: "date-unparseable",
  impossible: "date-impossible",
  fictitious: "date-fictitious",
};

/**
 * The header row (first 10 rows) of the 工作日历 sheet: the first row with a 日期 cell, and the
 * column of each header found there.
 * @example findCalendarHeader(grid) // { row: 1, columns: { date: 1, working: 2, kind: 3, origin: 4, note: 5 } }
 */
export function findCalendarHeader(
  grid: SheetGrid,
): { row: number; columns: Partial<Record<CalendarColumn, number>> } | null {
  const byHeader = new Map(
    (Object.keys(CALENDAR_COLUMNS) as CalendarColumn[]).map((k) => [CALENDAR_COLUMNS[k] as string, k]),
  );
  for (let r = 0; r < Math.min(10, grid.rows.length); r++) {
    const columns: Partial<Record<CalendarColumn, number>> = {};
    grid.rows[r].forEach((cell, i) => {
      const key = byHeader.get(normalizeHeader(cellText(cell)));
      if (key !== undefined && columns[key] === undefined) columns[key] = i + 1;
    });
    if (columns.date !== undefined) return { row: r + 1, columns };
  }
  return null;
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

/**
 * The user's overrides in a 工作日历 sheet (layout in calendar-sheet.ts). The header row is
 * found by its 日期 cell. When the sheet has a 来源 column, every row whose 来源 is not 官方
 * (用户, or blank because a person added the row) is an override; without a 来源 column only
 * rows whose 类型 is 节假日 / 调休上班 / 工作日 / 休息日 are. An override's working flag is
 * 是否工作日 when that is readable (the workbook's own formulas read that column), else its
 * 类型; when both are present and disagree a calendar-conflict warning says which was used.
 * A date given twice: the later row wins, with a warning when they disagree. Unreadable rows
 * are skipped with a warning naming the 工作日历 row.
 * @example
 * readCalendarOverrides(sheet).overrides // [{ date: "2027-01-01", working: false, note: "元旦" }]
 */
export function readCalendarOverrides(grid: SheetGrid | undefined): { overrides: CalendarOverride[]; issues: Issue[] } {
  if (grid === undefined) return { overrides: [], issues: [] };
  const header = findCalendarHeader(grid);
  const issues: Issue[] = [];
  if (header === null) {
    const firstText = grid.rows.flat().find((c) => !isBlank(c));
    if (firstText !== undefined) {
      issues.push(
        makeIssue("calendar-invalid", 1, CALENDAR_ISSUE_COLUMN, {
          field: "表头",
          value: cellText(firstText),
          expected: `表头“${CALENDAR_COLUMNS.date}”（前10行内），否则整张工作日历都不生效`,
        }),
      );
    }
    return { overrides: [], issues };
  }
  const { columns } = header;
  const cellAt = (cells: readonly CellValue[], key: CalendarColumn): CellValue | undefined =>
    columns[key] === undefined ? undefined : cells[columns[key] - 1];
  const byDate = new Map<IsoDate, CalendarOverride>();
  for (let r = header.row; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    const row = r + 1;
    const origin = normalizeHeader(cellText(cellAt(cells, "origin")));
    if (origin === CALENDAR_ORIGINS.official) continue;
    const kindText = normalizeHeader(cellText(cellAt(cells, "kind")));
    const kind = kindText === "" ? undefined : calendarKindWorking(kindText);
    if (columns.origin === undefined && kind === undefined) continue;
    const dateCell = cellAt(cells, "date");
    const parsed = dateCell === undefined ? null : parseDateCell(dateCell);
    if (parsed === null) continue;
    if (!parsed.ok) {
      const column = CALENDAR_COLUMNS.date;
      issues.push(
        makeIssue(DATE_PROBLEM_CODES[parsed.problem], row, CALENDAR_ISSUE_COLUMN, { column, text: parsed.text }),
      );
      continue;
    }
    const date = parsed.date;
    const workingCell = parseWorkingCell(cellAt(cells, "working"));
    if (workingCell === undefined && kind === undefined) {
      issues.push(
        makeIssue("calendar-invalid", row, CALENDAR_ISSUE_COLUMN, {
          field: `${formatChineseDate(date)}的${CALENDAR_COLUMNS.working}`,
          value: cellText(cellAt(cells, "working")),
          expected: "1（工作日）或 0（休息）",
        }),
      );
      continue;
    }
    if (workingCell === null && kind === undefined) {
      issues.push(
        makeIssue("calendar-invalid", row, CALENDAR_ISSUE_COLUMN, {
          field: `${formatChineseDate(date)}的${CALENDAR_COLUMNS.kind}`,
          value: kindText,
          expected: `${CALENDAR_COLUMNS.working}（1 或 0），或类型“${CALENDAR_KINDS.holiday}”“${CALENDAR_KINDS.makeUp}”`,
        }),
      );
      continue;
    }
    const working = typeof workingCell === "boolean" ? workingCell : (kind as boolean);
    if (typeof workingCell === "boolean" && kind !== undefined && kind !== workingCell) {
      issues.push(
        makeIssue("calendar-conflict", row, CALENDAR_ISSUE_COLUMN, {
          date: formatChineseDate(date),
          detail: `的类型“${kindText}”与是否工作日“${cellText(cellAt(cells, "working"))}”不一致`,
          used: `是否工作日（${working ? "工作日" : "休息"}）`,
        }),
      );
    }
    const previous = byDate.get(date);
    if (previous !== undefined && previous.working !== working) {
      issues.push(
        makeIssue("calendar-conflict", row, CALENDAR_ISSUE_COLUMN, {
          date: formatChineseDate(date),
          detail: "出现了不止一次且前后不一致",
          used: `最后一行（${working ? "工作日" : "休息"}）`,
        }),
      );
    }
    const note = cellText(cellAt(cells, "note"));
    byDate.delete(date);
    byDate.set(date, note === "" ? { date, working } : { date, working, note });
  }
  return { overrides: [...byDate.values()], issues };
}
