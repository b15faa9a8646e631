/**
 * What a clerk is told when an action fails. A use case's own failures (AppError, DocumentError
 * …, and the adapters' translated errors) carry a Chinese message written for the person who ran
 * the action: it is shown as it is. Anything else is a defect or an environment fault whose raw
 * message (English, technical, sometimes holding cell contents) means nothing to a clerk: the
 * clerk sees one Chinese line with a short reference code, and the details go to the developer
 * log under the same code.
 */

/**
 * The names of the errors whose message is written for a clerk. Names, not classes: the
 * adapters' errors (OfficeFailure, XlsxLoadError …) cannot be imported here.
 */
export const EXPLAINED_ERRORS: ReadonlySet<string> = new Set([
  "AppError",
  "DocumentError",
  "AccountabilityError",
  "ArchiveError",
  "ItemActionError",
  "SettingsEditError",
  "CalendarEditError",
  "OfficeFailure",
  "XlsxLoadError",
  "XlsxWriteError",
  "MergedCellWriteError",
  "MissingSheetError",
]);

/** A failure as the pane shows it and as the developer log records it. */
export interface ExplainedFailure {
  /** True when `message` is the use case's own. */
  readonly explained: boolean;
  /** The Chinese line for the clerk. */
  readonly message: string;
  /** For an unexplained failure: the reference code shown to the clerk and written to the log. */
  readonly code?: string;
  /** For an unexplained failure: what the developer log records (name, message, stack). */
  readonly detail?: string;
}

/**
 * The reference of an unexplained failure: `E-` and four hexadecimal digits of a hash of its
 * name and message, so the same fault has the same code on every computer.
 * @example failureCode(new TypeError("x is undefined")) // "E-" followed by four hex digits, always the same
 */
export function failureCode(error: unknown): string {
  const text = `${errorName(error)}:${errorMessage(error)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `E-${((hash >>> 0) & 0xffff).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * A failure explained for a clerk.
 * @example explainFailure(new AppError("no-number-column")).message // "登记表中没有“督办事项编号”列，无法编号"
 * @example explainFailure(new TypeError("Cannot read properties of undefined")).message
 *   // "出现了意外错误（错误代码 E-…）。请重试；如果仍然出错，请把错误代码告诉维护人员。"
 */
export function explainFailure(error: unknown): ExplainedFailure {
  const message = errorMessage(error);
  if (EXPLAINED_ERRORS.has(errorName(error)) && message !== "") return { explained: true, message };
  const code = failureCode(error);
  const stack = (error as { stack?: unknown } | null)?.stack;
  return {
    explained: false,
    message: `出现了意外错误（错误代码 ${code}）。请重试；如果仍然出错，请把错误代码告诉维护人员。`,
    code,
    detail: typeof stack === "string" && stack !== "" ? stack : `${errorName(error)}: ${message}`,
  };
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : typeof error;
}

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
}
