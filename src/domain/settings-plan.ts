/**
 * The 设置 sheet part of the setup plan. A workbook without 设置 gets the full layout of
 * settings.ts (values, the section list, the leaders, the policy's routing table) with room
 * to type more. An existing 设置 sheet is read the way readSettings reads it; what is missing
 * is appended below its last row, blank values that have a default get it, and nothing typed
 * is changed. The lists become named ranges that the registry's validation lists use.
 */
import { isBlank, type CellValue, type SheetGrid } from "./cell";
import { DEFAULT_ROUTING, normalizeHeader } from "./columns";
import type {
  CellPlan,
  ConditionalFormatPlan,
  NamePlan,
  PlanStyle,
  SheetPlan,
  ValidationPlan,
} from "./setup-plan-types";
import {
  DEFAULT_SETTINGS,
  REMIND_REPLY_DAYS_RANGE,
  SETTINGS_HEADER,
  SETTINGS_LABELS,
  SETTINGS_LIST_HEADERS,
  SETTINGS_SECTIONS,
  SETTINGS_SHEET_NAME,
  settingsRows,
  type SettingsList,
  WARNING_DAYS_RANGE,
} from "./settings";
import { YES_NO } from "./yes-no";
import { WORKBOOK_NAMES } from "./workbook-names";

type ValueKey = keyof typeof SETTINGS_LABELS;

/** Sections a new office starts with: those the policy's routing names. */
export const DEFAULT_SECTIONS: readonly string[] = ["办公室", "秘书科", "督导室", "组织科"];

/** The conditional format this setup writes on 设置 (the threshold cell red when it is no number). */
export const SETTINGS_FORMAT_SIGNATURE = "^NOT\\(ISNUMBER\\(\\$B[0-9]+\\)\\)$";

/** The 状态 formula compares with the threshold cell: anything but a number is shown red. */
function thresholdFormat(row: number): ConditionalFormatPlan {
  return {
    range: { top: row, left: 2, bottom: row, right: 2 },
    rules: [{ formula: `NOT(ISNUMBER($B${row}))`, fill: "FFFF0000", fontColor: "FFFFFFFF", bold: true }],
  };
}

/** Rows a new 设置 sheet keeps for each list (filled ones included). */
const SECTION_ROWS = 20;
const LEADER_ROWS = 15;

const NOTES: Readonly<Record<ValueKey, string>> = {
  orgName: "通知单、报告抬头使用",
  numberPrefix: "编号前的机关代字，如“江津教督”；可留空",
  warningDays: "0–30 的整数：剩余工作日不超过此数的事项显示黄色（临期）",
  remindReplyDays: "1–30 的整数：催办提示单要求回复的工作日数",
  contactPhone: "督办责任经办人联系电话（通知单使用）",
  contactEmail: "督办责任经办人电子邮箱（通知单使用）",
};

const DEFAULT_VALUES: Readonly<Partial<Record<ValueKey, number>>> = {
  warningDays: DEFAULT_SETTINGS.warningDays,
  remindReplyDays: DEFAULT_SETTINGS.remindReplyDays,
};

const HEADER_STYLE: PlanStyle = { bold: true, fill: "FFD9E1F2", border: true };
const TITLE_STYLE: PlanStyle = { bold: true, fill: "FFFCE4D6", border: true };

/** Where things are in a 设置 sheet. */
export interface SettingsLayout {
  /** Row of each value label found (the last one wins, as in readSettings). */
  readonly values: Partial<Record<ValueKey, number>>;
  /** Each list section: its title row and the last row before the next title or label. */
  readonly lists: Partial<Record<SettingsList, { readonly title: number; readonly end: number }>>;
  /** Last row with anything in A–C (0 for an empty sheet). */
  readonly lastRow: number;
}

/**
 * Finds the value labels and list sections of a 设置 sheet the way readSettings does.
 * @example locateSettings(grid).values.warningDays // 4
 */
export function locateSettings(grid: SheetGrid | undefined): SettingsLayout {
  const values: Partial<Record<ValueKey, number>> = {};
  const lists: Partial<Record<SettingsList, { title: number; end: number }>> = {};
  let open: SettingsList | null = null;
  const close = (endRow: number) => {
    if (open !== null) lists[open] = { title: lists[open]!.title, end: Math.max(lists[open]!.title, endRow) };
    open = null;
  };
  const rows = settingsRows(grid);
  for (const r of rows) {
    if (r.kind === "value") {
      close(r.row - 1);
      values[r.key] = r.row;
    } else if (r.kind === "title") {
      close(r.row - 1);
      lists[r.list] = { title: r.row, end: r.row };
      open = r.list;
    }
  }
  const lastRow = rows.length > 0 ? rows[rows.length - 1].row : 0;
  // The last section runs to the last row with content.
  close(lastRow);
  return { values, lists, lastRow };
}

function text(v: string): CellValue {
  return { t: "string", v };
}

/** Builder of the cells, names and rules of the 设置 sheet. */
class SettingsSheetBuilder {
  readonly cells: CellPlan[] = [];
  readonly validations: ValidationPlan[] = [];
  readonly names: NamePlan[] = [];

  put(row: number, col: number, value: CellValue, style?: PlanStyle) {
    this.cells.push({ row, col, value, mode: "ifEmpty", ...(style ? { style } : {}) });
  }

  name(name: string, top: number, left: number, bottom = top, right = left) {
    this.names.push({ name, sheet: SETTINGS_SHEET_NAME, range: { top, left, bottom: Math.max(top, bottom), right } });
  }

  valueRow(row: number, key: ValueKey) {
    this.put(row, 1, text(SETTINGS_LABELS[key]));
    const value = DEFAULT_VALUES[key];
    if (value !== undefined) this.put(row, 2, { t: "number", v: value });
    this.put(row, 3, text(NOTES[key]));
  }

  /** A list section at `title` with `rows` rows of content (defaults first); returns the next free row. */
  listSection(key: SettingsList, title: number, defaults: readonly (readonly CellValue[])[], rows: number): number {
    SETTINGS_LIST_HEADERS[key].forEach((h, i) => this.put(title, i + 1, text(h), TITLE_STYLE));
    defaults.forEach((cells, i) => cells.forEach((cell, c) => this.put(title + 1 + i, c + 1, cell)));
    return title + 1 + Math.max(rows, defaults.length);
  }
}

const DEFAULT_LIST_CONTENT: Readonly<Record<Exclude<SettingsList, "sections">, readonly (readonly CellValue[])[]>> = {
  leaders: [],
  routing: Object.entries(DEFAULT_ROUTING).map(([source, section]) => [
    text(source),
    section === null ? { t: "empty" } : text(section),
  ]),
};

const LIST_ROWS: Readonly<Record<SettingsList, number>> = {
  sections: SECTION_ROWS,
  leaders: LEADER_ROWS,
  routing: Object.keys(DEFAULT_ROUTING).length,
};

/** Result of the 设置 part: the sheet plan, its names, and where the threshold is typed. */
export interface SettingsPlan {
  readonly sheet: SheetPlan;
  readonly names: readonly NamePlan[];
  /** The 临期预警工作日 value cell. */
  readonly warningDaysCell: { readonly row: number; readonly col: number };
}

/**
 * The 设置 part of the setup plan for the sheet as it is (undefined when the workbook has none).
 * A new sheet lists DEFAULT_SECTIONS and then `usedSections` (those the registry already names),
 * so existing entries are in the dropdown.
 * @example buildSettingsPlan(undefined).warningDaysCell // { row: 4, col: 2 }
 */
export function buildSettingsPlan(grid: SheetGrid | undefined, usedSections: readonly string[] = []): SettingsPlan {
  const layout = locateSettings(grid);
  const b = new SettingsSheetBuilder();
  const created = layout.lastRow === 0;
  addMissing(b, grid, layout, usedSections);
  // Names are taken from the sheet as it will be, read like readSettings reads it, so that
  // the next refresh finds exactly the same ranges.
  const warningRow = nameAndValidate(b, locateSettings(withCells(grid, b.cells)));
  const sheet: SheetPlan = {
    name: SETTINGS_SHEET_NAME,
    cells: b.cells,
    merges: [],
    columns: created
      ? [
          { col: 1, width: 18 },
          { col: 2, width: 26 },
          { col: 3, width: 52 },
        ]
      : [],
    numberFormats: [],
    validations: b.validations,
    conditionalFormats: [thresholdFormat(warningRow)],
    conditionalFormatSignatures: [SETTINGS_FORMAT_SIGNATURE],
  };
  return { sheet, names: b.names, warningDaysCell: { row: warningRow, col: 2 } };
}

/**
 * The cells a sheet lacks: the header of a new sheet, each missing value row and list section
 * below what is there, and the default of a day count left blank.
 */
function addMissing(
  b: SettingsSheetBuilder,
  grid: SheetGrid | undefined,
  layout: SettingsLayout,
  usedSections: readonly string[],
): void {
  let next = layout.lastRow + 2;
  if (layout.lastRow === 0) {
    b.put(1, 1, text(SETTINGS_HEADER.label), HEADER_STYLE);
    b.put(1, 2, text(SETTINGS_HEADER.value), HEADER_STYLE);
    b.put(1, 3, text("说明"), HEADER_STYLE);
    next = 2;
  }
  for (const key of Object.keys(SETTINGS_LABELS) as ValueKey[]) {
    const row = layout.values[key];
    if (row === undefined) {
      b.valueRow(next, key);
      next += 1;
    } else {
      const value = DEFAULT_VALUES[key];
      const typed = grid?.rows[row - 1]?.[1];
      if (value !== undefined && isBlank(typed)) b.put(row, 2, { t: "number", v: value });
    }
  }
  for (const key of Object.keys(SETTINGS_SECTIONS) as SettingsList[]) {
    if (layout.lists[key] !== undefined) continue;
    const content =
      key === "sections"
        ? [...new Set([...DEFAULT_SECTIONS, ...usedSections.map(normalizeHeader).filter((n) => n !== "")])].map((n) => [
            text(n),
          ])
        : DEFAULT_LIST_CONTENT[key];
    next = b.listSection(key, next + 1, content, LIST_ROWS[key]);
  }
}

/** The defined names and validations of the sheet as it will be (`final`); returns the threshold's row. */
function nameAndValidate(b: SettingsSheetBuilder, final: SettingsLayout): number {
  const warningRow = final.values.warningDays!;
  b.name(WORKBOOK_NAMES.warningDays, warningRow, 2);
  const listRange = (key: SettingsList) => {
    const { title, end } = final.lists[key]!;
    // A section that runs to the end of the sheet: keep room for the rows a person adds.
    const bottom = end === final.lastRow ? Math.max(end, title + LIST_ROWS[key]) : end;
    return { top: title + 1, bottom: Math.max(title + 1, bottom) };
  };
  const sections = listRange("sections");
  const leaders = listRange("leaders");
  const routing = listRange("routing");
  b.name(WORKBOOK_NAMES.sections, sections.top, 1, sections.bottom, 1);
  b.name(WORKBOOK_NAMES.leaders, leaders.top, 1, leaders.bottom, 1);
  b.name(WORKBOOK_NAMES.sources, routing.top, 1, routing.bottom, 1);
  b.name(WORKBOOK_NAMES.routing, routing.top, 1, routing.bottom, 2);
  b.validations.push(
    dayCountValidation(warningRow, WARNING_DAYS_RANGE, "临期预警工作日"),
    dayCountValidation(final.values.remindReplyDays!, REMIND_REPLY_DAYS_RANGE, "催办回复工作日"),
    {
      range: { top: leaders.top, left: 3, bottom: leaders.bottom, right: 3 },
      rule: { kind: "list", source: `"${YES_NO.yes},${YES_NO.no}"` },
      errorStyle: "stop",
      errorTitle: "主要领导",
      error: "请选择“是”或“否”",
    },
  );
  return warningRow;
}

/**
 * The grid with the planned cells written where it is blank (what the sheet will hold).
 * @example withCells(undefined, buildSettingsPlan(undefined).sheet.cells).rows[3][0] // { t: "string", v: "临期预警工作日" }
 */
export function withCells(grid: SheetGrid | undefined, cells: readonly CellPlan[]): SheetGrid {
  const rows = (grid?.rows ?? []).map((r) => [...r]);
  for (const cell of cells) {
    if (cell.value.t === "formula") continue;
    while (rows.length < cell.row) rows.push([]);
    const row = rows[cell.row - 1];
    while (row.length < cell.col) row.push({ t: "empty" });
    if (isBlank(row[cell.col - 1])) row[cell.col - 1] = cell.value;
  }
  return { name: grid?.name ?? SETTINGS_SHEET_NAME, rows };
}

function dayCountValidation(row: number, range: { min: number; max: number }, label: string): ValidationPlan {
  return {
    range: { top: row, left: 2, bottom: row, right: 2 },
    rule: { kind: "whole", min: range.min, max: range.max },
    errorStyle: "stop",
    errorTitle: label,
    error: `${label}须为 ${range.min} 到 ${range.max} 之间的整数`,
  };
}
