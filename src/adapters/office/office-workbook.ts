/**
 * The WorkbookPort on the Excel JavaScript API — the only code of the add-in that calls
 * Excel.run and context.sync. `operation()` runs a use case inside one Excel.run (with
 * `delayForCellEdit`) on an OfficeSession, so its reads and writes share one request context
 * and a bounded number of round trips; the port methods themselves each run as a small
 * operation of their own.
 *
 * Events: a batch that writes switches `context.runtime.enableEvents` off before its writes and
 * on after them; when a sync fails in between, the operation switches them back on before it
 * rethrows (on the same context, or on a new one if that fails too).
 */
import type { SheetGrid } from "../../domain/cell";
import type { SheetLayout } from "../../domain/layout/types";
import type { CellWrite } from "../../app/port";
import type { LayoutMode, LayoutPort } from "../../app/documents";
import type { LoggedWorkbookPort } from "../../app/ports/operation-log";
import { operationMeta, type OperationKind, type OperationMeta } from "../../app/operations";
import type { SetupOutcome, SetupTarget } from "../../app/setup-port";
import type { WorkbookPlan } from "../../domain/setup-plan";
import { localDateTime } from "../../domain/local-time";
import { CALENDAR_SHEET_NAME } from "../../domain/calendar-sheet";
import { REGISTRY_SHEET_NAME } from "../../domain/registry";
import { SETTINGS_SHEET_NAME } from "../../domain/settings";
import { officeRequirements, type RequirementChecker } from "./requirements";
import { officeRunner, RUN_OPTIONS, type ExcelRunner } from "./run";
import { OfficeSession } from "./session";

export interface OfficeWorkbookOptions {
  /** Clock for the 操作日志 (default: the computer's). */
  readonly now?: () => Date;
  /** New 操作编号 (default: time and a random suffix). */
  readonly newId?: () => string;
  /** The person's name for the log, when the host knows it. */
  readonly user?: string;
  /** Requirement sets of the host (default: Office.context.requirements). */
  readonly requirements?: RequirementChecker;
}

/**
 * A 操作编号 that two co-authors will not both produce: local time to the second and six
 * random base-36 characters.
 * @example newOperationId(new Date(2026, 2, 1, 9, 5, 7)) // "20260301-090507-k3f9zq"
 */
export function newOperationId(now: Date, random: () => number = Math.random): string {
  const stamp = localDateTime(now).replace(/[-:]/g, "").replace(" ", "-");
  const suffix = Array.from({ length: 6 }, () => Math.floor(random() * 36).toString(36)).join("");
  return `${stamp}-${suffix}`;
}

/** Operations that read the registry, 设置 and 工作日历 with the sheet names (one sync less). */
const PREFETCHING: ReadonlySet<OperationKind> = new Set<OperationKind>(["refresh", "init"]);
const PREFETCHED_SHEETS = [REGISTRY_SHEET_NAME, SETTINGS_SHEET_NAME, CALENDAR_SHEET_NAME];

/**
 * The sheets to read with the names: those of `wanted` the workbook had when its names were
 * last loaded (getItem needs them to exist); before any names are known, only the registry
 * sheet of the usual name (a workbook without it costs one failed sync, then the names alone).
 * @example prefetchable(PREFETCHED_SHEETS, ["督办事项登记表", "设置"]) // ["督办事项登记表", "设置"]
 */
export function prefetchable(wanted: readonly string[], known: readonly string[] | null): string[] {
  if (known === null) return wanted.filter((n) => n === REGISTRY_SHEET_NAME);
  return wanted.filter((n) => known.includes(n));
}

export class OfficeWorkbook implements LoggedWorkbookPort, LayoutPort, SetupTarget {
  private readonly knownLarge = new Set<string>();
  /** The sheet names as the last operation loaded them (null before the first). */
  private knownSheets: readonly string[] | null = null;
  private running = 0;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly run: ExcelRunner = officeRunner,
    private readonly options: OfficeWorkbookOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => newOperationId(this.now()));
  }

  /** True while an operation of this add-in is running (live checking ignores changes then). */
  get busy(): boolean {
    return this.running > 0;
  }

  /**
   * Runs a use case as one operation: one Excel.run with delayForCellEdit, queued writes sent
   * at the end, events restored on failure. `meta` names plain writeCells calls in the log.
   * @example await office.operation("number", (port) => runNumbering(port, today))
   */
  async operation<T>(
    meta: OperationKind | OperationMeta,
    fn: (session: OfficeSession) => Promise<T>,
    options: { readonly prefetch?: boolean } = {},
  ): Promise<T> {
    const m = operationMeta(meta);
    const prefetch = (options.prefetch ?? true) && PREFETCHING.has(m.kind);
    this.running += 1;
    try {
      return await this.run(RUN_OPTIONS, async (context) => {
        const session = new OfficeSession(context, {
          meta: this.options.user ? { ...m, user: m.user ?? this.options.user } : m,
          now: this.now,
          newId: this.newId,
          knownLarge: this.knownLarge,
          requirements: this.options.requirements ?? officeRequirements(),
          ...(prefetch ? { prefetch: prefetchable(PREFETCHED_SHEETS, this.knownSheets) } : {}),
          onSheetNames: (names) => (this.knownSheets = [...names]),
        });
        try {
          const result = await fn(session);
          await session.flush();
          this.knownSheets = session.knownSheetNames ?? this.knownSheets;
          return result;
        } finally {
          if (session.eventsMayBeOff) await this.restoreEvents(context);
        }
      });
    } finally {
      this.running -= 1;
    }
  }

  /** Switches events back on after a failed write batch: on this context, else on a new one. */
  private async restoreEvents(context: Excel.RequestContext): Promise<void> {
    try {
      context.runtime.enableEvents = true;
      await context.sync();
    } catch {
      await this.run(RUN_OPTIONS, async (fresh) => {
        fresh.runtime.enableEvents = true;
        await fresh.sync();
      });
    }
  }

  sheetNames(): Promise<string[]> {
    return this.operation("read", (s) => s.sheetNames());
  }

  readSheets(names: readonly string[]): Promise<SheetGrid[]> {
    return this.operation("read", (s) => s.readSheets(names));
  }

  writeCells(writes: readonly CellWrite[]): Promise<void> {
    return this.operation("write", (s) => s.writeCells(writes));
  }

  writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void> {
    return this.operation(meta, (s) => s.writeLogged(writes, meta));
  }

  /** Deletes a sheet as an operation of its own (undo deletes inside its operation instead). */
  deleteSheet(name: string, meta: OperationMeta): Promise<void> {
    return this.operation(meta, async (s) => {
      await s.readSheets([name]);
      await s.deleteSheet(name, meta);
    });
  }

  writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
    return this.operation("document", (s) => s.writeLayout(layout, mode));
  }

  /** Applies a setup plan as an operation of its own (refresh runs it inside its operation instead; nothing to prefetch). */
  applySetupPlan(plan: WorkbookPlan): Promise<SetupOutcome> {
    return this.operation("refresh", (s) => s.applySetupPlan(plan), { prefetch: false });
  }
}
