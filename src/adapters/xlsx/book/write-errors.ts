/**
 * Writes the package refuses, before anything is changed: a coded error with one Chinese line
 * naming the sheet and cell. The command line exits 2 with the message.
 */

export const XLSX_WRITE_ERROR_CODES = [
  "missing-sheet",
  "merged-cell",
  "array-formula",
  "table-header",
  "cell-too-long",
  "sheet-exists",
  "bad-value",
] as const;

export type XlsxWriteErrorCode = (typeof XLSX_WRITE_ERROR_CODES)[number];

export class XlsxWriteError extends Error {
  constructor(
    readonly code: XlsxWriteErrorCode,
    message: string,
    readonly sheet: string,
    readonly address?: string,
  ) {
    super(message);
    this.name = "XlsxWriteError";
  }
}

/** A write aimed at a cell covered by a merged range (only its top-left cell holds a value). */
export class MergedCellWriteError extends XlsxWriteError {
  constructor(sheet: string, address: string) {
    super("merged-cell", `不能写入合并区域中被覆盖的单元格：${sheet}!${address}`, sheet, address);
    this.name = "MergedCellWriteError";
  }
}

/** A write aimed at a sheet the workbook does not have. */
export class MissingSheetError extends XlsxWriteError {
  constructor(sheet: string) {
    super("missing-sheet", `工作簿中没有名为“${sheet}”的工作表`, sheet);
    this.name = "MissingSheetError";
  }
}

/** A write into a cell of an array formula (Excel cannot change part of an array either). */
export function arrayFormulaError(sheet: string, address: string, range: string): XlsxWriteError {
  return new XlsxWriteError(
    "array-formula",
    `不能写入数组公式 ${sheet}!${range} 中的单元格 ${address}：请先在 Excel 中删除或改写该数组公式`,
    sheet,
    address,
  );
}

/** A write into a table's header cell (its column name must match the table's definition). */
export function tableHeaderError(sheet: string, address: string, table: string): XlsxWriteError {
  return new XlsxWriteError(
    "table-header",
    `不能改写表格“${table}”的标题单元格 ${sheet}!${address}：请在 Excel 中重命名该列`,
    sheet,
    address,
  );
}

export function cellTooLongError(sheet: string, address: string, length: number): XlsxWriteError {
  return new XlsxWriteError(
    "cell-too-long",
    `写入 ${sheet}!${address} 的文字有 ${length} 个字符，超过 Excel 单元格 32767 个字符的上限`,
    sheet,
    address,
  );
}
