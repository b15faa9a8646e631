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

/**
 * The 督办看板 sheet plan.
 * @example buildDashboardPlan(input).cells.find((c) => c.row === 6 && c.col === 2)?.value
 *   // { t: "formula", f: "COUNTIF(登记表状态,\"逾期\")" }
 */
export function buildDashboardPlan(input: DashboardPlanInput): SheetPlan {
  const R = DASHBOARD_ROWS;
  const cells: CellPlan[] = [];
  const put = (row: number, col: number, value: PlanValue, style?: PlanStyle) =>
    cells.push({ row, col, value, mode: "owned", ...(style ? { style } : {}) });
  const text = (v: string): CellValue => ({ t: "string", v });
  const f = (formula: string): PlanValue => ({ t: "formula", f: formula });
  const more = input.more ?? [];
  const range = (source: DashboardSource, col: number) =>
    sheetPrefix(source.registrySheet) +
    rangeRef({ top: source.firstRow, left: col, bottom: source.lastRow, right: col }, true);
  /** COUNTIF(状态, criterion) summed over every ledger sheet. */
  const countStatus = (criterion: string) =>
    [
      `COUNTIF(${WORKBOOK_NAMES.registryStatus},${criterion})`,
      ...more.map((m) => `COUNTIF(${range(m, m.statusColumn)},${criterion})`),
    ].join("+");
  /** COUNTIFS(科室, section, 状态, status) summed over the ledger sheets with a section column. */
  const countSection = (section: string, status: string) =>
    [
      ...(input.hasSections
        ? [`COUNTIFS(${WORKBOOK_NAMES.registrySection},${section},${WORKBOOK_NAMES.registryStatus},${status})`]
        : []),
      ...more
        .filter((m) => m.sectionColumn !== null)
        .map((m) => `COUNTIFS(${range(m, m.sectionColumn!)},${section},${range(m, m.statusColumn)},${status})`),
    ].join("+");

  put(R.title, 1, text("督办看板"), { bold: true, fontSize: 16, horizontal: "center", vertical: "middle" });
  put(R.date, 1, text("统计日期"), { bold: true });
  put(R.date, 2, f(input.todayFormula), { numFmt: REGISTRY_DATE_FORMAT, horizontal: "left" });
  put(R.date, 4, text("临期预警"), { bold: true });
  put(R.date, 5, f(`${WORKBOOK_NAMES.warningDays}&"个工作日"`), { horizontal: "left" });
  put(
    R.note,
    1,
    text("本表由督办台账加载项生成，刷新时重建。数字是公式，随登记表和日期自动更新，不需要加载项；请勿在本表输入。"),
    { fontColor: "FF808080", wrap: true, vertical: "top" },
  );

  put(R.statusHeader, 1, text("状态"), HEADER);
  put(R.statusHeader, 2, text("件数"), HEADER);
  BOARD_STATUSES.forEach((status, i) => {
    const row = R.firstStatus + i;
    put(row, 1, text(status), fillOf(status));
    put(row, 2, f(countStatus(stringLiteral(status))), CELL);
  });
  const totalRow = R.firstStatus + BOARD_STATUSES.length;
  put(totalRow, 1, text("合计"), { ...LABEL, bold: true });
  put(totalRow, 2, f(`SUM(${cellRef(R.firstStatus, 2)}:${cellRef(totalRow - 1, 2)})`), { ...CELL, bold: true });

  let lastCol = 5;
  let lastRow = totalRow;
  if (input.hasSections || more.some((m) => m.sectionColumn !== null)) {
    const header = R.sectionHeader;
    put(header, 1, text("督办科室或单位"), HEADER);
    put(header, 2, text("合计"), HEADER);
    BOARD_STATUSES.forEach((status, i) =>
      put(header, 3 + i, text(status), { ...fillOf(status), horizontal: "center" }),
    );
    lastCol = 2 + BOARD_STATUSES.length;
    const first = header + 1;
    input.sections.forEach((section, i) => {
      const row = first + i;
      put(row, 1, text(section), LABEL);
      BOARD_STATUSES.forEach((_, j) => {
        const col = 3 + j;
        put(row, col, f(countSection(cellRef(row, 1, "col"), cellRef(header, col, "row"))), CELL);
      });
      put(row, 2, f(`SUM(${cellRef(row, 3)}:${cellRef(row, lastCol)})`), { ...CELL, bold: true });
    });
    const other = first + input.sections.length;
    put(other, 1, text(OTHER_SECTIONS_LABEL), LABEL);
    BOARD_STATUSES.forEach((_, j) => {
      const col = 3 + j;
      const statusCell = cellRef(header, col, "row");
      const listed = other > first ? `-SUM(${cellRef(first, col)}:${cellRef(other - 1, col)})` : "";
      put(other, col, f(`${countStatus(statusCell)}${listed}`), CELL);
    });
    put(other, 2, f(`SUM(${cellRef(other, 3)}:${cellRef(other, lastCol)})`), { ...CELL, bold: true });
    const total = other + 1;
    lastRow = total;
    put(total, 1, text("合计"), { ...LABEL, bold: true });
    for (let col = 2; col <= lastCol; col++) {
      put(total, col, f(`SUM(${cellRef(first, col)}:${cellRef(other, col)})`), { ...CELL, bold: true });
    }
  }
  return {
    name: DASHBOARD_SHEET_NAME,
    owned: { left: 1, right: Math.max(lastCol, 7), fromRow: 1 },
    cells,
    merges: [
      { top: R.title, left: 1, bottom: R.title, right: Math.max(lastCol, 7) },
      { top: R.date, left: 2, bottom: R.date, right: 3 },
      { top: R.note, left: 1, bottom: R.note, right: Math.max(lastCol, 7) },
    ],
    columns: [
      { col: 1, width: 18 },
      ...Array.from({ length: Math.max(lastCol, 7) - 1 }, (_, i) => ({ col: i + 2, width: 11 })),
    ],
    rowHeights: [
      { row: R.title, height: 30 },
      { row: R.note, height: 32 },
    ],
    numberFormats: [],
    validations: [],
    conditionalFormats: [],
    conditionalFormatSignatures: [".*"],
    print: {
      area: { top: 1, left: 1, bottom: lastRow, right: Math.max(lastCol, 7) },
      orientation: "portrait",
      paper: "A4",
      fitToWidth: true,
    },
  };
}
