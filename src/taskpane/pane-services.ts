/**
 * The pane's services over a workbook port, the same for Excel and the standalone page: each
 * action runs a use case as one operation of the host (`run`) and turns its result into an
 * Outcome. What differs by host — numbering while co-authoring, undo, selection, download —
 * comes from the host. The use cases a person starts by a click (销号/延期/终止, settings and
 * calendar edits, documents, refresh) load on first use, keeping the pane's first script small.
 */
import type { IsoDate } from "../domain/cell";
import type * as CalendarEdits from "../app/calendar-edit";
import type { DocumentPort } from "../app/documents";
import { readLedger } from "../app/ledger-snapshot";
import { AUTO_FIX_CODES } from "../app/fix";
import { operationLabel, type OperationKind, type OperationMeta } from "../app/operations";
import type { SetupTarget } from "../app/setup-port";
import {
  attempt,
  calendarOutcome,
  documentOutcome,
  fixOutcome,
  itemOutcome,
  numberOutcome,
  refreshOutcome,
  settingsOutcome,
} from "./outcomes";
import { analysisSheetOutcome, recordOutcome } from "./report-outcomes";
import type { FixTarget, Outcome, PaneServices } from "./services";
import { OUTCOMES, REPORT_OUTCOMES } from "./strings";

/** What one host (Excel, the standalone page) provides. */
export interface ServiceHost<P extends DocumentPort> {
  readonly mode: PaneServices["mode"];
  readonly source: string;
  today(): IsoDate;
  /** Runs a use case as one operation on the workbook, of a kind (its label is what the 操作日志 records). */
  run<T>(operation: OperationKind | OperationMeta, fn: (port: P) => Promise<T>): Promise<T>;
  /** Where a refresh applies its setup plan. */
  setupTarget(port: P): SetupTarget;
  /** What the host could not do in the last operation (features it lacks), in Chinese. */
  warnings(port: P): readonly string[];
  /** Numbering (the Excel host repairs clashes with co-authors). */
  number(
    port: P,
    today: IsoDate,
  ): Promise<{ assigned: readonly { row: number; number: string }[]; clashes?: readonly { message: string }[] }>;
  undo(): Promise<Outcome>;
  /** The fix use case (issue 9's runFix), when the build has it. */
  readonly fix:
    | ((
        port: P,
        today: IsoDate,
        only?: readonly FixTarget[],
      ) => Promise<{ fixed: readonly { row: number; column: string; from: string; to: string }[] }>)
    | null;
  readonly select: PaneServices["select"];
  readonly followSelection: PaneServices["followSelection"];
  readonly watch: PaneServices["watch"];
  readonly download: PaneServices["download"];
}

/**
 * The PaneServices of a host.
 * @example const services = createPaneServices(excelHost(new OfficeWorkbook()))
 */
export function createPaneServices<P extends DocumentPort>(host: ServiceHost<P>): PaneServices {
  const fix = host.fix;
  return {
    mode: host.mode,
    source: host.source,
    today: () => host.today(),
    load: () => host.run("read", (port) => readLedger(port, host.today())),
    select: host.select,
    followSelection: host.followSelection,
    watch: host.watch,
    download: host.download,
    number: () =>
      attempt(OUTCOMES.failed.number, async () => {
        const result = await host.run("number", (port) => host.number(port, host.today()));
        return numberOutcome(result.assigned, result.clashes);
      }),
    refresh: () =>
      attempt(OUTCOMES.failed.refresh, async () => {
        const { runRefresh } = await import(/* webpackChunkName: "setup" */ "../app/refresh.js");
        const { result, warnings } = await host.run("refresh", async (port) => ({
          result: await runRefresh(port, host.setupTarget(port), host.today()),
          warnings: host.warnings(port),
        }));
        return refreshOutcome(result, warnings);
      }),
    undo: () => host.undo(),
    autoFixCodes: AUTO_FIX_CODES,
    fix: fix
      ? (only) =>
          attempt(OUTCOMES.failed.fix, async () => {
            const result = await host.run("fix", (port) => fix(port, host.today(), only));
            return fixOutcome(result.fixed);
          })
      : null,
    document: (kind, number) => {
      const name = OUTCOMES.documentNames[kind];
      if (number.trim() === "") return Promise.resolve({ tone: "warning", title: OUTCOMES.needNumber, lines: [] });
      return attempt(OUTCOMES.failed.document(name), async () => {
        const { generateDocument } = await import(/* webpackChunkName: "documents" */ "../app/documents.js");
        const result = await host.run(kind, (port) =>
          generateDocument(port, kind, { number: number.trim(), today: host.today() }),
        );
        return documentOutcome(kind, result);
      });
    },
    ...editServices(host),
    ...reportServices(host),
  };
}

/** 销号/延期/终止 and the settings and calendar edits, each loaded on first use. */
function editServices<P extends DocumentPort>(
  host: ServiceHost<P>,
): Pick<PaneServices, "itemAction" | "saveSettings" | "setCalendar" | "clearCalendar"> {
  /** A calendar edit: both load the same chunk, run as 工作日历 and report the same way. */
  const calendarEdit = (edit: (calendar: typeof CalendarEdits, port: P) => Promise<CalendarEdits.CalendarEditResult>) =>
    attempt(OUTCOMES.failed.calendar, async () => {
      const calendar = await import(/* webpackChunkName: "edits" */ "../app/calendar-edit.js");
      return calendarOutcome(await host.run("calendar", (port) => edit(calendar, port)));
    });
  return {
    itemAction: (action) =>
      attempt(OUTCOMES.failed.item(operationLabel(action.kind)), async () => {
        const { applyItemAction } = await import(/* webpackChunkName: "edits" */ "../app/item-actions.js");
        return itemOutcome(await host.run(action.kind, (port) => applyItemAction(port, action, host.today())));
      }),
    saveSettings: (edit) =>
      attempt(OUTCOMES.failed.settings, async () => {
        const { saveSettings } = await import(/* webpackChunkName: "edits" */ "../app/settings-edit.js");
        return settingsOutcome(await host.run("settings", (port) => saveSettings(port, edit)));
      }),
    setCalendar: (change) => calendarEdit((calendar, port) => calendar.setCalendarOverride(port, change)),
    clearCalendar: (date) => calendarEdit((calendar, port) => calendar.clearCalendarOverride(port, date)),
  };
}

/** The 报告 view: the ledger reviewed for a period, measures recorded, the analysis sheet written. */
function reportServices<P extends DocumentPort>(
  host: ServiceHost<P>,
): Pick<PaneServices, "review" | "recordMeasure" | "writeAnalysis"> {
  return {
    review: async (period) => {
      const { reviewLedger } = await import(/* webpackChunkName: "report" */ "../app/ledger-review.js");
      return host.run("read", (port) => reviewLedger(port, { period, today: host.today() }));
    },
    recordMeasure: (choice) =>
      attempt(REPORT_OUTCOMES.failedRecord, async () => {
        const { recordMeasures } = await import(/* webpackChunkName: "report" */ "../app/accountability.js");
        const request = {
          today: host.today(),
          numbers: [choice.number],
          measure: choice.measure,
          handler: choice.handler,
        };
        return recordOutcome(await host.run("accountability-record", (port) => recordMeasures(port, request)));
      }),
    writeAnalysis: (period) =>
      attempt(REPORT_OUTCOMES.failedAnalysis, async () => {
        const { runAnalysis, writeAnalysisSheet } = await import(/* webpackChunkName: "report" */ "../app/analysis.js");
        const { written, warnings } = await host.run("analysis-report", async (port) => {
          const result = await runAnalysis(port, { period, today: host.today() });
          return { written: await writeAnalysisSheet(port, result), warnings: host.warnings(port) };
        });
        return analysisSheetOutcome(written.sheetName, period, warnings);
      }),
  };
}
