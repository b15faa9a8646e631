import { runCheck } from "../app/check";
import { generateDocument, type DocumentResult } from "../app/documents";
import { explainFailure } from "../app/failure";
import { runRefresh } from "../app/refresh";
import { renderSetupText } from "../app/refresh-report";
import { runUndo } from "../app/undo";
import type { IsoDate } from "../domain/cell";
import type { Issue } from "../domain/model";
import { numberCoauthored } from "../app/number-coauthored";
import type { OfficeWorkbook } from "../adapters/office/office-workbook";
import { LiveChecker } from "../adapters/office/live-check";
import { liveTally } from "./live-summary";
import { limitLines, type ActionOutcome, type DocumentKindChoice, type PaneActions } from "./pane-actions";

const DOCUMENT_NAMES: Readonly<Record<DocumentKindChoice, string>> = {
  notice: "督办事项通知单",
  report: "督办书面报告",
  remind: "催办提示单",
};

/** One issue as a line of the pane. */
export function issueLine(issue: Issue): string {
  const level = issue.severity === "error" ? "错误" : "警告";
  return `第${issue.row}行 ${issue.column}（${level}）：${issue.message}`;
}

/**
 * Any failure as an outcome: the use case's own Chinese message, else a generic line with a
 * reference code (explainFailure); the details of an unexpected failure go to the console.
 */
export function failure(title: string, error: unknown): ActionOutcome {
  const explained = explainFailure(error);
  if (!explained.explained) console.error(`督办台账 ${explained.code}: ${title}`, explained.detail, error);
  return { tone: "error", title, lines: [explained.message] };
}

/** The outcome of a check. */
export function checkOutcome(issues: readonly Issue[], rows: number): ActionOutcome {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const title =
    issues.length === 0
      ? `检查完成：${rows} 项，没有发现问题`
      : `检查完成：${rows} 项，错误 ${errors} 条，警告 ${warnings} 条`;
  return {
    tone: errors > 0 ? "error" : warnings > 0 ? "warning" : "success",
    title,
    lines: limitLines(issues.map(issueLine)),
  };
}

function documentOutcome(kind: DocumentKindChoice, result: DocumentResult): ActionOutcome {
  const lines = [`已写入工作表“${result.sheetName}”（第${result.row}行，${result.number}）`, ...result.warnings];
  if (result.log) lines.push(`已记入“${result.log.sheet}”，这是第${result.log.timesUrged}次催办`);
  return { tone: result.warnings.length > 0 ? "warning" : "success", title: `已生成${DOCUMENT_NAMES[kind]}`, lines };
}

/**
 * The pane's actions on the open workbook, through the Office adapter. `today` is read per
 * action (the pane may stay open past midnight).
 */
export function createExcelActions(office: OfficeWorkbook, today: () => IsoDate): PaneActions {
  return {
    watch(onSummary) {
      const tally = liveTally();
      const checker = new LiveChecker(office, { today, onUpdate: (update) => onSummary(tally.apply(update)) });
      void checker.start().catch(() => undefined);
      // Stopping may fail when Excel is gone (pane closing): nothing is left to clean up then.
      return () => void checker.stop().catch(() => undefined);
    },
    async check() {
      try {
        const result = await office.operation("check", (s) => runCheck(s, today()));
        return checkOutcome(result.issues, result.rows);
      } catch (e) {
        return failure("检查未完成", e);
      }
    },
    async number() {
      try {
        const { assigned, clashes } = await office.operation("number", (s) => numberCoauthored(s, today()));
        if (assigned.length === 0) return { tone: "info", title: "没有需要编号的事项", lines: [] };
        const lines = [...assigned.map((a) => `第${a.row}行：${a.number}`), ...clashes.map((c) => c.message)];
        return {
          tone: clashes.length > 0 ? "warning" : "success",
          title: `已为 ${assigned.length} 个事项编号${clashes.length > 0 ? `，避让协作者的重复编号 ${clashes.length} 处` : ""}`,
          lines: limitLines(lines),
        };
      } catch (e) {
        return failure("编号未完成", e);
      }
    },
    async refresh() {
      try {
        const { result, warnings } = await office.operation("refresh", async (s) => ({
          result: await runRefresh(s, s, today()),
          warnings: s.warnings,
        }));
        const lines = [...renderSetupText(result).map((l) => l.trim()), ...warnings];
        const tone = warnings.length > 0 || result.outcome.conflicts.length > 0 ? "warning" : "success";
        const title = result.unchanged ? "红黄绿灯已是最新设置" : "已刷新红黄绿灯、下拉列表、工作日历和督办看板";
        return { tone, title, lines: limitLines(lines) };
      } catch (e) {
        return failure("刷新未完成", e);
      }
    },
    async undo() {
      try {
        const result = await office.operation("undo", (s) => runUndo(s));
        const lines = result.conflicts.map((c) => `${c.sheet}!${c.address} 已被他人修改，未恢复`);
        const tone = result.operationId === null ? "info" : result.conflicts.length > 0 ? "warning" : "success";
        return { tone, title: result.message, lines: limitLines(lines) };
      } catch (e) {
        return failure("撤销未完成", e);
      }
    },
    async document(kind, number) {
      if (number.trim() === "") return { tone: "warning", title: "请先填写督办事项编号", lines: ["例如：〔2026〕3号"] };
      try {
        const result = await office.operation(kind, (s) =>
          generateDocument(s, kind, { number: number.trim(), today: today() }),
        );
        return documentOutcome(kind, result);
      } catch (e) {
        return failure(`${DOCUMENT_NAMES[kind]}未生成`, e);
      }
    },
  };
}
