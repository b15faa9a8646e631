/**
 * One operation of the add-in inside one Excel.run: the WorkbookPort (and its log and layout
 * extensions) bound to a request context. Reads are sent at once; writes are queued and go
 * with the next read or at the end of the operation, so an operation that reads and then
 * writes costs one round trip per read plus one — numbering a 10,000-row registry is three
 * syncs (sheet names, the sheets, the writes). Queued writes are sent early only to keep a
 * batch under the 4 MB budget.
 *
 * Every write batch is framed by `enableEvents = false … true`, so the add-in's own change
 * events do not fire, and carries the 操作日志 rows of its writes before the writes.
 *
 * A layout (a document) is logged as one entry for its whole sheet — created, or replaced — under
 * the operation's 操作编号, so undo can delete a created sheet (deleteSheet, queued with the
 * undo's other writes) and stops at a replaced one.
 *
 * The session is also the add-in's SetupTarget (刷新, 新建台账): applySetupPlan reads what
 * the plan compares in one batch and queues its writes like any other (apply-plan.ts).
 */
import { EMPTY, type CellValue, type SheetGrid } from "../../domain/cell";
import type { SheetLayout } from "../../domain/layout/types";
import type { CellWrite } from "../../app/port";
import type { LayoutMode, LayoutPort } from "../../app/documents";
import type { SetupOutcome, SetupTarget } from "../../app/setup-port";
import type { WorkbookPlan } from "../../domain/setup-plan";
import {
  logRowCells,
  OPERATION_LOG_SHEET,
  sheetEntry,
  type LoggedWorkbookPort,
  type OperationMeta,
  type SheetAction,
} from "../../app/ports/operation-log";
import { applyOfficeSetupPlan } from "./apply-plan";
import type { SetupHost } from "./setup-host";
import { runBatches, type Batch } from "./batches";
import { toOfficeFailure } from "./errors";
import { logRowsBytes, officeLogRows, queueCreateLog, queueLogRows } from "./op-log";
import { gridFromBlock, readUsedRanges } from "./read";
import { queueMerges, withMerges, type MergeMode } from "./merged-areas";
import type { RequirementChecker } from "./requirements";
import { queueLayout } from "./render-layout";
import { ACTION_OVERHEAD_BYTES, BATCH_BUDGET_BYTES, isPayloadTooLarge, packBySize } from "./size";
import { fromOfficeValue } from "./values";
import { groupRuns, runAddress, type WriteRun } from "./write-plan";

export interface SessionOptions {
  /** How plain writeCells calls are named in the log. */
  readonly meta: OperationMeta;
  /** The clock for log times (an adapter may read it; the engine may not). */
  readonly now: () => Date;
  /** A new 操作编号, unique across co-authors. */
  readonly newId: () => string;
  /** Sheets whose last read was too large for one batch (shared across operations). */
  readonly knownLarge: Set<string>;
  /** Which requirement sets beyond ExcelApi 1.8 the host has. */
  readonly requirements: RequirementChecker;
  /**
   * Sheets whose used ranges go with the sheet names in one sync: refresh knows it reads the
   * registry, 设置 and 工作日历, and saves a round trip this way. Only sheets known to exist
   * (`getItem`; no call on a possibly null object): when one is missing after all, the names
   * are loaded alone.
   */
  readonly prefetch?: readonly string[];
  /** Called with the sheet names whenever they were loaded (the workbook remembers them). */
  readonly onSheetNames?: (names: readonly string[]) => void;
}

/**
 * Local time as the log shows it.
 * @example logTime(new Date(2026, 2, 1, 9, 5, 7)) // "2026-03-01 09:05:07"
 */
export function logTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ` +
    `${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`
  );
}

/**
 * True when the names-with-prefetch sync failed for its prefetch: too large together (the
 * sheets are remembered as large), or a sheet believed to exist is gone (renamed, deleted by a
 * co-author): the names are then loaded alone.
 */
function prefetchFailed(error: unknown, wanted: readonly string[], knownLarge: Set<string>): boolean {
  const e = error as { cause?: unknown; officeCode?: unknown };
  if (isPayloadTooLarge(error) || isPayloadTooLarge(e.cause)) {
    for (const n of wanted) knownLarge.add(n);
    return true;
  }
  return e.officeCode === "ItemNotFound";
}

/** True when a failed read may be Excel refusing too many merged areas (not a missing sheet, not a size limit). */
function mergedAreasFailed(error: unknown): boolean {
  const e = error as { cause?: unknown; officeCode?: unknown };
  return !isPayloadTooLarge(error) && !isPayloadTooLarge(e.cause) && e.officeCode !== "ItemNotFound";
}

/** The name as the workbook spells it (Excel compares sheet names case-insensitively). */
function resolveName(all: readonly string[], name: string): string | undefined {
  return all.find((n) => n === name) ?? all.find((n) => n.toLowerCase() === name.toLowerCase());
}

/** A write run and the log rows that record it. */
interface Unit {
  readonly run: WriteRun;
  readonly log: (string | number | boolean)[][];
  readonly bytes: number;
}

export class OfficeSession implements LoggedWorkbookPort, LayoutPort, SetupTarget {
  private names: string[] | null = null;
  /** Grids read in this operation (the setup estimates response sizes from them). */
  private readonly grids = new Map<string, SheetGrid>();
  /**
   * 操作编号 of this operation's own writes (options.meta: setup plans, writeCells, layouts), so
   * that init's two plans, or a document's sheet and its 催办记录 row, are one undoable step.
   */
  private setupId: string | null = null;
  /** Used ranges read with the sheet names (options.prefetch), until the first write is queued. */
  private readonly prefetched = new Map<string, SheetGrid>();
  /** Sheets read successfully in this operation (known to exist even before the names are). */
  private readonly seen = new Set<string>();
  /** Sheets a direct read found missing in this operation (before the names were known). */
  private readonly missing = new Set<string>();
  /** Estimated bytes of queued, unsent writes (0 when none). */
  private pendingBytes = 0;
  private pendingWrites = false;
  /** True when `enableEvents = false` is queued in the unsent batch. */
  private eventsOffQueued = false;
  /** True when a batch that switched events off may have failed before switching them on. */
  eventsMayBeOff = false;
  /** What the person should know about this operation (features the host lacks), in Chinese. */
  readonly warnings: string[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: SessionOptions,
  ) {}

  async sheetNames(): Promise<string[]> {
    return this.loadNames(this.options.prefetch ?? []);
  }

  /** The sheet names as this operation knows them now (sheets it added or deleted included), or null. */
  get knownSheetNames(): readonly string[] | null {
    return this.names;
  }

  /** The sheet names, loaded (once) with the used ranges of `prefetch` in the same sync. */
  private async loadNames(prefetch: readonly string[], merges: MergeMode = this.mergeMode()): Promise<string[]> {
    if (this.names === null) {
      const wanted = this.pendingWrites ? [] : prefetch.filter((n) => !this.options.knownLarge.has(n));
      const sheets = this.context.workbook.worksheets.load("items/name");
      const reads = wanted.map((name) => {
        const sheet = this.context.workbook.worksheets.getItem(name);
        const used = sheet.getUsedRangeOrNullObject(true).load("isNullObject, rowIndex, columnIndex, values");
        return { used, areas: queueMerges(sheet, merges) };
      });
      try {
        await this.send(() => this.context.sync());
      } catch (error) {
        if (wanted.length > 0 && merges === "all" && mergedAreasFailed(error)) {
          // More merged areas than Excel returns at once: read without merges; the reader's
          // fallback rule recognises items over several rows.
          return this.loadNames(prefetch, "none");
        }
        if (wanted.length === 0 || !prefetchFailed(error, wanted, this.options.knownLarge)) throw error;
        return this.loadNames([]);
      }
      this.names = sheets.items.map((s) => s.name);
      this.options.onSheetNames?.(this.names);
      const all = this.names;
      wanted.forEach((name, i) => {
        const actual = resolveName(all, name);
        if (actual === undefined) return;
        const { used, areas } = reads[i];
        this.prefetched.set(actual, withMerges(gridFromBlock(actual, used.isNullObject ? null : used), areas, merges));
      });
    }
    return [...this.names];
  }

  /** Which merged areas reads ask for: all of them with ExcelApi 1.13, none before. */
  private mergeMode(): MergeMode {
    return this.options.requirements.isSetSupported("ExcelApi", "1.13") ? "all" : "none";
  }

  /** The grids of `names` when all were read with the sheet names and nothing was written since. */
  private takePrefetched(names: readonly string[]): SheetGrid[] | null {
    if (!names.every((n) => this.prefetched.has(n))) return null;
    const grids = names.map((n) => this.prefetched.get(n)!);
    for (const n of names) this.prefetched.delete(n);
    return grids;
  }

  async readSheets(names: readonly string[]): Promise<SheetGrid[]> {
    if (names.length === 0) return [];
    if (this.names === null && names.length === 1) {
      // One sheet asked for before the names are known (undo reading the log): try it directly.
      try {
        const grids = await this.send(() =>
          readUsedRanges(this.context, names, this.options.knownLarge, this.mergeMode()),
        );
        this.seen.add(names[0]);
        return grids;
      } catch (error) {
        if ((error as { officeCode?: string }).officeCode !== "ItemNotFound") throw error;
        this.missing.add(names[0]);
        return [];
      }
    }
    // Several sheets asked for before the names are known (undo of a document): their used
    // ranges go with the names in one sync.
    const all = this.names === null ? await this.loadNames(names) : await this.sheetNames();
    const existing = [...new Set(names.map((n) => resolveName(all, n)).filter((n): n is string => n !== undefined))];
    const grids =
      this.takePrefetched(existing) ??
      (await this.send(() => readUsedRanges(this.context, existing, this.options.knownLarge, this.mergeMode())));
    for (const g of grids) {
      this.grids.set(g.name, g);
      this.seen.add(g.name);
    }
    return grids;
  }

  /**
   * Values of rows `fromRow`…`toRow` of one column, read after the queued writes (same sync).
   * @example await session.readColumn("督办事项登记表", 2, 3, 120) // [{ t: "string", v: "〔2026〕1号" }, …]
   */
  async readColumn(sheet: string, col: number, fromRow: number, toRow: number): Promise<CellValue[]> {
    if (toRow < fromRow) return [];
    const range = this.context.workbook.worksheets
      .getItem(sheet)
      .getRange(runAddress({ row: fromRow, col, values: new Array<number>(toRow - fromRow + 1).fill(0) }))
      .load("values");
    await this.send(() => this.context.sync());
    return range.values.map((row) => fromOfficeValue(row[0]));
  }

  /**
   * Whole rows (columns 1…`lastCol`) of blocks of a sheet, in one sync.
   * @example await session.readRows("督办事项登记表", [{ from: 7, to: 9 }], 23) // [{ firstRow: 7, rows: […] }]
   */
  async readRows(
    sheet: string,
    blocks: readonly { readonly from: number; readonly to: number }[],
    lastCol: number,
  ): Promise<{ firstRow: number; rows: CellValue[][] }[]> {
    const ws = this.context.workbook.worksheets.getItem(sheet);
    const ranges = blocks.map((b) => ws.getRangeByIndexes(b.from - 1, 0, b.to - b.from + 1, lastCol).load("values"));
    if (ranges.length === 0) return [];
    await this.send(() => this.context.sync());
    return blocks.map((b, i) => ({
      firstRow: b.from,
      rows: ranges[i].values.map((row) => row.map((raw) => fromOfficeValue(raw))),
    }));
  }

  /**
   * Registers a handler of the sheet's onChanged event (sent with the next sync).
   * @example const handle = session.onSheetChanged("督办事项登记表", (args) => …)
   */
  onSheetChanged(
    sheet: string,
    handler: (args: Excel.WorksheetChangedEventArgs) => Promise<void>,
  ): OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> {
    const result = this.context.workbook.worksheets.getItem(sheet).onChanged.add(handler);
    this.pendingWrites = true;
    return result;
  }

  async writeCells(writes: readonly CellWrite[]): Promise<void> {
    return this.writeLogged(writes, this.options.meta);
  }

  async writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void> {
    if (writes.length === 0) return;
    const complete = await this.withOldValues(writes);
    // Whether the log exists: known without the sheet names when this operation read it.
    const names = this.names === null && this.seen.has(OPERATION_LOG_SHEET) ? null : await this.sheetNames();
    const id = meta === this.options.meta ? this.operationId() : this.options.newId();
    const time = logTime(this.options.now());
    const units: Unit[] = groupRuns(complete).map((run) => {
      const log = officeLogRows(
        run.writes.map((w) =>
          logRowCells({
            id,
            time,
            operation: meta.operation,
            user: meta.user,
            undoes: meta.undoes,
            sheet: w.sheet,
            row: w.row,
            col: w.col,
            old: w.old ?? EMPTY,
            new: w.value,
          }),
        ),
      );
      return { run, log, bytes: run.bytes + logRowsBytes(log) };
    });
    if (names !== null) this.ensureLog(names);
    const total = units.reduce((n, u) => n + u.bytes, 0);
    if (this.pendingWrites && this.pendingBytes + total > BATCH_BUDGET_BYTES) await this.flush();
    const groups = packBySize(units, BATCH_BUDGET_BYTES);
    const last = groups.pop() ?? [];
    // All groups but the last are sent now (each its own sync, under the budget); the last
    // stays queued and goes with the next read or the end of the operation.
    const early: Batch[] = groups.map((group) => ({
      queue: () => {
        this.queueUnits(group);
        this.queueEventsOn();
        this.pendingWrites = false;
        this.pendingBytes = 0;
      },
    }));
    if (early.length > 0) await this.send(() => runBatches(this.context, early), true);
    this.queueUnits(last);
  }

  /** The 操作编号 of this operation's own writes (options.meta), made once. */
  private operationId(): string {
    this.setupId ??= this.options.newId();
    return this.setupId;
  }

  /** Queues the creation of the 操作日志 when the workbook (`names`) has none yet. */
  private ensureLog(names: readonly string[]): void {
    if (names.includes(OPERATION_LOG_SHEET)) return;
    this.queueEventsOff();
    queueCreateLog(this.context);
    this.markPending(1000);
    this.names = [...names, OPERATION_LOG_SHEET];
  }

  /** Queues one log entry about a whole sheet (events off, the log created when missing). */
  private queueSheetEntry(names: readonly string[], sheet: string, action: SheetAction, meta: OperationMeta): void {
    const id = meta === this.options.meta ? this.operationId() : this.options.newId();
    const base = { id, time: logTime(this.options.now()), operation: meta.operation };
    const entry = sheetEntry(
      { ...base, ...(meta.user ? { user: meta.user } : {}), ...(meta.undoes ? { undoes: meta.undoes } : {}) },
      sheet,
      action,
    );
    const rows = officeLogRows([logRowCells(entry)]);
    this.queueEventsOff();
    this.ensureLog(names);
    queueLogRows(this.context, rows);
    this.markPending(logRowsBytes(rows));
  }

  async writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
    const names = await this.sheetNames();
    const at = names.findIndex((n) => n.toLowerCase() === layout.name.toLowerCase());
    if (at >= 0 && mode === "add") throw new Error(`工作表“${layout.name}”已存在`);
    // The entry goes before the sheet in the same batch: a sheet that was drawn has its entry.
    this.queueSheetEntry(names, at >= 0 ? names[at] : layout.name, at >= 0 ? "replaced" : "created", this.options.meta);
    const bytes = queueLayout(this.context, layout, {
      replaceAt: at >= 0 ? at : null,
      requirements: this.options.requirements,
      warnings: this.warnings,
    });
    this.markPending(bytes);
    if (at < 0) this.names = [...(this.names ?? names), layout.name];
  }

  /**
   * Deletes a sheet (when it exists) and records a 删除整个工作表 entry, queued with the
   * operation's other writes. Whether it exists is known from this operation's reads (the
   * caller reads it first), so no sync is made for that.
   * @example await session.deleteSheet("通知单〔2021〕3号", { operation: "撤销上次操作", undoes: id })
   */
  async deleteSheet(name: string, meta: OperationMeta): Promise<void> {
    const known = this.names === null && (this.seen.has(name) || this.missing.has(name));
    const all = known ? null : await this.sheetNames();
    const actual = all === null ? (this.seen.has(name) ? name : undefined) : resolveName(all, name);
    const logNames = all ?? (this.seen.has(OPERATION_LOG_SHEET) ? [OPERATION_LOG_SHEET] : await this.sheetNames());
    this.queueSheetEntry(logNames, name, "deleted", meta);
    if (actual === undefined) return;
    this.context.workbook.worksheets.getItem(actual).delete();
    this.markPending(ACTION_OVERHEAD_BYTES);
    this.grids.delete(actual);
    this.seen.delete(actual);
    if (this.names !== null) this.names = this.names.filter((n) => n !== actual);
  }

  /**
   * Makes the workbook match a setup plan (SetupTarget): one batch of reads, writes queued
   * for the end of the operation; features the host lacks are added to `warnings`.
   * @example await office.operation("刷新", (s) => runRefresh(s, s, today))
   */
  applySetupPlan(plan: WorkbookPlan): Promise<SetupOutcome> {
    return applyOfficeSetupPlan(this.setupHost(), plan);
  }

  private setupHost(): SetupHost {
    return {
      context: this.context,
      requirements: this.options.requirements,
      warnings: this.warnings,
      sheetNames: () => this.sheetNames(),
      sheetsAdded: (names) => {
        if (this.names !== null) this.names = [...this.names, ...names.filter((n) => !this.names!.includes(n))];
      },
      cachedGrid: (name) => this.grids.get(name),
      read: (batches) => this.send(() => runBatches(this.context, batches)),
      send: (queue) => this.sendFramed(queue),
      later: (queue) => {
        this.queueEventsOff();
        queue();
        this.markPending(ACTION_OVERHEAD_BYTES);
      },
      logBase: () => {
        const { operation, user } = this.options.meta;
        return { id: this.operationId(), time: logTime(this.options.now()), operation, ...(user ? { user } : {}) };
      },
    };
  }

  /** Sends queued writes and the commands `queue` queues now, in one sync, framed by events off … on. */
  private async sendFramed(queue: () => void): Promise<void> {
    this.queueEventsOff();
    queue();
    await this.send(() => this.context.sync(), true);
  }

  /** Sends queued writes (if any) in one sync. */
  async flush(): Promise<void> {
    if (!this.pendingWrites) return;
    await this.send(() => this.context.sync());
  }

  /** Queues events off (once per unsent batch) and the runs with their log rows before them. */
  private queueUnits(units: readonly Unit[]): void {
    if (units.length === 0) return;
    this.queueEventsOff();
    queueLogRows(
      this.context,
      units.flatMap((u) => u.log),
    );
    for (const { run } of units) {
      const range = this.context.workbook.worksheets.getItem(run.sheet).getRange(runAddress(run));
      if (run.numberFormats) range.numberFormat = run.numberFormats.map((f) => [f]);
      range.values = run.values.map((v) => [v]);
    }
    this.markPending(units.reduce((n, u) => n + u.bytes, 0));
  }

  private queueEventsOff(): void {
    this.prefetched.clear();
    if (this.eventsOffQueued) return;
    this.context.runtime.enableEvents = false;
    this.eventsOffQueued = true;
    this.pendingWrites = true;
  }

  /** Queues events back on when the unsent batch switched them off. */
  private queueEventsOn(): void {
    if (!this.eventsOffQueued) return;
    this.context.runtime.enableEvents = true;
    this.eventsOffQueued = false;
  }

  private markPending(bytes: number): void {
    this.prefetched.clear();
    this.pendingWrites = true;
    this.pendingBytes += bytes;
  }

  /**
   * Runs a step that syncs: queued writes go with it, framed by events on; a failure while
   * writes were queued may leave events off (the operation switches them back on).
   */
  private async send<T>(step: () => Promise<T>, writes = false): Promise<T> {
    const carriesWrites = writes || this.eventsOffQueued;
    this.queueEventsOn();
    this.pendingWrites = false;
    this.pendingBytes = 0;
    try {
      return await step();
    } catch (error) {
      if (carriesWrites) this.eventsMayBeOff = true;
      throw toOfficeFailure(error);
    }
  }

  /** The writes with `old` filled in: cells whose old value the caller did not give are read first. */
  private async withOldValues(writes: readonly CellWrite[]): Promise<readonly CellWrite[]> {
    const missing = writes.filter((w) => w.old === undefined);
    if (missing.length === 0) return writes;
    const loads = missing.map((w) =>
      this.context.workbook.worksheets
        .getItem(w.sheet)
        .getRange(runAddress({ row: w.row, col: w.col, values: [0] }))
        .load("values"),
    );
    await this.send(() => this.context.sync());
    const found = new Map(missing.map((w, i) => [w, fromOfficeValue(loads[i].values[0][0])]));
    return writes.map((w) => (w.old === undefined ? { ...w, old: found.get(w) ?? EMPTY } : w));
  }
}
