/**
 * The registry sheet part of the setup plan: the missing extension columns to the right of the
 * existing ones, the live row formulas (状态, and the helper columns 截止日期 and 剩余工作日 it
 * reads, visible after it — row-formulas.ts), validation lists and date checks, the 年月日 date
 * format, colours (registry-rules.ts), a frozen header, and the print setup of the official form
 * (its 14 columns, A4 landscape, header rows repeated).
 *
 * The data stays a plain range, not an Excel table: see PLAIN_RANGE_REASON.
 */
import { cellText, EMPTY, isBlank, type SheetGrid } from "./cell";
import { ALL_COLUMNS, EXTENSION_COLUMNS, normalizeHeader, OFFICIAL_COLUMNS, type ColumnKey } from "./columns";
import type { CellRange } from "./a1-ref";
import type { RegistryItem, RegistryLayout } from "./model";
import { registryNotes } from "./registry-notes";
import {
  headerNotes,
  registryConditionalFormats,
  registryValidations,
  REGISTRY_FORMAT_SIGNATURES,
} from "./registry-rules";
import type { YearSpan } from "./calendar-sheet";
import { formulaCountsAsEvidence } from "./formula-twins";
import { daysLeftFormula, deadlineFormula, statusFormula, type RowFormulaColumns } from "./row-formulas";
import type { CellPlan, ColumnPlan, NamePlan, PlanStyle, SheetPlan, SheetSetupPart } from "./setup-plan-types";
import { WORKBOOK_NAMES } from "./workbook-names";

export { REGISTRY_FORMAT_SIGNATURES, STATUS_COLOURS } from "./registry-rules";

/** Rows below the last item that get the formula, validation and colours, before rounding up. */
export const SPARE_ROWS = 300;
/** The formatted block ends on a multiple of this, so adding a few items does not move it. */
export const ROW_BLOCK = 100;
/** The number format of every date column. */
export const REGISTRY_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** The helper columns the setup adds after 状态, found by their header text. */
export const HELPER_HEADERS = { deadline: "截止日期", daysLeft: "剩余工作日" } as const;

/** What recognises each row formula of ours on the next refresh (older versions' formulas included). */
export const ROW_FORMULA_MARKERS = {
  /** Every 状态 formula, old (packed 日历序 arithmetic) and new, compares with 预警阈值. */
  status: { marker: WORKBOOK_NAMES.warningDays },
  deadline: { markerPattern: '^(IF\\(ISNUMBER\\(\\$?[A-Z]+\\$?\\d+\\),INT\\(\\$?[A-Z]+\\$?\\d+\\),)+""\\)+$' },
  daysLeft: { marker: WORKBOOK_NAMES.calendarCount },
} as const;

/** Why the setup keeps the registry a plain range instead of an Excel table. */
export const PLAIN_RANGE_REASON =
  "登记表保持为普通区域（未转换为 Excel 表格）：转换会改写区域内每个单元格（含标题、格式），Excel 表格中不能有合并单元格，" +
  "而登记表常有合并的标题行和合并单元格；公式、数据验证和颜色已预先覆盖到数据下方的空行，并用名称引用设置与日历。";

/** Inputs of the registry part. */
export interface RegistryPlanInput {
  readonly grid: SheetGrid;
  readonly layout: RegistryLayout;
  readonly items: readonly RegistryItem[];
  /** Years the 工作日历 sheet lists. */
  readonly years: YearSpan;
  /** TODAY() in a workbook; another date expression to evaluate it as of another day. */
  readonly todayFormula?: string;
  /**
   * Continuation rows of items over several rows: no status of their own, so row formulas of
   * ours found there (from an earlier refresh) are cleared.
   */
  readonly continuationRows?: ReadonlySet<number>;
  /** Rows the reader skipped (合计, footers, notes, a repeated header): no formulas there. */
  readonly skippedRows?: ReadonlySet<number>;
  /**
   * Whether this sheet's 状态 and 科室 get the workbook names 登记表状态 / 登记表科室 the
   * 督办看板 counts by (the first ledger sheet; further ones are counted by their ranges).
   */
  readonly named?: boolean;
}

/** Result of the registry part. */
export interface RegistryPlan extends SheetSetupPart {
  /** Every column after the plan (existing and added). */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  readonly statusColumn: number;
  /** Columns of 截止日期 and 剩余工作日. */
  readonly helperColumns: { readonly deadline: number; readonly daysLeft: number };
  readonly addedColumns: readonly string[];
  /** Last row the formulas, validation and colours reach. */
  readonly lastFormattedRow: number;
  /** Last row holding an item (the header row when there is none). */
  readonly lastItemRow: number;
}

const NOT_EVIDENCE: ReadonlySet<ColumnKey> = new Set<ColumnKey>(["seq", "status"]);
const WIDTHS: Partial<Record<ColumnKey, number>> = { status: 8, source: 12, major: 9, hostUnit: 14 };

/** Last column holding anything at or below the header row. */
function lastUsedColumn(grid: SheetGrid, headerRow: number): number {
  let last = 0;
  for (let r = headerRow - 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r];
    for (let c = cells.length - 1; c >= last; c--) {
      if (!isBlank(cells[c])) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

/** Runs of consecutive column numbers. */
function spans(cols: readonly number[]): { left: number; right: number }[] {
  const sorted = [...cols].sort((a, b) => a - b);
  const out: { left: number; right: number }[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last.right + 1) last.right = c;
    else out.push({ left: c, right: c });
  }
  return out;
}

/** The columns of the registry after the plan, and the header cells of the columns it adds. */
function planColumns(grid: SheetGrid, layout: RegistryLayout) {
  const headerRow = layout.headerRow;
  const columns: Partial<Record<ColumnKey, number>> = { ...layout.columns };
  const cells: CellPlan[] = [];
  const widths: ColumnPlan[] = [];
  const added: string[] = [];
  let next = Math.max(layout.lastHeaderColumn, lastUsedColumn(grid, headerRow)) + 1;
  const styleSource = layout.columns.remarks ?? layout.lastHeaderColumn;
  const add = (header: string, width: number): number => {
    const col = next++;
    added.push(header);
    cells.push({
      row: headerRow,
      col,
      value: { t: "string", v: header },
      mode: "ifEmpty",
      styleFrom: { row: headerRow, col: styleSource },
    });
    widths.push({ col, width });
    return col;
  };
  for (const def of EXTENSION_COLUMNS) {
    if (columns[def.key] === undefined)
      columns[def.key] = add(def.header, WIDTHS[def.key] ?? (def.kind === "date" ? 14 : 12));
  }
  const headerCells = grid.rows[headerRow - 1] ?? [];
  const existing = (header: string) => {
    const i = headerCells.findIndex((c) => normalizeHeader(cellText(c)) === header);
    return i < 0 ? undefined : i + 1;
  };
  const helpers = {
    deadline: existing(HELPER_HEADERS.deadline) ?? add(HELPER_HEADERS.deadline, 14),
    daysLeft: existing(HELPER_HEADERS.daysLeft) ?? add(HELPER_HEADERS.daysLeft, 10),
  };
  return { columns, helpers, cells, widths, added };
}

/**
 * The registry part of the setup plan.
 * @example buildRegistryPlan({ grid, layout, items, years }).addedColumns // ["承办单位", …, "状态", "截止日期", "剩余工作日"]
 */
export function buildRegistryPlan(input: RegistryPlanInput): RegistryPlan {
  const { grid, layout, items } = input;
  const headerRow = layout.headerRow;
  const { columns, helpers, cells, widths, added } = planColumns(grid, layout);
  const statusColumn = columns.status!;
  const lastItemRow = items.reduce((m, item) => Math.max(m, item.row), headerRow);
  const lastFormattedRow = Math.ceil((lastItemRow + SPARE_ROWS) / ROW_BLOCK) * ROW_BLOCK;
  const firstRow = headerRow + 1;
  const evidenceCols = (Object.entries(columns) as [ColumnKey, number][])
    .filter(([key]) => !NOT_EVIDENCE.has(key))
    .map(([, col]) => col);
  const formulaColumns: RowFormulaColumns = {
    result: columns.result ?? null,
    closedOn: columns.closedOn ?? null,
    extendedTo: columns.extendedTo ?? null,
    dueOn: columns.dueOn ?? null,
    evidence: spans(evidenceCols),
    ...helpers,
  };
  // One push per cell: a spread of 150,000 cells (50,000 rows) overflows the call stack.
  for (const cell of rowFormulaCells(input, formulaColumns, evidenceCols, statusColumn, lastFormattedRow))
    cells.push(cell);
  const body = (col: number): CellRange => ({ top: firstRow, left: col, bottom: lastFormattedRow, right: col });
  const all = [...(Object.values(columns) as number[]), helpers.deadline, helpers.daysLeft];
  const official = OFFICIAL_COLUMNS.map((c) => columns[c.key]).filter((c): c is number => c !== undefined);
  const sheet: SheetPlan = {
    name: layout.sheetName,
    cells,
    merges: [],
    columns: widths,
    numberFormats: dateFormats(grid, columns, firstRow, lastFormattedRow),
    validations: [...registryValidations(columns, body), ...headerNotes(headerRow, statusColumn, helpers)],
    conditionalFormats: registryConditionalFormats({
      columns,
      firstRow,
      lastRow: lastFormattedRow,
      left: Math.min(...all),
      right: Math.max(...all),
    }),
    conditionalFormatSignatures: REGISTRY_FORMAT_SIGNATURES,
    freeze: { rows: headerRow },
    print: {
      area: { top: 1, left: Math.min(...official), bottom: lastItemRow, right: Math.max(...official) },
      titleRows: { first: 1, last: headerRow },
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
    },
  };
  const notes = registryNotes({ items, grid, sheet: layout.sheetName, columns, evidenceCols, years: input.years });
  const names: NamePlan[] =
    input.named === false
      ? []
      : [
          { name: WORKBOOK_NAMES.registryStatus, sheet: layout.sheetName, range: body(statusColumn) },
          ...(columns.section === undefined
            ? []
            : [{ name: WORKBOOK_NAMES.registrySection, sheet: layout.sheetName, range: body(columns.section) }]),
        ];
  return {
    sheet,
    notes,
    names,
    columns,
    statusColumn,
    helperColumns: helpers,
    addedColumns: added,
    lastFormattedRow,
    lastItemRow,
  };
}

/** The 状态, 截止日期 and 剩余工作日 formulas of every row from the first data row to the last formatted. */
/** The looks of the row formulas' cells, one object each for all rows. */
const CENTERED: PlanStyle = { horizontal: "center" };
const DEADLINE_LOOK: PlanStyle = { numFmt: REGISTRY_DATE_FORMAT };

function rowFormulaCells(
  input: RegistryPlanInput,
  formulaColumns: RowFormulaColumns,
  evidenceCols: readonly number[],
  statusColumn: number,
  lastFormattedRow: number,
): CellPlan[] {
  const cells: CellPlan[] = [];
  const itemRows = new Set(input.items.map((i) => i.row));
  const blockOf = new Map(
    input.items.filter((i) => i.lastRow !== undefined).map((i) => [i.row, i.lastRow! - i.row + 1]),
  );
  const today = input.todayFormula ?? "TODAY()";
  const formula = (
    row: number,
    col: number,
    f: string,
    markers: Pick<CellPlan, "marker" | "markerPattern">,
    style: CellPlan["style"],
  ) => cells.push({ row, col, value: { t: "formula", f }, mode: "formula", ...markers, style });
  const cleared = (row: number, col: number, markers: Pick<CellPlan, "marker" | "markerPattern">) =>
    cells.push({ row, col, value: EMPTY, mode: "formula", ...markers });
  for (let row = input.layout.headerRow + 1; row <= lastFormattedRow; row++) {
    const rowCells = input.grid.rows[row - 1] ?? [];
    if (input.skippedRows?.has(row)) continue;
    if (input.continuationRows?.has(row)) {
      // A continuation row has no status of its own: a formula of ours left there is cleared.
      cleared(row, statusColumn, ROW_FORMULA_MARKERS.status);
      cleared(row, formulaColumns.deadline, ROW_FORMULA_MARKERS.deadline);
      cleared(row, formulaColumns.daysLeft, ROW_FORMULA_MARKERS.daysLeft);
      continue;
    }
    // A row the engine skips although something is in it (a repeated header, 合计, white space,
    // an error value): no formulas there, they would count it as an item.
    if (!itemRows.has(row) && evidenceCols.some((c) => formulaCountsAsEvidence(rowCells[c - 1]))) continue;
    formula(
      row,
      statusColumn,
      statusFormula(formulaColumns, row, today, blockOf.get(row)),
      ROW_FORMULA_MARKERS.status,
      CENTERED,
    );
    formula(
      row,
      formulaColumns.deadline,
      deadlineFormula(formulaColumns, row),
      ROW_FORMULA_MARKERS.deadline,
      DEADLINE_LOOK,
    );
    formula(row, formulaColumns.daysLeft, daysLeftFormula(formulaColumns, row), ROW_FORMULA_MARKERS.daysLeft, CENTERED);
  }
  return cells;
}

/**
 * Date columns get the 年月日 format, but not cells holding a yyyymmdd number (the cells of
 * 截止日期 carry it in their own plan).
 */
function dateFormats(
  grid: SheetGrid,
  columns: Partial<Record<ColumnKey, number>>,
  first: number,
  last: number,
): SheetPlan["numberFormats"] {
  const dateCols = ALL_COLUMNS.filter((c) => c.kind === "date" && columns[c.key] !== undefined).map(
    (c) => columns[c.key]!,
  );
  return dateCols.flatMap((col) =>
    dateFormatRanges(grid, col, first, last).map((range) => ({ range, numFmt: REGISTRY_DATE_FORMAT })),
  );
}

/**
 * The rows of a date column that get the 年月日 format: all but those holding a yyyymmdd
 * number (20211231), which the format would show as a date thousands of years away.
 */
function dateFormatRanges(grid: SheetGrid, col: number, first: number, last: number): CellRange[] {
  const ranges: CellRange[] = [];
  let start: number | null = null;
  for (let row = first; row <= last + 1; row++) {
    const cell = grid.rows[row - 1]?.[col - 1];
    const keep = row <= last && !(cell?.t === "number" && cell.v >= 19000101);
    if (keep && start === null) start = row;
    if (!keep && start !== null) {
      ranges.push({ top: start, left: col, bottom: row - 1, right: col });
      start = null;
    }
  }
  return ranges;
}
