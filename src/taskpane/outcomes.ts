/**
 * Use case results as the pane shows them: a tone, a Chinese title and detail lines. Shared by
 * the Excel and the standalone services, so both say the same thing about the same result.
 */
import type { DocumentResult } from "../app/documents";
import { explainFailure } from "../app/failure";
import type { ItemActionResult } from "../app/item-actions";
import type { RefreshResult } from "../app/refresh";
import { renderSetupText } from "../app/refresh-report";
import type { SettingsSaveResult } from "../app/settings-edit";
import type { CalendarEditResult } from "../app/calendar-edit";
import type { UndoResult } from "../app/undo";
import type { Issue } from "../domain/model";
import type { DocumentKindChoice, Outcome } from "./services";
import { OUTCOMES, STRINGS } from "./strings";

/** How many detail lines the pane lists before saying how many more there are. */
export const MAX_LINES = 50;

/**
 * Cut a long list of lines for the pane, saying how many were left out.
 * @example limitLines(["a", "b", "c"], 2) // ["a", "b", "……另有 1 条"]
 */
export function limitLines(lines: readonly string[], max = MAX_LINES): string[] {
  return lines.length <= max ? [...lines] : [...lines.slice(0, max), OUTCOMES.more(lines.length - max)];
}

/** One issue as a line of the pane. */
export function issueLine(issue: Issue): string {
  return OUTCOMES.issueLine(
    issue.row,
    issue.column,
    issue.severity === "error" ? STRINGS.error : STRINGS.warning,
    issue.message,
  );
}

/**
 * Any failure as an outcome: the use case's or adapter's own Chinese message when it explains
 * itself; otherwise one Chinese line with a reference code (app/failure), never the raw
 * message, whose details go to the console under that code for developers.
 * @example failure("编号未完成", new AppError("no-number-column")).lines // ["登记表中没有“督办事项编号”列，无法编号"]
 */
export function failure(title: string, error: unknown): Outcome {
  const explained = explainFailure(error);
  if (!explained.explained) console.error(`duban ${explained.code} (${title})`, explained.detail, error);
  return { tone: "error", title, lines: [explained.message] };
}

/**
 * Runs an action, turning any failure into an error outcome with its title (see `failure`).
 * @example await attempt(OUTCOMES.failed.check, () => runAndDescribe()) // the action's outcome, or the failure's
 */
export async function attempt(title: string, action: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await action();
  } catch (error) {
    return failure(title, error);
  }
}

/** The outcome of a check. */
export function checkOutcome(issues: readonly Issue[], rows: number): Outcome {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  return {
    tone: errors > 0 ? "error" : warnings > 0 ? "warning" : "success",
    title: OUTCOMES.checkDone(rows, errors, warnings),
    lines: limitLines(issues.map(issueLine)),
  };
}

/** The outcome of numbering (clash messages come from the co-authoring numbering). */
export function numberOutcome(
  assigned: readonly { row: number; number: string }[],
  clashes: readonly { message: string }[] = [],
): Outcome {
  if (assigned.length === 0 && clashes.length === 0)
    return { tone: "info", title: OUTCOMES.nothingToNumber, lines: [] };
  const lines = [...assigned.map((a) => OUTCOMES.numberLine(a.row, a.number)), ...clashes.map((c) => c.message)];
  return {
    tone: clashes.length > 0 ? "warning" : "success",
    title: OUTCOMES.numbered(assigned.length, clashes.length),
    lines: limitLines(lines),
    undoable: true,
  };
}

/** The outcome of a refresh; `warnings` are the host's (features it lacks). */
export function refreshOutcome(result: RefreshResult, warnings: readonly string[] = []): Outcome {
  const lines = [...renderSetupText(result).map((l) => l.trim()), ...warnings];
  const tone = warnings.length > 0 || result.outcome.conflicts.length > 0 ? "warning" : "success";
  return {
    tone,
    title: result.unchanged ? OUTCOMES.refreshUnchanged : OUTCOMES.refreshed,
    lines: limitLines(lines),
  };
}

/** The outcome of an undo through the 操作日志. */
export function undoOutcome(result: UndoResult): Outcome {
  const lines = result.conflicts.map((c) => OUTCOMES.undoConflict(c.sheet, c.address));
  const tone = result.operationId === null ? "info" : result.conflicts.length > 0 ? "warning" : "success";
  return { tone, title: result.message, lines: limitLines(lines) };
}

/** The outcome of a document. */
export function documentOutcome(kind: DocumentKindChoice, result: DocumentResult): Outcome {
  const lines = [OUTCOMES.documentSheet(result.sheetName, result.row, result.number), ...result.warnings];
  if (result.log) lines.push(OUTCOMES.documentLog(result.log.sheet, result.log.timesUrged));
  return {
    tone: result.warnings.length > 0 ? "warning" : "success",
    title: OUTCOMES.documentDone(OUTCOMES.documentNames[kind]),
    lines,
    undoable: true,
  };
}

/** The outcome of 销号 / 延期 / 终止, with what the checks say of the row afterwards. */
export function itemOutcome(result: ItemActionResult): Outcome {
  const lines = [
    ...result.changes.map((c) => OUTCOMES.itemChange(c.column, c.from, c.to)),
    OUTCOMES.itemStatus(result.status),
    ...(result.issues.length === 0
      ? [OUTCOMES.itemChecked]
      : [OUTCOMES.itemIssues(result.issues.length), ...result.issues.map(issueLine)]),
  ];
  return {
    tone: result.issues.some((i) => i.severity === "error") ? "warning" : "success",
    title: OUTCOMES.itemDone(result.operation, result.row),
    lines,
    undoable: true,
  };
}

export function settingsOutcome(result: SettingsSaveResult): Outcome {
  if (result.written === 0) return { tone: "info", title: OUTCOMES.settingsUnchanged, lines: [] };
  return { tone: "success", title: OUTCOMES.settingsSaved, lines: result.changes, undoable: true };
}

export function calendarOutcome(result: CalendarEditResult): Outcome {
  return {
    tone: result.needsRefresh ? "warning" : "success",
    title: OUTCOMES.calendarSaved,
    lines: [result.message],
    undoable: result.written > 0,
  };
}

/** The outcome of applying offered fixes. */
export function fixOutcome(fixed: readonly { row: number; column: string; from: string; to: string }[]): Outcome {
  return {
    tone: fixed.length === 0 ? "info" : "success",
    title: OUTCOMES.fixed(fixed.length),
    lines: limitLines(fixed.map((f) => OUTCOMES.fixLine(f.row, f.column, f.from, f.to))),
    undoable: fixed.length > 0,
  };
}
