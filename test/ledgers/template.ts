/**
 * Ledger sheets built the way district offices make them in WPS or Excel: a merged title, a
 * subtitle line (填报单位 … 填报日期), a header band of one to three rows where a group cell spans
 * its sub-headers and headers without sub-headers are merged down the band, thin borders,
 * 仿宋 body text, items over several rows with 编号/内容 merged down. Each case's build.ts
 * uses these helpers; nothing here is an opaque binary.
 */
import * as ExcelJS from "exceljs";

/** A column of the header band: a header merged down the band, or a group over its sub-headers. */
export type HeaderColumn = string | { readonly group: string; readonly subs: readonly string[] };

export interface LedgerOptions {
  readonly name: string;
  readonly title?: string;
  /** 填报单位 … 填报日期 under the title (default true). */
  readonly subtitle?: boolean;
  readonly columns: readonly HeaderColumn[];
}

/** What a case needs to fill a ledger sheet. */
export interface Ledger {
  readonly ws: ExcelJS.Worksheet;
  /** First row below the header band. */
  readonly firstRow: number;
  /** Column number of a header (a sub-header or a header merged down the band). */
  col(header: string): number;
  /** Writes one item over `rows.length` rows: `shared` once (merged down when rows > 1), `rows[i]` per row. */
  item(row: number, shared: Cells, perRow?: readonly Cells[]): number;
  /** Writes a row that is not an item (合计, 制表人 …), `merge` spanning columns from the first. */
  line(row: number, cells: Cells, mergeAcross?: number): void;
}

/** Cell values by header; Date values get the 年月日 format. */
export type Cells = Readonly<Record<string, ExcelJS.CellValue>>;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** An ISO day as the Date ExcelJS writes as that day. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * Adds a ledger sheet with its title, subtitle and header band; returns helpers to fill it.
 * @example const l = ledgerSheet(wb, { name: "督办台账", columns: ["序号", { group: "时间", subs: ["任务下达时间", "要求完成时间"] }] })
 */
export function ledgerSheet(wb: ExcelJS.Workbook, options: LedgerOptions): Ledger {
  const ws = wb.addWorksheet(options.name);
  const depth = options.columns.some((c) => typeof c !== "string") ? 2 : 1;
  const width = options.columns.reduce((n, c) => n + (typeof c === "string" ? 1 : c.subs.length), 0);
  let row = 1;
  if (options.title !== undefined) {
    ws.getCell(row, 1).value = options.title;
    ws.getCell(row, 1).font = { name: "方正小标宋简体", size: 18 };
    ws.getCell(row, 1).alignment = { horizontal: "center", vertical: "middle" };
    ws.mergeCells(row, 1, row, width);
    ws.getRow(row).height = 36;
    row += 1;
  }
  if (options.subtitle ?? true) {
    ws.getCell(row, 1).value = "填报单位（盖章）：区教委办公室";
    ws.mergeCells(row, 1, row, 4);
    ws.getCell(row, width - 2).value = "填报日期：2026年12月1日";
    ws.mergeCells(row, width - 2, row, width);
    row += 1;
  }
  const top = row;
  const cols = new Map<string, number>();
  let c = 1;
  for (const column of options.columns) {
    if (typeof column === "string") {
      ws.getCell(top, c).value = column;
      if (depth > 1) ws.mergeCells(top, c, top + depth - 1, c);
      cols.set(column.replace(/\s+/g, ""), c);
      c += 1;
      continue;
    }
    ws.getCell(top, c).value = column.group;
    ws.mergeCells(top, c, top, c + column.subs.length - 1);
    column.subs.forEach((sub, i) => {
      ws.getCell(top + 1, c + i).value = sub;
      cols.set(sub.replace(/\s+/g, ""), c + i);
    });
    c += column.subs.length;
  }
  for (let r = top; r < top + depth; r++) {
    for (let k = 1; k <= width; k++) {
      const cell = ws.getCell(r, k);
      cell.border = BORDER;
      cell.font = { name: "黑体", size: 11, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
  }
  for (let k = 1; k <= width; k++) ws.getColumn(k).width = 12;
  const firstRow = top + depth;
  const col = (header: string) => {
    const n = cols.get(header.replace(/\s+/g, ""));
    if (n === undefined) throw new Error(`the case names a column its sheet lacks: ${header}`);
    return n;
  };
  const put = (r: number, cells: Cells) => {
    for (const [header, value] of Object.entries(cells)) {
      if (value === undefined) continue;
      const cell = ws.getCell(r, col(header));
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
    }
  };
  const body = (r: number) => {
    for (let k = 1; k <= width; k++) {
      const cell = ws.getCell(r, k);
      cell.border = BORDER;
      cell.font = { name: "仿宋_GB2312", size: 11 };
      cell.alignment = { vertical: "middle", wrapText: true };
    }
  };
  return {
    ws,
    firstRow,
    col,
    item(r, shared, perRow = []) {
      const rows = Math.max(1, perRow.length);
      for (let i = 0; i < rows; i++) body(r + i);
      put(r, shared);
      perRow.forEach((cells, i) => put(r + i, cells));
      if (rows > 1) for (const header of Object.keys(shared)) ws.mergeCells(r, col(header), r + rows - 1, col(header));
      return r + rows;
    },
    line(r, cells, mergeAcross) {
      put(r, cells);
      if (mergeAcross !== undefined) {
        const first = Math.min(...Object.keys(cells).map(col));
        ws.mergeCells(r, first, r, first + mergeAcross - 1);
      }
    },
  };
}

/** The 14 official columns as one header row (the form of attachment 3, some headers broken over lines). */
export const OFFICIAL_ROW: readonly HeaderColumn[] = [
  "序号",
  "督办事项编号",
  "督办事项内容",
  "来文\n编号",
  "紧急\n程度",
  "密级",
  "任务下\n达时间",
  "要求完\n成时间",
  "督办科室或单位",
  "协办科室或单位",
  "承办单位\n负责人",
  "签收\n日期",
  "督办结果",
  "备\n注",
];
