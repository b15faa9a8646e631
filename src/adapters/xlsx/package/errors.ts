/**
 * A package the reader refuses: a code from the load-error list and a detail for the message.
 * XlsxWorkbook turns it into an XlsxLoadError naming the file.
 */
import type { XlsxLoadErrorCode } from "../load-errors";

export class PackageError extends Error {
  constructor(
    readonly code: XlsxLoadErrorCode,
    readonly detail: string = "",
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "PackageError";
  }
}
