/**
 * The registry sheet part of the setup plan: the missing extension columns to the right of the
 * existing ones, the live 状态 formula, validation lists and date checks, the 年月日 date
 * format, row colours by status and duplicate-number marks, a frozen header, and the print
 * setup of the official form (its 14 columns, A4 landscape, header rows repeated).
 *
 * The data stays a plain range, not an Excel table: see PLAIN_RANGE_REASON.
 */
import { EMPTY, isBlank, type IsoDate, type SheetGrid } from "./cell";
import {
  ALL_COLUMNS,
  EXTENSION_COLUMNS,
  MAJOR_VALUES,
  OFFICIAL_COLUMNS,
  RESULT_VALUES,
  SECRECY_VALUES,
  URGENCY_VALUES,
  type ColumnKey,
} from "./columns";
import { cellRef, type CellRange } from "./a1-ref";
import type { RegistryItem, RegistryLayout } from "./model";
import { HEADER_OF } from "./header-names";
import { agreementNotes } from "./registry-plan-notes";
import { statusFormula, type StatusFormulaColumns, type YearSpan } from "./status-formula";
import type {
  CellPlan,
  ColumnPlan,
  ConditionalFormatPlan,
  PlanNote,
  SheetPlan,
  ValidationPlan,
} from "./setup-plan-types";
import { WORKBOOK_NAMES } from "./workbook-names";

/** Rows below the last item that get the formula, validation and colours, before rounding up. */
export const SPARE_ROWS = 300;
/** The formatted block ends on a multiple of this, so adding a few items does not move it. */
export const ROW_BLOCK = 100;
/** The number format of every date column. */
export const REGISTRY_DATE_FORMAT = 'yyyy"年"m"月"d"日"';
/** Text that every 状态 formula of ours contains (to recognise it on the next refresh). */
export const STATUS_FORMULA_MARKER = WORKBOOK_NAMES.calendarOrder;

/** Why the setup keeps the registry a plain range instead of an Excel table. */
export const PLAIN_RANGE_REASON =
  "登记表保持为普通区域（未转换为 Excel 表格）：转换会改写区域内每个单元格（含标题、格式），Excel 表格中不能有合并单元格，" +
  "而登记表常有合并的标题行和合并单元格；公式、数据验证和颜色已预先覆盖到数据下方的空行，并用名称引用设置与日历。";

/** Fill and font colours of the traffic lights. */
export const STATUS_COLOURS = {
  逾期: { fill: "FFFFC7CE", font: "FF9C0006" },
  临期: { fill: "FFFFEB9C", font: "FF9C5700" },
  已办结: { fill: "FFC6EFCE", font: "FF006100" },
  已终止: { fill: "FFD9D9D9", font: "FF595959" },
} as const;

/** Conditional-format formulas this setup writes on the registry (to replace them, and only them). */
export const REGISTRY_FORMAT_SIGNATURES: readonly string[] = [
  '^\\$[A-Z]+[0-9]+="(逾期|临期|已办结|已终止)"$',
  '^AND\\(TRIM\\(\\$[A-Z]+[0-9]+\\)<>"",COUNTIF\\(',
];

/** Inputs of the registry part. */
export interface RegistryPlanInput {
  readonly grid: SheetGrid;
  readonly layout: RegistryLayout;
  readonly items: readonly RegistryItem[];
  /** Years the 工作日历 sheet lists. */
  readonly years: YearSpan;
  /**
   * Continuation rows of items over several rows: no status of their own, so a 状态 formula of
   * ours found there (from an earlier refresh) is cleared.
   */
  readonly continuationRows?: ReadonlySet<number>;
  /** Rows the reader skipped (合计, footers, notes, a repeated header): no formula of ours there. */
  readonly skippedRows?: ReadonlySet<number>;
}

/** Result of the registry part. */
export interface RegistryPlan {
  readonly sheet: SheetPlan;
  readonly notes: readonly PlanNote[];
  /** Every column after the plan (existing and added). */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  readonly statusColumn: number;
  readonly addedColumns: readonly string[];
  /** Last row the formulas, validation and colours reach. */
  readonly lastFormattedRow: number;
  /** Last row holding an item (the header row when there is none). */
  readonly lastItemRow: number;
}

const NOT_EVIDENCE: ReadonlySet<ColumnKey> = new Set<ColumnKey>(["seq", "status"]);
const DATE_KEYS: readonly ColumnKey[] = ALL_COLUMNS.filter((c) => c.kind === "date").map((c) => c.key);
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

function listRule(values: readonly string[]): string {
  return `"${values.join(",")}"`;
}

/**
 * The registry part of the setup plan.
 * @example buildRegistryPlan({ grid, layout, items, years }).addedColumns // ["承办单位", …, "状态"]
 */
export function buildRegistryPlan(input: RegistryPlanInput): RegistryPlan {
  const { grid, layout, items } = input;
  const headerRow = layout.headerRow;
  const columns: Partial<Record<ColumnKey, number>> = { ...layout.columns };
  const cells: CellPlan[] = [];
  const widths: ColumnPlan[] = [];
  const added: string[] = [];
  let next = Math.max(layout.lastHeaderColumn, lastUsedColumn(grid, headerRow)) + 1;
  const styleSource = layout.columns.remarks ?? layout.lastHeaderColumn;
  for (const def of EXTENSION_COLUMNS) {
    if (columns[def.key] !== undefined) continue;
    columns[def.key] = next;
    added.push(def.header);
    cells.push({
      row: headerRow,
      col: next,
      value: { t: "string", v: def.header },
      mode: "ifEmpty",
      styleFrom: { row: headerRow, col: styleSource },
    });
    widths.push({ col: next, width: WIDTHS[def.key] ?? (def.kind === "date" ? 14 : 12) });
    next += 1;
  }
  const statusColumn = columns.status!;
  const lastItemRow = items.reduce((m, item) => Math.max(m, item.row), headerRow);
  const lastFormattedRow = Math.ceil((lastItemRow + SPARE_ROWS) / ROW_BLOCK) * ROW_BLOCK;
  const firstRow = headerRow + 1;
  const itemRows = new Set(items.map((i) => i.row));
  const blockOf = new Map(items.filter((i) => i.lastRow !== undefined).map((i) => [i.row, i.lastRow! - i.row + 1]));
  const evidenceCols = (Object.entries(columns) as [ColumnKey, number][])
    .filter(([key]) => !NOT_EVIDENCE.has(key))
    .map(([, col]) => col);
  const formulaColumns: StatusFormulaColumns = {
    result: columns.result ?? null,
    closedOn: columns.closedOn ?? null,
    extendedTo: columns.extendedTo ?? null,
    dueOn: columns.dueOn ?? null,
    evidence: spans(evidenceCols),
  };
  const notes: PlanNote[] = [];
  for (let row = firstRow; row <= lastFormattedRow; row++) {
    const rowCells = grid.rows[row - 1] ?? [];
    if (input.skippedRows?.has(row)) continue;
    if (input.continuationRows?.has(row)) {
      cells.push({ row, col: statusColumn, value: EMPTY, mode: "formula", marker: STATUS_FORMULA_MARKER });
      continue;
    }
    // A row the engine skips although it has content (合计, a footer, a repeated header): no status there.
    if (!itemRows.has(row) && evidenceCols.some((c) => !isBlank(rowCells[c - 1]) && rowCells[c - 1]?.t !== "error")) {
      continue;
    }
    cells.push({
      row,
      col: statusColumn,
      value: { t: "formula", f: statusFormula(formulaColumns, row, blockOf.get(row) ?? 1) },
      mode: "formula",
      marker: STATUS_FORMULA_MARKER,
      style: { horizontal: "center" },
    });
  }
  for (const item of items) notes.push(...agreementNotes(item, grid, columns, evidenceCols, input));

  const all = Object.values(columns) as number[];
  const left = Math.min(...all);
  const right = Math.max(...all);
  const body = (col: number): CellRange => ({ top: firstRow, left: col, bottom: lastFormattedRow, right: col });
  const validations = registryValidations(columns, body, input.years);
  const numberFormats = DATE_KEYS.filter((k) => columns[k] !== undefined).flatMap((k) =>
    dateFormatRanges(grid, columns[k]!, firstRow, lastFormattedRow).map((range) => ({
      range,
      numFmt: REGISTRY_DATE_FORMAT,
    })),
  );
  const statusRef = (status: keyof typeof STATUS_COLOURS) => ({
    formula: `${cellRef(firstRow, statusColumn, "col")}="${status}"`,
    fill: STATUS_COLOURS[status].fill,
    fontColor: STATUS_COLOURS[status].font,
  });
  const conditionalFormats: ConditionalFormatPlan[] = [];
  if (columns.number !== undefined) {
    const n = columns.number;
    const first = cellRef(firstRow, n, "col");
    conditionalFormats.push({
      range: body(n),
      rules: [
        {
          formula: `AND(TRIM(${first})<>"",COUNTIF(${cellRef(firstRow, n, "both")}:${cellRef(lastFormattedRow, n, "both")},${first})>1)`,
          fill: "FFFF0000",
          fontColor: "FFFFFFFF",
          bold: true,
        },
      ],
    });
  }
  conditionalFormats.push({
    range: { top: firstRow, left, bottom: lastFormattedRow, right },
    rules: [statusRef("已终止"), statusRef("已办结"), statusRef("逾期"), statusRef("临期")],
  });
  const official = OFFICIAL_COLUMNS.map((c) => columns[c.key]).filter((c): c is number => c !== undefined);
  const sheet: SheetPlan = {
    name: layout.sheetName,
    cells,
    merges: [],
    columns: widths,
    numberFormats,
    validations,
    conditionalFormats,
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
  return { sheet, notes, columns, statusColumn, addedColumns: added, lastFormattedRow, lastItemRow };
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

function registryValidations(
  columns: Partial<Record<ColumnKey, number>>,
  body: (col: number) => CellRange,
  years: YearSpan,
): ValidationPlan[] {
  const out: ValidationPlan[] = [];
  const add = (
    key: ColumnKey,
    rule: ValidationPlan["rule"],
    errorStyle: ValidationPlan["errorStyle"],
    error: string,
  ) => {
    const col = columns[key];
    if (col !== undefined) out.push({ range: body(col), rule, errorStyle, errorTitle: HEADER_OF[key], error });
  };
  const list = (source: string) => ({ kind: "list" as const, source });
  add("urgency", list(listRule(URGENCY_VALUES)), "stop", "请选择：特急、加急或一般（留空视为一般）");
  add("secrecy", list(listRule(SECRECY_VALUES)), "stop", "请选择：公开、内部、秘密、机密或绝密（留空视为公开）");
  add(
    "section",
    list(WORKBOOK_NAMES.sections),
    "warning",
    "不在“设置”表的科室/单位列表中；如是新科室，请先在“设置”表补充",
  );
  add("assisting", list(WORKBOOK_NAMES.sections), "information", "可填写多个科室或单位，用“、”分隔");
  add("hostUnit", list(WORKBOOK_NAMES.sections), "information", "不在“设置”表的科室/单位列表中，已按填写内容保存");
  add("source", list(WORKBOOK_NAMES.sources), "warning", "不在“设置”表的事项来源中；请从列表选择");
  add("major", list(listRule(MAJOR_VALUES)), "stop", "请选择“是”或“否”");
  add("result", list(listRule(RESULT_VALUES)), "information", "可从列表选择，也可填写其他结果");
  add("signer", list(WORKBOOK_NAMES.leaders), "warning", "不在“设置”表的领导名单中");
  add("extensionApprover", list(WORKBOOK_NAMES.leaders), "warning", "不在“设置”表的领导名单中（延期须经主要领导批准）");
  const min: IsoDate = `${years.first}-01-01`;
  const max: IsoDate = `${years.last}-12-31`;
  for (const key of DATE_KEYS) {
    add(
      key,
      { kind: "date", min, max },
      "warning",
      `请输入日期，如 ${years.first}-03-05；工作日历只覆盖 ${years.first}—${years.last} 年，超出的日期状态可能不准`,
    );
  }
  return out;
}
