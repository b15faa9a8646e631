/**
 * The 督办看板 sheet: counts of items by status and by supervising section, all as formulas
 * over the registry's 状态 column — by its names 登记表状态 and 登记表科室, so a formula reads
 * COUNTIFS(登记表科室,$A14,登记表状态,C$13) — and a leader opening the workbook without the
 * add-in sees today's totals. With one ledger sheet per year, the counts are sums over the
 * sheets: the first by its names, each further one by its ranges. The sheet is generated; a
 * refresh rebuilds it.
 */
import type { CellValue } from "./cell";
import { cellRef, rangeRef, sheetPrefix, stringLiteral } from "./a1-ref";
import type { Status } from "./model";
import type { CellPlan, PlanStyle, PlanValue, SheetPlan } from "./setup-plan-types";
import { STATUS_COLOURS, REGISTRY_DATE_FORMAT } from "./registry-plan";
import { WORKBOOK_NAMES } from "./workbook-names";

export const DASHBOARD_SHEET_NAME = "督办看板";

/** Statuses in the order the board lists them. */
export const BOARD_STATUSES: readonly Status[] = ["逾期", "临期", "办理中", "已办结", "已终止"];

/** Rows of the board's fixed parts. */
export const DASHBOARD_ROWS = {
  title: 1,
  date: 2,
  note: 3,
  statusHeader: 5,
  firstStatus: 6,
  sectionHeader: 13,
} as const;

/** Label of the row collecting items whose section is blank or not listed. */
export const OTHER_SECTIONS_LABEL = "其他或未填写";

/** A further ledger sheet the board counts (one per year), by the ranges of its columns. */
export interface DashboardSource {
  readonly registrySheet: string;
  readonly statusColumn: number;
  /** Column of 督办科室或单位; null when the sheet has none. */
  readonly sectionColumn: number | null;
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface DashboardPlanInput {
  /** True when the registry has a 督办科室或单位 column (named 登记表科室). */
  readonly hasSections: boolean;
  /** Section names, in the order they are listed. */
  readonly sections: readonly string[];
  readonly todayFormula: string;
  /** Further ledger sheets counted with the named one (several ledgers: one per year). */
  readonly more?: readonly DashboardSource[];
}

const HEADER: PlanStyle = { bold: true, fill: "FFD9E1F2", border: true, horizontal: "center" };
const CELL: PlanStyle = { border: true, horizontal: "center" };
const LABEL: PlanStyle = { border: true };

function fillOf(status: Status): PlanStyle {
  const colours = (STATUS_COLOURS as Readonly<Record<string, { fill: string; font: string }>>)[status];
  return colours ? { ...LABEL, fill: colours.fill, fontColor: colours.font, bold: true } : { ...LABEL, bold: true };
}

const text = (v: string): CellValue => ({ t: "string", v });
const f = (formula: string): PlanValue => ({ t: "formula", f: formula });

/** The board's cells, and the counting formulas over every ledger sheet of the input. */
class BoardBuilder {
  readonly cells: CellPlan[] = [];
  private readonly more: readonly DashboardSource[];

  constructor(private readonly input: DashboardPlanInput) {
    this.more = input.more ?? [];
  }

  put(row: number, col: number, value: PlanValue, style?: PlanStyle): void {
    this.cells.push({ row, col, value, mode: "owned", ...(style ? { style } : {}) });
  }

  /** True when some ledger sheet has a 督办科室 column (then the board counts by section). */
  get hasSections(): boolean {
    return this.input.hasSections || this.more.some((m) => m.sectionColumn !== null);
  }

  /** COUNTIF(状态, criterion) summed over every ledger sheet. */
  countStatus(criterion: string): string {
    return [
      `COUNTIF(${WORKBOOK_NAMES.registryStatus},${criterion})`,
      ...this.more.map((m) => `COUNTIF(${sourceRange(m, m.statusColumn)},${criterion})`),
    ].join("+");
  }

  /** COUNTIFS(科室, section, 状态, status) summed over the ledger sheets with a section column. */
  countSection(section: string, status: string): string {
    const named = `COUNTIFS(${WORKBOOK_NAMES.registrySection},${section},${WORKBOOK_NAMES.registryStatus},${status})`;
    return [
      ...(this.input.hasSections ? [named] : []),
      ...this.more
        .filter((m) => m.sectionColumn !== null)
        .map(
          (m) => `COUNTIFS(${sourceRange(m, m.sectionColumn!)},${section},${sourceRange(m, m.statusColumn)},${status})`,
        ),
    ].join("+");
  }
}

/** A column of a further ledger sheet, as an absolute range. */
function sourceRange(source: DashboardSource, col: number): string {
  return (
    sheetPrefix(source.registrySheet) +
    rangeRef({ top: source.firstRow, left: col, bottom: source.lastRow, right: col }, true)
  );
}

/**
 * The 督办看板 sheet plan.
 * @example buildDashboardPlan(input).cells.find((c) => c.row === 6 && c.col === 2)?.value
 *   // { t: "formula", f: "COUNTIF(登记表状态,\"逾期\")" }
 */
export function buildDashboardPlan(input: DashboardPlanInput): SheetPlan {
  const b = new BoardBuilder(input);
  headRows(b, input.todayFormula);
  const totalRow = statusTable(b);
  const { lastCol, lastRow } = b.hasSections ? sectionTable(b, input.sections) : { lastCol: 5, lastRow: totalRow };
  return boardSheet(b.cells, Math.max(lastCol, 7), lastRow);
}

/** Title, the date and threshold line, and the note that the board is generated. */
function headRows(b: BoardBuilder, todayFormula: string): void {
  const R = DASHBOARD_ROWS;
  b.put(R.title, 1, text("督办看板"), { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" });
  b.put(R.date, 1, text("统计日期"), { bold: true });
  b.put(R.date, 2, f(todayFormula), { numFmt: REGISTRY_DATE_FORMAT, horizontal: "left" });
  b.put(R.date, 4, text("临期预警"), { bold: true });
  b.put(R.date, 5, f(`${WORKBOOK_NAMES.warningDays}&"个工作日"`), { horizontal: "left" });
  b.put(
    R.note,
    1,
    text("本表由督办台账加载项生成，刷新时重建。数字是公式，随登记表和日期自动更新，不需要加载项；请勿在本表输入。"),
    { fontColor: "FF808080", wrap: true, vertical: "top" },
  );
}

/** Items by status, with their total; returns the total's row. */
function statusTable(b: BoardBuilder): number {
  const R = DASHBOARD_ROWS;
  b.put(R.statusHeader, 1, text("状态"), HEADER);
  b.put(R.statusHeader, 2, text("件数"), HEADER);
  BOARD_STATUSES.forEach((status, i) => {
    const row = R.firstStatus + i;
    b.put(row, 1, text(status), fillOf(status));
    b.put(row, 2, f(b.countStatus(stringLiteral(status))), CELL);
  });
  const totalRow = R.firstStatus + BOARD_STATUSES.length;
  b.put(totalRow, 1, text("合计"), { ...LABEL, bold: true });
  b.put(totalRow, 2, f(`SUM(${cellRef(R.firstStatus, 2)}:${cellRef(totalRow - 1, 2)})`), { ...CELL, bold: true });
  return totalRow;
}

/**
 * Items by section and status: one row per listed section, a row for the others (all items
 * minus the listed ones) and the totals; returns the table's last column and row.
 */
function sectionTable(b: BoardBuilder, sections: readonly string[]): { lastCol: number; lastRow: number } {
  const header = DASHBOARD_ROWS.sectionHeader;
  b.put(header, 1, text("督办科室或单位"), HEADER);
  b.put(header, 2, text("合计"), HEADER);
  BOARD_STATUSES.forEach((status, i) =>
    b.put(header, 3 + i, text(status), { ...fillOf(status), horizontal: "center" }),
  );
  const lastCol = 2 + BOARD_STATUSES.length;
  const rowSum = (row: number) => f(`SUM(${cellRef(row, 3)}:${cellRef(row, lastCol)})`);
  const first = header + 1;
  sections.forEach((section, i) => {
    const row = first + i;
    b.put(row, 1, text(section), LABEL);
    BOARD_STATUSES.forEach((_, j) => {
      const col = 3 + j;
      b.put(row, col, f(b.countSection(cellRef(row, 1, "col"), cellRef(header, col, "row"))), CELL);
    });
    b.put(row, 2, rowSum(row), { ...CELL, bold: true });
  });
  const other = first + sections.length;
  b.put(other, 1, text(OTHER_SECTIONS_LABEL), LABEL);
  BOARD_STATUSES.forEach((_, j) => {
    const col = 3 + j;
    const statusCell = cellRef(header, col, "row");
    const listed = other > first ? `-SUM(${cellRef(first, col)}:${cellRef(other - 1, col)})` : "";
    b.put(other, col, f(`${b.countStatus(statusCell)}${listed}`), CELL);
  });
  b.put(other, 2, rowSum(other), { ...CELL, bold: true });
  const total = other + 1;
  b.put(total, 1, text("合计"), { ...LABEL, bold: true });
  for (let col = 2; col <= lastCol; col++) {
    b.put(total, col, f(`SUM(${cellRef(first, col)}:${cellRef(other, col)})`), { ...CELL, bold: true });
  }
  return { lastCol, lastRow: total };
}

/** The sheet around the cells: merges, widths, heights and print settings up to `right` and `lastRow`. */
function boardSheet(cells: readonly CellPlan[], right: number, lastRow: number): SheetPlan {
  const R = DASHBOARD_ROWS;
  return {
    name: DASHBOARD_SHEET_NAME,
    owned: { left: 1, right, fromRow: 1 },
    cells,
    merges: [
      { top: R.title, left: 1, bottom: R.title, right },
      { top: R.date, left: 2, bottom: R.date, right: 3 },
      { top: R.note, left: 1, bottom: R.note, right },
    ],
    columns: [{ col: 1, width: 18 }, ...Array.from({ length: right - 1 }, (_, i) => ({ col: i + 2, width: 11 }))],
    rowHeights: [
      { row: R.title, height: 30 },
      { row: R.note, height: 32 },
    ],
    numberFormats: [],
    validations: [],
    conditionalFormats: [],
    conditionalFormatSignatures: [".*"],
    print: {
      area: { top: 1, left: 1, bottom: lastRow, right },
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
    },
  };
}
