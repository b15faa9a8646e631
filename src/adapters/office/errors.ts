/**
 * Failures of the Office adapter, with one Chinese line for the task pane. Office.js errors
 * carry a code (OfficeExtension.Error); the ones a person can act on get their own message.
 */

export type OfficeFailureCode = "cell-edit" | "too-large" | "conflict" | "sheet-missing" | "protected" | "other";

const MESSAGES: Readonly<Record<OfficeFailureCode, string>> = {
  "cell-edit": "有单元格正处于编辑状态，请按 Enter 或 Esc 结束编辑后重试",
  "too-large": "数据量超过 Excel 网页版单次请求 5 MB 的上限，且无法再拆分",
  conflict: "其他协作者正在修改同一区域，请稍后重试",
  "sheet-missing": "要读取或写入的工作表不存在（可能刚被他人删除或改名）",
  protected: "工作表受保护，无法写入；请先撤销工作表保护",
  other: "Excel 未能完成操作",
};

const BY_CODE: Readonly<Record<string, OfficeFailureCode>> = {
  InvalidOperationInCellEditMode: "cell-edit",
  ResponsePayloadSizeLimitExceeded: "too-large",
  RequestPayloadSizeLimitExceeded: "too-large",
  Conflict: "conflict",
  InsertDeleteConflict: "conflict",
  ItemNotFound: "sheet-missing",
  AccessDenied: "protected",
};

/** An Office.js failure translated for people; `cause` keeps the original error. */
export class OfficeFailure extends Error {
  constructor(
    readonly code: OfficeFailureCode,
    readonly officeCode: string,
    override readonly cause?: unknown,
  ) {
    super(code === "other" && officeCode ? `${MESSAGES.other}（${officeCode}）` : MESSAGES[code]);
    this.name = "OfficeFailure";
  }
}

/**
 * The Office.js code of a failure: an OfficeFailure's, or the `code` of an error context.sync() threw.
 * @example officeCodeOf(new OfficeFailure("too-large", "RequestPayloadSizeLimitExceeded")) // "RequestPayloadSizeLimitExceeded"
 */
export function officeCodeOf(error: unknown): string | undefined {
  if (error instanceof OfficeFailure) return error.officeCode;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * The OfficeFailure for an error thrown by context.sync() (other errors pass through).
 * @example toOfficeFailure({ code: "InvalidOperationInCellEditMode" }).message // "有单元格正处于编辑状态，…"
 */
export function toOfficeFailure(error: unknown): unknown {
  if (error instanceof OfficeFailure) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return error;
  return new OfficeFailure(BY_CODE[code] ?? "other", code, error);
}
