/** Building SheetGrids in tests from plain arrays. */
import type { CellValue, SheetGrid } from "../../src/domain/cell";
import { EXTENSION_COLUMNS, OFFICIAL_COLUMNS } from "../../src/domain/columns";

/** What a test writes for a cell: text, number, boolean, nothing, or an explicit CellValue. */
export type Cellish = string | number | boolean | null | undefined | CellValue;

/** A date cell (as adapters deliver real Excel dates). */
export const date = (iso: string): CellValue => ({ t: "date", v: iso });
/** An error cell such as #N/A. */
export const err = (v: string): CellValue => ({ t: "error", v });

export function cell(v: Cellish): CellValue {
  if (v === null || v === undefined) return { t: "empty" };
  if (typeof v === "string") return v === "" ? { t: "empty" } : { t: "string", v };
  if (typeof v === "number") return { t: "number", v };
  if (typeof v === "boolean") return { t: "bool", v };
  return v;
}

export function grid(name: string, rows: readonly (readonly Cellish[])[]): SheetGrid {
  return { name, rows: rows.map((r) => r.map(cell)) };
}

export const OFFICIAL_HEADERS: readonly string[] = OFFICIAL_COLUMNS.map((c) => c.header);
/** Official headers followed by the product's columns (状态 included). */
export const ALL_HEADERS: readonly string[] = [...OFFICIAL_HEADERS, ...EXTENSION_COLUMNS.map((c) => c.header)];

export type RowSpec = Readonly<Record<string, Cellish>>;

/**
 * A registry sheet: a title row (the merged 督办事项登记表 title: text in A, the rest empty),
 * the header row, then one row per spec (cells by header text). With the title, the header
 * is row 2 and the first item row 3.
 */
export function registrySheet(
  rows: readonly RowSpec[],
  options: { headers?: readonly string[]; title?: boolean; name?: string } = {},
): SheetGrid {
  const headers = options.headers ?? ALL_HEADERS;
  const title = options.title ?? true;
  const body = rows.map((spec) => headers.map((h) => spec[h]));
  for (const spec of rows) {
    for (const [key, value] of Object.entries(spec)) {
      if (value !== undefined && !headers.includes(key))
        throw new Error(`test row names a column the sheet lacks: ${key}`);
    }
  }
  const top: Cellish[][] = title ? [["督办事项登记表", ...headers.slice(1).map(() => null)]] : [];
  return grid(options.name ?? "督办事项登记表", [...top, [...headers], ...body]);
}

/** A complete, valid item of the official form (row spec) to vary in tests. */
export const GOOD_ROW: RowSpec = {
  序号: 1,
  督办事项编号: "〔2021〕1号",
  督办事项内容: "落实校园安全大排查",
  来文编号: "江津府办〔2021〕12号",
  紧急程度: "一般",
  密级: "公开",
  任务下达时间: date("2021-03-05"),
  要求完成时间: date("2021-04-30"),
  督办科室或单位: "督导室",
};
