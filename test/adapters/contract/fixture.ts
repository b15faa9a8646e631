/**
 * The registry the contract suite and the round-trip tests use, as raw cell values from A1
 * (what Office.js `values` holds: text, numbers, dates as serial numbers): the merged title row
 * 督办事项登记表, the header (official columns and the product's), then items with realistic
 * text lengths. Every `unnumberedEvery`-th item has no number yet.
 */
import * as ExcelJS from "exceljs";
import { EXTENSION_COLUMNS, OFFICIAL_COLUMNS } from "../../../src/domain/columns";
import { isoToSerial } from "../../../src/domain/dates";
import { XlsxWorkbook } from "../../../src/adapters/xlsx/xlsx-workbook";

export const REGISTRY = "督办事项登记表";
export const HEADERS: readonly string[] = [
  ...OFFICIAL_COLUMNS.map((c) => c.header),
  ...EXTENSION_COLUMNS.filter((c) => c.key !== "status").map((c) => c.header),
];
export const DATE_FMT = 'yyyy"年"m"月"d"日"';
/** 1-based columns of the dates. */
export const DATE_COLUMNS: readonly number[] = [
  ...OFFICIAL_COLUMNS.map((c, i) => (c.kind === "date" ? i + 1 : 0)),
  ...EXTENSION_COLUMNS.filter((c) => c.key !== "status").map((c, i) =>
    c.kind === "date" ? OFFICIAL_COLUMNS.length + i + 1 : 0,
  ),
].filter((c) => c > 0);
export const NUMBER_COL = HEADERS.indexOf("督办事项编号") + 1;
export const HEADER_ROW = 2;
export const FIRST_ITEM_ROW = 3;

const SECTIONS = ["督导室", "办公室", "秘书科", "组织科"];
const CONTENT = "落实全区中小学校园安全隐患大排查大整治工作，逐校建立问题清单并按期整改到位，第";

export interface RegistryOptions {
  readonly items: number;
  /** Every n-th item (1-based) is unnumbered; 0 = all numbered. */
  readonly unnumberedEvery?: number;
  readonly year?: number;
}

/** Raw rows from A1: title, header, items. */
export function registryRows(options: RegistryOptions): unknown[][] {
  const year = options.year ?? 2026;
  const every = options.unnumberedEvery ?? 0;
  const rows: unknown[][] = [[REGISTRY, ...HEADERS.slice(1).map(() => "")], [...HEADERS]];
  let seq = 0;
  for (let i = 1; i <= options.items; i++) {
    const numbered = every === 0 || i % every !== 0;
    if (numbered) seq += 1;
    const issued = isoToSerial(`${year}-03-02`) + (i % 200);
    const byHeader: Record<string, unknown> = {
      序号: i,
      督办事项编号: numbered ? `〔${year}〕${seq}号` : "",
      督办事项内容: `${CONTENT}${i}项`,
      来文编号: `江津府办〔${year}〕${(i % 90) + 1}号`,
      紧急程度: "一般",
      密级: "公开",
      任务下达时间: issued,
      要求完成时间: issued + 60,
      督办科室或单位: SECTIONS[i % SECTIONS.length],
      协办科室或单位: i % 3 === 0 ? "安全科、财务科" : "",
      承办单位负责人: "张明",
      签收日期: issued + 1,
      承办单位: "江津区第二中学",
      事项来源: "其他",
      重大事项: "否",
    };
    rows.push(HEADERS.map((h) => byHeader[h] ?? ""));
  }
  return rows;
}

/**
 * The same registry as an .xlsx read back the way the CLI reads a file: dates carry the
 * 年月日 format (ExcelJS hands them over as dates), the title row merged.
 */
export async function registryXlsx(
  rows: readonly (readonly unknown[])[],
  extraSheets: Record<string, readonly (readonly unknown[])[]> = {},
  merges: readonly string[] = [],
): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(REGISTRY);
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v as ExcelJS.CellValue;
      if (r + 1 > HEADER_ROW && DATE_COLUMNS.includes(c + 1) && typeof v === "number") cell.numFmt = DATE_FMT;
    }),
  );
  ws.mergeCells(1, 1, 1, rows[1]?.length ?? HEADERS.length);
  for (const range of merges) ws.mergeCells(range);
  for (const [name, sheetRows] of Object.entries(extraSheets)) {
    const extra = wb.addWorksheet(name);
    sheetRows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) extra.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }),
    );
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return XlsxWorkbook.fromBuffer(bytes, "登记表.xlsx");
}
