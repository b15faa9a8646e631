/**
 * Use case: the semester analysis (duban analysis, the pane's 报告 view) — the figures of the
 * items issued in a period, by section and in total, over the registry and its archives, with
 * the overdue items and the units that lost 评优评先 eligibility in the period's years; and,
 * when asked, the 督办分析报告 drawn as a new sheet.
 */
import type { IsoDate } from "../domain/cell";
import type { Issue, Settings } from "../domain/model";
import { ledgerFigures } from "../domain/analysis/figures";
import { periodYears, type Period } from "../domain/analysis/period";
import { analysisSheetName, buildAnalysisReport, type AnalysisReportInput } from "../domain/analysis/report-layout";
import { ineligibleUnits } from "../domain/accountability/eligibility";
import { findSheetName, uniqueSheetName } from "../domain/sheet-name";
import type { SheetLayout } from "../domain/layout/types";
import type { DocumentPort } from "./documents";
import { followUpOf, loadLedger, type LoadedLedger } from "./ledger";
import type { WorkbookPort } from "./port";

/** What the report draws (period, figures, units without eligibility), and what else the analysis found. */
export interface AnalysisResult extends AnalysisReportInput {
  /** Problems of the 问责记录 rows (the figures may be short of them). */
  readonly issues: readonly Issue[];
  readonly settings: Settings;
  /** The ledger sheets, then the archive sheets, whose items were counted. */
  readonly sheets: readonly string[];
}

/** What an analysis is asked for: the period, counted as it stands on `today`. */
export interface AnalysisRequest {
  readonly period: Period;
  readonly today: IsoDate;
}

/**
 * The figures of a period on `today` (two port reads at most, nothing written).
 * @example await runAnalysis(port, { period: semesterPeriod(2021, "spring"), today: "2021-08-02" })
 *   // { figures: { total: { items: 12, closedOnTime: 7, … }, sections: [{ section: "办公室", … }], … }, … }
 */
export async function runAnalysis(port: WorkbookPort, request: AnalysisRequest): Promise<AnalysisResult> {
  return analysisOf(await loadLedger(port, request.today), request);
}

/**
 * The figures of a period over a ledger already read (the pane's 报告 view reads once for the
 * analysis and the accountability suggestions).
 * @example analysisOf(await loadLedger(port, today), { period, today }).figures.total.items // 12
 */
export function analysisOf(ledger: LoadedLedger, request: AnalysisRequest): AnalysisResult {
  const followUp = followUpOf(ledger, request.today);
  const figures = ledgerFigures({
    ...followUp,
    items: ledger.allItems,
    period: request.period,
    sectionOrder: ledger.settings.sections,
  });
  const { ineligible, issues } = ineligibleUnits(followUp.records, ledger.allItems);
  const years = new Set(periodYears(request.period));
  return {
    period: request.period,
    today: request.today,
    figures,
    ineligible: ineligible.filter((u) => years.has(u.year)),
    issues: [...(ledger.accountability?.log.issues ?? []), ...issues],
    settings: ledger.settings,
    sheets: [...ledger.ledgers.map((l) => l.layout.sheetName), ...ledger.archives.map((a) => a.sheet)],
  };
}

/**
 * Draws the 督办分析报告 of an analysis as a new sheet (never over an existing one: a second
 * report of the same period gets "(2)"), or in place of the sheet of that name with `replace`.
 * @example await writeAnalysisSheet(port, result) // { sheetName: "督办分析报告2021年春季学期", replaced: false, layout }
 */
export async function writeAnalysisSheet(
  port: DocumentPort,
  result: AnalysisResult,
  options: { readonly replace?: boolean } = {},
): Promise<{ sheetName: string; replaced: boolean; layout: SheetLayout }> {
  const existing = await port.sheetNames();
  const wish = analysisSheetName(result.period);
  const same = findSheetName(wish, existing);
  const replace = options.replace === true && same !== undefined;
  const sheetName = replace && same !== undefined ? same : uniqueSheetName(wish, existing);
  const layout = buildAnalysisReport(
    {
      period: result.period,
      today: result.today,
      figures: result.figures,
      ineligible: result.ineligible,
      settings: result.settings,
    },
    { sheetName },
  );
  await port.writeLayout(layout, replace ? "replace" : "add");
  return { sheetName, replaced: replace, layout };
}
