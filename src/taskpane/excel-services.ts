/**
 * The pane's services inside Excel: use cases through the Office adapter (one Excel.run per
 * operation, writes logged in the 操作日志), numbering that repairs clashes with co-authors,
 * undo from the log, selection and live checking.
 */
import type { IsoDate } from "../domain/cell";
import { runFix } from "../app/fix";
import { runUndo } from "../app/undo";
import { LiveChecker } from "../adapters/office/live-check";
import { numberCoauthored } from "../app/number-coauthored";
import { OfficeWorkbook } from "../adapters/office/office-workbook";
import type { OfficeSession } from "../adapters/office/session";
import { OfficeSelection } from "../adapters/office/selection";
import { liveTally } from "./live-summary";
import { failure, undoOutcome } from "./outcomes";
import { createPaneServices } from "./pane-services";
import type { PaneServices } from "./services";
import { OUTCOMES, STRINGS } from "./strings";

/**
 * PaneServices on the open workbook. `today` is read per action (the pane may stay open past
 * midnight).
 * @example const services = createExcelServices(new OfficeWorkbook(), new OfficeSelection(), () => "2026-12-02")
 */
export function createExcelServices(
  office: OfficeWorkbook,
  selection: OfficeSelection,
  today: () => IsoDate,
): PaneServices {
  return createPaneServices<OfficeSession>({
    mode: "excel",
    source: STRINGS.sourceExcel,
    today,
    run: (operation, fn) => office.operation(operation, fn),
    setupTarget: (session) => session,
    warnings: (session) => session.warnings,
    number: (session, day) => numberCoauthored(session, day),
    undo: async () => {
      try {
        return undoOutcome(await office.operation("undo", (s) => runUndo(s)));
      } catch (e) {
        return failure(OUTCOMES.failed.undo, e);
      }
    },
    fix: (session, day, only) => runFix(session, day, only ? { only } : {}),
    select: selection.canNavigate ? (target) => selection.select(target) : null,
    followSelection: selection.canFollow
      ? (onCell) => {
          let stop: (() => Promise<void>) | null = null;
          let stopped = false;
          void selection
            .follow((cell) => onCell(cell ? { sheet: cell.sheet, row: cell.row } : null))
            .then((s) => (stopped ? void s().catch(() => undefined) : (stop = s)))
            .catch(() => undefined);
          return () => {
            stopped = true;
            // Stopping may fail when Excel is gone (pane closing): nothing is left to clean up then.
            void stop?.().catch(() => undefined);
          };
        }
      : null,
    watch: (onSummary) => {
      const tally = liveTally();
      const checker = new LiveChecker(office, { today, onUpdate: (update) => onSummary(tally.apply(update)) });
      void checker.start().catch(() => undefined);
      return () => void checker.stop().catch(() => undefined);
    },
    download: null,
  });
}

/** The services on the workbook Office opened the pane in (the real Excel.run and requirements). */
export function openExcel(today: () => IsoDate): PaneServices {
  return createExcelServices(new OfficeWorkbook(), new OfficeSelection(), today);
}
