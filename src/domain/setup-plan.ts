/**
 * The workbook setup plan (types in setup-plan-types.ts): everything a registry workbook needs
 * so that leaders who open it without the add-in — Excel on the web, on a phone — still see
 * the right 状态 and colours tomorrow. Built from the workbook as the engine reads it; pure data.
 *
 *   registry  missing extension columns, 状态 with its helper columns 截止日期 and 剩余工作日,
 *             validation, date format, colours, frozen header, print setup of the official
 *             14 columns                                               (registry-plan.ts)
 *   督办看板  counts by status and by section, as formulas            (dashboard-plan.ts)
 *   设置      values, section and leader lists, routing; named ranges  (settings-plan.ts)
 *   工作日历  every date of the years in use, user rows kept, a running count of working
 *             days, the 督办结果 words                                 (calendar-plan.ts)
 *
 * A workbook set up by an earlier version (its 工作日历 has the helper columns 日历序 / 日期键,
 * its 状态 formulas parse text dates) is upgraded by the same plan: the formulas of ours are
 * recognised and replaced, the old calendar columns cleared, the old names deleted; a note
 * says so (setup-upgrade.ts).
 */
import { cellText, type IsoDate, type SheetGrid } from "./cell";
import { CALENDAR_SHEET_NAME } from "./calendar-sheet";
import { ALL_COLUMNS, OFFICIAL_COLUMNS } from "./columns";
import { buildCalendarPlan } from "./calendar-plan";
import { buildDashboardPlan } from "./dashboard-plan";
import { yearOf } from "./dates";
import type { LedgerReading, RegistryItem, RegistryLayout, Settings } from "./model";
import { buildRegistryPlan, HELPER_HEADERS, PLAIN_RANGE_REASON, type RegistryPlan } from "./registry-plan";
import { REGISTRY_SHEET_NAME } from "./registry";
import { readCalendarOverrides } from "./calendar-read";
import { readSettings, SETTINGS_SHEET_NAME } from "./settings";
import { buildSettingsPlan, withCells } from "./settings-plan";
import { upgradeNotes } from "./setup-upgrade";
import { FORMER_WORKBOOK_NAMES } from "./workbook-names";
import type { PlanNote, SetupPlan, SheetPlan } from "./setup-plan-types";

export type * from "./setup-plan-types";

/** How many years before today the calendar may reach back. */
export const MAX_YEARS_BACK = 10;
/** How many years after today the calendar may reach (then one more year is added). */
export const MAX_YEARS_AHEAD = 5;

/** A ledger sheet as the setup plan needs it (a LedgerReading; skipped rows optional). */
export type LedgerToSetUp = Pick<LedgerReading, "layout" | "items" | "continuations"> &
  Partial<Pick<LedgerReading, "skipped">>;

/** What the plan is built from: the workbook's grids and the engine's reading of them. */
export interface SetupInput {
  readonly grids: readonly SheetGrid[];
  readonly analysis: {
    readonly layout: RegistryLayout;
    readonly items: readonly RegistryItem[];
    readonly settings: Settings;
    /**
     * Every ledger sheet to set up (one per year); without it, the one of `layout` and `items`.
     * Continuation rows of items over several rows get no status of their own; skipped rows
     * (合计, footers, notes) no formulas.
     */
    readonly ledgers?: readonly LedgerToSetUp[];
    /** Ledger sheets not set up now but counted on the 督办看板 when they have a 状态 column. */
    readonly otherLedgers?: readonly LedgerToSetUp[];
  };
  readonly today: IsoDate;
  /**
   * The expression for today in the formulas: TODAY() (the default) keeps the workbook live;
   * a fixed DATE(y,m,d) lets a test evaluate the workbook as of another day.
   */
  readonly todayFormula?: string;
}

function sheetNamed(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name.trim() === name);
}

/**
 * The years the 工作日历 lists: from the earliest year of any registry date, user calendar
 * row or today, to the year after the latest — at most MAX_YEARS_BACK before today and
 * MAX_YEARS_AHEAD (+1) after it.
 * @example calendarYears([item with dueOn "2025-12-30"], [], "2026-11-26") // { first: 2025, last: 2027 }
 */
export function calendarYears(
  items: readonly RegistryItem[],
  overrideDates: readonly IsoDate[],
  today: IsoDate,
): { first: number; last: number } {
  const now = yearOf(today);
  let first = now;
  let last = now;
  const see = (d: IsoDate | null) => {
    if (d === null) return;
    const y = yearOf(d);
    if (y < first) first = y;
    if (y > last) last = y;
  };
  for (const item of items) {
    for (const d of [item.issuedOn, item.dueOn, item.signedOn, item.closedOn, item.extendedTo, item.reportedOn]) see(d);
  }
  overrideDates.forEach(see);
  return { first: Math.max(first, now - MAX_YEARS_BACK), last: Math.min(last, now + MAX_YEARS_AHEAD) + 1 };
}

/** Sections for the board: those of 设置 first, then others the registry uses. */
function boardSections(settings: Settings, items: readonly RegistryItem[]): string[] {
  const out = [...settings.sections];
  for (const item of items) if (item.section !== "" && !out.includes(item.section)) out.push(item.section);
  return out;
}

/**
 * The setup plan of a workbook.
 * @example
 * const plan = buildSetupPlan({ grids, analysis: analyzeRegistry(grids, "2026-11-26")!, today: "2026-11-26" });
 * plan.sheets.map((s) => s.name) // ["督办事项登记表", "督办看板", "设置", "工作日历"]
 */
export function buildSetupPlan(input: SetupInput): SetupPlan {
  const { grids, analysis, today } = input;
  const todayFormula = input.todayFormula ?? "TODAY()";
  const calendarGrid = sheetNamed(grids, CALENDAR_SHEET_NAME);
  const settingsGrid = sheetNamed(grids, SETTINGS_SHEET_NAME);
  const ledgers = analysis.ledgers ?? [{ layout: analysis.layout, items: analysis.items, continuations: [] }];
  const allItems = ledgers.flatMap((l) => l.items);
  const overrides = readCalendarOverrides(calendarGrid).overrides;
  const years = calendarYears(
    allItems,
    overrides.map((o) => o.date),
    today,
  );
  const settings = buildSettingsPlan(
    settingsGrid,
    allItems.map((i) => i.section),
  );
  // The board lists the sections 设置 will hold once the plan is applied (so a second refresh
  // finds the same list).
  const plannedSettings = readSettings(withCells(settingsGrid, settings.sheet.cells)).settings;
  const calendar = buildCalendarPlan({ grid: calendarGrid, years, todayFormula });
  const planOf = (ledger: LedgerToSetUp, named: boolean): RegistryPlan =>
    buildRegistryPlan({
      grid: grids.find((g) => g.name === ledger.layout.sheetName) ?? { name: ledger.layout.sheetName, rows: [] },
      layout: ledger.layout,
      items: ledger.items,
      years,
      todayFormula,
      continuationRows: new Set(ledger.continuations.map((c) => c.row)),
      skippedRows: new Set((ledger.skipped ?? []).map((r) => r.row)),
      named,
    });
  // The first ledger sheet's 状态 and 科室 get the names the board counts by; the others are
  // counted by their ranges — those set up now, and those set up before (with a 状态 column).
  const registries = ledgers.map((l, i) => planOf(l, i === 0));
  const others = (analysis.otherLedgers ?? [])
    .filter((l) => l.layout.columns.status !== undefined)
    .map((l) => ({ layout: l.layout, plan: planOf(l, false) }));
  const more = [...ledgers.slice(1).map((l, i) => ({ layout: l.layout, plan: registries[i + 1] })), ...others].map(
    ({ layout, plan }) => ({
      registrySheet: layout.sheetName,
      statusColumn: plan.statusColumn,
      sectionColumn: plan.columns.section ?? null,
      firstRow: layout.headerRow + 1,
      lastRow: plan.lastFormattedRow,
    }),
  );
  const registry = registries[0];
  const dashboard = buildDashboardPlan({
    hasSections: registry.columns.section !== undefined,
    sections: boardSections(plannedSettings, allItems),
    todayFormula,
    ...(more.length > 0 ? { more } : {}),
  });
  const notes: PlanNote[] = [
    ...upgradeNotes(calendarGrid),
    ...registries.flatMap((r) => r.notes),
    ...calendar.notes,
    ...thresholdNotes(settingsGrid, settings.warningDaysCell, analysis.settings.warningDays),
  ];
  const facts = registries.map((r, i) => ({
    sheet: ledgers[i].layout.sheetName,
    headerRow: ledgers[i].layout.headerRow,
    lastFormattedRow: r.lastFormattedRow,
    statusColumn: r.statusColumn,
    addedColumns: r.addedColumns,
    plainRangeReason: PLAIN_RANGE_REASON,
  }));
  return {
    sheets: [...registries.map((r) => r.sheet), dashboard, settings.sheet, calendar.sheet],
    names: [...settings.names, ...calendar.names, ...registries.flatMap((r) => r.names)],
    obsoleteNames: FORMER_WORKBOOK_NAMES,
    notes,
    registry: facts[0],
    registries: facts,
    calendarYears: years,
  };
}

/**
 * A note when the 临期预警工作日 the formulas compare with (the cell itself) is not the number
 * the engine reads there (text like "3个工作日", a number out of range, a blank).
 */
function thresholdNotes(
  grid: SheetGrid | undefined,
  cell: { readonly row: number; readonly col: number },
  engine: number,
): PlanNote[] {
  const typed = grid?.rows[cell.row - 1]?.[cell.col - 1];
  if (typed === undefined || (typed.t === "number" && typed.v === engine)) return [];
  return [
    {
      sheet: SETTINGS_SHEET_NAME,
      row: cell.row,
      code: "settings-threshold-differs",
      message: `设置表第${cell.row}行的临期预警工作日“${cellText(typed)}”不是 0–30 的整数（单元格显示红色），状态公式按数字比较，读不到它；请改为整数，如 ${engine}`,
    },
  ];
}

/** Title of a new registry (attachment 3). */
export const NEW_REGISTRY_TITLE = "督办事项登记表";

/**
 * The sheet plan of a new, empty registry for `duban init`: the title over the official
 * columns, then one header row with the 14 official and the extension columns.
 * @example newRegistrySheetPlan().cells[0] // { row: 1, col: 1, value: { t: "string", v: "督办事项登记表" }, … }
 */
export function newRegistrySheetPlan(): SheetPlan {
  const headerStyle = {
    bold: true,
    wrap: true,
    border: true,
    horizontal: "center" as const,
    vertical: "middle" as const,
    fill: "FFD9E1F2",
  };
  const widths: Record<string, number> = {
    序号: 6,
    督办事项编号: 16,
    督办事项内容: 36,
    来文编号: 14,
    紧急程度: 8,
    密级: 7,
    督办科室或单位: 14,
    协办科室或单位: 14,
    承办单位负责人: 10,
    督办结果: 12,
    备注: 14,
    状态: 8,
    剩余工作日: 10,
  };
  const headers: { header: string; kind: string }[] = [
    ...ALL_COLUMNS,
    { header: HELPER_HEADERS.deadline, kind: "date" },
    { header: HELPER_HEADERS.daysLeft, kind: "integer" },
  ];
  return {
    name: REGISTRY_SHEET_NAME,
    cells: [
      {
        row: 1,
        col: 1,
        value: { t: "string", v: NEW_REGISTRY_TITLE },
        mode: "ifEmpty",
        style: { bold: true, fontSize: 18, horizontal: "center", vertical: "middle" },
      },
      ...headers.map((c, i) => ({
        row: 2,
        col: i + 1,
        value: { t: "string" as const, v: c.header },
        mode: "ifEmpty" as const,
        style: headerStyle,
      })),
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: OFFICIAL_COLUMNS.length }],
    columns: headers.map((h, i) => ({ col: i + 1, width: widths[h.header] ?? (h.kind === "date" ? 14 : 12) })),
    rowHeights: [
      { row: 1, height: 36 },
      { row: 2, height: 32 },
    ],
    numberFormats: [],
    validations: [],
    conditionalFormats: [],
    conditionalFormatSignatures: [],
  };
}
