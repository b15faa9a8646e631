/**
 * The SetupTarget of the xlsx adapter: a workbook package applies setup plans itself
 * (book/setup/apply.ts), writing only the difference.
 */
import type { SetupTarget } from "../../app/setup-port";
import type { XlsxBook } from "./book/book";

/**
 * A SetupTarget over an opened workbook.
 * @example await runRefresh(book, xlsxSetupTarget(book), "2026-11-26")
 */
export function xlsxSetupTarget(book: XlsxBook): SetupTarget {
  return { applySetupPlan: (plan) => book.applySetupPlan(plan) };
}
