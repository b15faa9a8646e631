/**
 * Failures of a use case that end it before any result: a workbook that holds no registry,
 * or a registry that lacks what the use case must write to. Codes come from a fixed list;
 * messages are one Chinese line for the person who ran the command.
 */

export type AppErrorCode = "no-registry" | "no-number-column";

export const APP_ERROR_CODES: readonly AppErrorCode[] = ["no-registry", "no-number-column"];

const MESSAGES: Readonly<Record<AppErrorCode, string>> = {
  "no-registry": "工作簿中没有督办事项登记表：未找到含“督办事项编号”“督办事项内容”等列标题的工作表",
  "no-number-column": "登记表中没有“督办事项编号”列，无法编号",
};

/** A use case failure with a code from APP_ERROR_CODES and a Chinese message. */
export class AppError extends Error {
  constructor(readonly code: AppErrorCode) {
    super(MESSAGES[code]);
    this.name = "AppError";
  }
}
