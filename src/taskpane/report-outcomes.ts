/**
 * The outcomes of the 报告 view's writes: a measure recorded in 问责记录, the 督办分析报告 sheet
 * drawn. Shared by the Excel and the standalone services.
 */
import type { RecordResult } from "../app/accountability";
import type { Period } from "../domain/analysis/period";
import type { Outcome } from "./services";
import { REPORT_OUTCOMES } from "./strings";

/**
 * The outcome of recording measures: what was written where, and what was already recorded today.
 * @example recordOutcome({ sheet: "问责记录", recorded: [{ number: "〔2026〕1号", measure: "约谈", row: 2, … }], warnings: [] }).title
 *   // "已记入“问责记录”：〔2026〕1号 约谈"
 */
export function recordOutcome(result: RecordResult): Outcome {
  const written = result.recorded.filter((r) => r.row !== null);
  const lines = [
    ...result.recorded.map((r) =>
      r.row === null
        ? REPORT_OUTCOMES.alreadyRecorded(r.number, r.measure)
        : REPORT_OUTCOMES.recordedLine(r.row, r.unit, r.basis),
    ),
    ...result.warnings,
  ];
  if (written.length === 0) {
    return { tone: "info", title: REPORT_OUTCOMES.nothingRecorded, lines };
  }
  return {
    tone: result.warnings.length > 0 ? "warning" : "success",
    title: REPORT_OUTCOMES.recorded(result.sheet, REPORT_OUTCOMES.list(written.map((r) => `${r.number} ${r.measure}`))),
    lines,
    undoable: true,
  };
}

/**
 * The outcome of drawing the 督办分析报告 sheet; `warnings` are the host's (features it lacks).
 * @example analysisSheetOutcome("督办分析报告2026年秋季学期", semesterPeriod(2026, "autumn"), []).title
 *   // "已生成督办分析报告（2026年秋季学期）"
 */
export function analysisSheetOutcome(sheetName: string, period: Period, warnings: readonly string[]): Outcome {
  return {
    tone: warnings.length > 0 ? "warning" : "success",
    title: REPORT_OUTCOMES.analysisDone(period.label),
    lines: [REPORT_OUTCOMES.analysisSheet(sheetName), ...warnings],
    undoable: true,
  };
}
