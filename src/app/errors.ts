/**
 * Failures of a use case that end it before any result: a workbook that holds no registry, a
 * registry that lacks what the use case must write to, a write the sheet's layout cannot take.
 * Codes come from a fixed list; messages are one Chinese line for the person who ran the
 * command, templates filled with the failure's parameters (the sheet, the cell …).
 */
import { fillTemplate, type IssueParams, type Placeholders } from "../domain/rules";

export const APP_ERROR_CODES = ["no-registry", "no-number-column", "no-such-ledger", "covered-cell"] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

const MESSAGES = {
  "no-registry": "工作簿中没有督办事项登记表：未找到含“督办事项编号”“督办事项内容”等列标题的工作表",
  "no-number-column": "登记表中没有“督办事项编号”列，无法编号",
  "no-such-ledger": "工作簿中没有名为“{sheet}”的台账工作表；台账工作表有：{ledgers}",
  "covered-cell":
    "不能写入工作表“{sheet}”的 {address} 单元格（第{row}行“{column}”）：它被合并单元格 {merge} 覆盖，只有 {topLeft} 能填写内容。请取消该合并单元格，或把内容填在 {topLeft}，然后重试",
} as const satisfies Readonly<Record<AppErrorCode, string>>;

/**
 * The constructor's arguments: a code and the parameters its message names (none for a message
 * without placeholders), so a missing parameter is a compile error.
 */
type AppErrorArgs = {
  [C in AppErrorCode]: [Placeholders<(typeof MESSAGES)[C]>] extends [never]
    ? [code: C]
    : [code: C, params: Readonly<Record<Placeholders<(typeof MESSAGES)[C]>, string | number>>];
}[AppErrorCode];

/**
 * A use case's refusal: a code from its own fixed list and one Chinese line saying what to do.
 * Each subclass names itself (`name`; class names do not survive minification), and
 * app/failure.ts shows the message of the names it lists to the clerk as it is.
 * @example new ArchiveError("year-future", "不能归档尚未到来的年份").name // "ArchiveError"
 */
export abstract class CodedError<C extends string> extends Error {
  abstract override readonly name: string;

  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
  }
}

/** A use case failure with a code from APP_ERROR_CODES and a Chinese message. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly params: IssueParams;

  constructor(...[code, params]: AppErrorArgs) {
    super(fillTemplate(MESSAGES[code], params ?? {}));
    this.name = "AppError";
    this.code = code;
    this.params = params ?? {};
  }
}
