/**
 * Reading the 设置 (settings) sheet back into a valid model: what a person broke there falls
 * back to a default, with a warning naming the sheet row. (The 工作日历 sheet is read by
 * calendar-read.ts.)
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
import { cellText, isBlank, type CellValue, type SheetGrid } from "./cell";
import { DEFAULT_ROUTING, normalizeHeader } from "./columns";
import type { Issue, Leader, Settings } from "./model";
import { makeIssue } from "./rules";
import { parseYesNo } from "./yes-no";

export const SETTINGS_SHEET_NAME = "设置";
/** Issue.column of problems found in the 设置 sheet (Issue.row is the 设置 row). */
export const SETTINGS_ISSUE_COLUMN = "设置";

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
/** A list section of the sheet. */
export type SettingsList = keyof typeof SETTINGS_SECTIONS;

/**
 * The title row of each list section, from column A: the section's title, then its further
 * column headers.
 *
 * @example
 * SETTINGS_LIST_HEADERS.leaders // ["领导", "职务", "主要领导"]
 */
export const SETTINGS_LIST_HEADERS: Readonly<Record<SettingsList, readonly string[]>> = {
  sections: [SETTINGS_SECTIONS.sections],
  leaders: [SETTINGS_SECTIONS.leaders, LEADER_COLUMNS.title, LEADER_COLUMNS.principal],
  routing: [SETTINGS_SECTIONS.routing, ROUTING_COLUMNS.section],
};
type Section = "values" | SettingsList;

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
export const SETTINGS_SECTION_TITLES: Readonly<Record<SettingsList, readonly string[]>> = {
  sections: [SETTINGS_SECTIONS.sections, "科室／单位", "科室单位", "科室或单位", "科室、单位", "科室"],
  leaders: [SETTINGS_SECTIONS.leaders, "领导名单", LEADER_COLUMNS.name],
  routing: [SETTINGS_SECTIONS.routing, ROUTING_COLUMNS.source],
};

const SECTION_TITLES: ReadonlyMap<string, SettingsList> = new Map(
  (Object.keys(SETTINGS_SECTION_TITLES) as SettingsList[]).flatMap((list) =>
    SETTINGS_SECTION_TITLES[list].map((title) => [title, list] as const),
  ),
);

/** A non-blank row of a 设置 sheet, as the reader takes it (row is 1-based). */
export type SettingsRow =
  | { readonly kind: "value"; readonly row: number; readonly key: ValueKey; readonly cells: readonly CellValue[] }
  | { readonly kind: "title"; readonly row: number; readonly list: SettingsList }
  | { readonly kind: "header"; readonly row: number }
  | { readonly kind: "item"; readonly row: number; readonly section: Section; readonly cells: readonly CellValue[] };

/**
 * The non-blank rows of a 设置 sheet (A–C), each a value label, a section title, the optional
 * header of the value block, or an item of the section it stands in. A section runs until the
 * next title or value label.
 * @example settingsRows(grid)[0] // { kind: "header", row: 1 }
 */
export function settingsRows(grid: SheetGrid | undefined): SettingsRow[] {
  const rows: SettingsRow[] = [];
  let section: Section = "values";
  (grid?.rows ?? []).forEach((cells, r) => {
    const row = r + 1;
    if (cells.slice(0, 3).every((c) => isBlank(c))) return;
    const a = normalizeHeader(cellText(cells[0]));
    const key = LABEL_INDEX.get(a);
    const list = SECTION_TITLES.get(a);
    if (key !== undefined) {
      rows.push({ kind: "value", row, key, cells });
      section = "values";
    } else if (section === "values" && a === SETTINGS_HEADER.label) rows.push({ kind: "header", row });
    else if (list !== undefined) {
      rows.push({ kind: "title", row, list });
      section = list;
    } else rows.push({ kind: "item", row, section, cells });
  });
  return rows;
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
  for (const r of settingsRows(grid)) {
    if (r.kind === "value") acc.values[r.key] = { cell: r.cells[1] ?? { t: "empty" }, row: r.row };
    else if (r.kind === "item") readSectionRow(r.section, r.cells, r.row, acc, issues);
  }
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
