/**
 * Use case: the pane's 报告 view — the analysis of a period (as `duban analysis`) and the
 * accountability suggestions of today (as `duban accountability`) from one read of the ledger.
 * Nothing is written; recording a measure and drawing the 督办分析报告 are their own
 * operations (recordMeasures, writeAnalysisSheet).
 */
import { accountabilityOf, type AccountabilityResult } from "./accountability";
import { analysisOf, type AnalysisRequest, type AnalysisResult } from "./analysis";
import { loadLedger } from "./ledger";
import type { WorkbookPort } from "./port";

export interface LedgerReview {
  readonly analysis: AnalysisResult;
  readonly accountability: AccountabilityResult;
}

/**
 * The figures of `period` and what the policy calls for on `today` (two port reads at most).
 * @example await reviewLedger(port, { period: semesterPeriod(2026, "autumn"), today: "2026-12-02" })
 *   // { analysis: { figures: { total: { items: 4, … } … } }, accountability: { suggestions: [{ measure: "约谈", … }] } }
 */
export async function reviewLedger(port: WorkbookPort, request: AnalysisRequest): Promise<LedgerReview> {
  const ledger = await loadLedger(port, request.today);
  return { analysis: analysisOf(ledger, request), accountability: accountabilityOf(ledger, request.today) };
}
