/**
 * One operation of the add-in inside one Excel.run: the WorkbookPort (and its log and layout
 * extensions) bound to a request context. Reads are sent at once; writes go to the operation's
 * write queue (write-queue.ts) and leave with the next read or at the end of the operation, so
 * an operation that reads and then writes costs one round trip per read plus one — numbering a
 * 10,000-row registry is three syncs (sheet names, the sheets, the writes). What the operation
 * knows of the sheets is its sheet directory (sheet-directory.ts).
 *
 * Every write batch carries the 操作日志 rows of its writes before the writes. A layout (a
 * document) is logged as one entry for its whole sheet — created, or replaced — under the
 * operation's 操作编号, so undo can delete a created sheet (deleteSheet, queued with the undo's
 * other writes) and stops at a replaced one.
 *
 * The session is also the add-in's SetupTarget (刷新, 新建台账): applySetupPlan reads what
 * the plan compares in one batch and writes through the same queue (apply-plan.ts).
 */
import { EMPTY, type CellValue, type SheetGrid } from "../../domain/cell";
import { localDateTime } from "../../domain/local-time";
import type { SheetLayout } from "../../domain/layout/types";
import { findSheetName } from "../../domain/sheet-name";
import type { CellWrite } from "../../app/port";
import type { LayoutMode, LayoutPort } from "../../app/documents";
import type { SetupOutcome, SetupTarget } from "../../app/setup-port";
import type { WorkbookPlan } from "../../domain/setup-plan";
import {
  logRowCells,
  OPERATION_LOG_SHEET,
  sheetEntry,
  type LogBase,
  type SheetAction,
} from "../../domain/operation-log";
import type { LoggedWorkbookPort } from "../../app/ports/operation-log";
import { metaLabel, type OperationMeta } from "../../app/operations";
import { applyOfficeSetupPlan } from "./apply-plan";
import type { SetupHost } from "./setup-host";
import { runBatches } from "./batches";
import { officeCodeOf } from "./errors";
import { queueMerges, withMerges, type MergeMode } from "./merged-areas";
import {
  CREATE_LOG_BYTES,
  loggedRuns,
  logRowsBytes,
  officeLogRows,
  queueCreateLog,
  queueLoggedRuns,
  queueLogRows,
} from "./op-log";
import { loadUsedRange, readUsedRanges, usedGrid } from "./read";
import type { RequirementChecker } from "./requirements";
import { queueLayout } from "./render-layout";
import { SheetDirectory } from "./sheet-directory";
import { ACTION_OVERHEAD_BYTES, isPayloadTooLarge } from "./size";
import { fromOfficeValue } from "./values";
import { WriteQueue } from "./write-queue";
import { runAddress } from "./write-plan";

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
 * True when the names-with-prefetch sync failed for its prefetch: too large together (the
 * sheets are remembered as large), or a sheet believed to exist is gone (renamed, deleted by a
 * co-author): the names are then loaded alone.
 */
function prefetchFailed(error: unknown, wanted: readonly string[], knownLarge: Set<string>): boolean {
  if (isPayloadTooLarge(error)) {
    for (const n of wanted) knownLarge.add(n);
    return true;
  }
  return officeCodeOf(error) === "ItemNotFound";
}

/** True when a failed read may be Excel refusing too many merged areas (not a missing sheet, not a size limit). */
function mergedAreasFailed(error: unknown): boolean {
  return !isPayloadTooLarge(error) && officeCodeOf(error) !== "ItemNotFound";
}

/**
 * Which 操作编号 log rows get: the operation's own (plain writes, layouts and setup plans of
 * one operation are one undoable step — init's two plans, a document's sheet and its 催办记录
 * row) or a new one (writeLogged and deleteSheet: numbering and its clash repair, an undo's
 * writes, are steps of their own).
 */
type LogId = "operation" | "new";

export class OfficeSession implements LoggedWorkbookPort, LayoutPort, SetupTarget {
  private readonly sheets = new SheetDirectory();
  private readonly queue: WriteQueue;
  /** Grids read in this operation (the setup estimates response sizes from them). */
  private readonly grids = new Map<string, SheetGrid>();
  /** Used ranges read with the sheet names (options.prefetch), until the first write is queued. */
  private readonly prefetched = new Map<string, SheetGrid>();
  /** The operation's own 操作编号 (LogId "operation"), made on first use. */
  private ownId: string | null = null;
  /** What the person should know about this operation (features the host lacks), in Chinese. */
  readonly warnings: string[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: SessionOptions,
  ) {
    this.queue = new WriteQueue(context, () => this.prefetched.clear());
  }

  /** True when a batch that switched events off may have failed before switching them on. */
  get eventsMayBeOff(): boolean {
    return this.queue.eventsMayBeOff;
  }

  async sheetNames(): Promise<string[]> {
    return this.loadNames(this.options.prefetch ?? []);
  }

  /** The sheet names as this operation knows them now (sheets it added or deleted included), or null. */
  get knownSheetNames(): readonly string[] | null {
    return this.sheets.names;
  }

  /** The sheet names, loaded (once) with the used ranges of `prefetch` in the same sync. */
  private async loadNames(prefetch: readonly string[], merges: MergeMode = this.mergeMode()): Promise<string[]> {
    if (this.sheets.names === null) {
      const wanted = this.queue.hasPending ? [] : prefetch.filter((n) => !this.options.knownLarge.has(n));
      const sheets = this.context.workbook.worksheets.load("items/name");
      const reads = wanted.map((name) => {
        const sheet = this.context.workbook.worksheets.getItem(name);
        return { used: loadUsedRange(sheet), areas: queueMerges(sheet, merges) };
      });
      try {
        await this.queue.sync(() => this.context.sync());
      } catch (error) {
        if (wanted.length > 0 && merges === "all" && mergedAreasFailed(error)) {
          // More merged areas than Excel returns at once: read without merges; the reader's
          // fallback rule recognises items over several rows.
          return this.loadNames(prefetch, "none");
        }
        if (wanted.length === 0 || !prefetchFailed(error, wanted, this.options.knownLarge)) throw error;
        return this.loadNames([]);
      }
      this.sheets.loaded(sheets.items.map((s) => s.name));
      this.options.onSheetNames?.(this.sheets.names!);
      wanted.forEach((name, i) => {
        const actual = this.sheets.resolve(name);
        if (actual === undefined) return;
        this.prefetched.set(actual, withMerges(usedGrid(actual, reads[i].used), reads[i].areas, merges));
      });
    }
    return [...this.sheets.names!];
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
    if (this.sheets.names === null && names.length === 1) {
      // One sheet asked for before the names are known (undo reading the log): try it directly.
      try {
        const grids = await this.queue.sync(() =>
          readUsedRanges(this.context, names, this.options.knownLarge, this.mergeMode()),
        );
        this.sheets.found(names[0]);
        return grids;
      } catch (error) {
        if (officeCodeOf(error) !== "ItemNotFound") throw error;
        this.sheets.notFound(names[0]);
        return [];
      }
    }
    // Several sheets asked for before the names are known (undo of a document): their used
    // ranges go with the names in one sync.
    if (this.sheets.names === null) await this.loadNames(names);
    else await this.sheetNames();
    const existing = [...new Set(names.map((n) => this.sheets.resolve(n)).filter((n): n is string => n !== undefined))];
    const grids =
      this.takePrefetched(existing) ??
      (await this.queue.sync(() => readUsedRanges(this.context, existing, this.options.knownLarge, this.mergeMode())));
    for (const g of grids) {
      this.grids.set(g.name, g);
      this.sheets.found(g.name);
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
    await this.queue.sync(() => this.context.sync());
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
    await this.queue.sync(() => this.context.sync());
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
    this.queue.needsSync();
    return result;
  }

  async writeCells(writes: readonly CellWrite[]): Promise<void> {
    return this.writeWithLog(writes, this.options.meta, "operation");
  }

  async writeLogged(writes: readonly CellWrite[], meta: OperationMeta): Promise<void> {
    return this.writeWithLog(writes, meta, "new");
  }

  /**
   * Writes cells as vertical runs, each with its log rows before it in the same batch: groups
   * under the budget are sent at once, the last goes with the next sync (write-queue.ts).
   */
  private async writeWithLog(writes: readonly CellWrite[], meta: OperationMeta, logId: LogId): Promise<void> {
    if (writes.length === 0) return;
    const complete = await this.withOldValues(writes);
    // Whether the log exists: known without the sheet names when this operation read it.
    const names =
      this.sheets.names === null && this.sheets.existsByReads(OPERATION_LOG_SHEET) ? null : await this.sheetNames();
    const base = this.logBase(meta, logId);
    const units = loggedRuns(complete, base);
    if (names !== null) this.ensureLog(names);
    await this.queue.write(units, (group) => queueLoggedRuns(this.context, group), { last: "queue", split: false });
  }

  /** 操作编号, time, operation name, user and undone operation of log rows. */
  private logBase(meta: OperationMeta, logId: LogId): LogBase {
    const id = logId === "new" ? this.options.newId() : (this.ownId ??= this.options.newId());
    return {
      id,
      time: localDateTime(this.options.now()),
      operation: metaLabel(meta),
      ...(meta.user ? { user: meta.user } : {}),
      ...(meta.undoes ? { undoes: meta.undoes } : {}),
    };
  }

  /** Queues the creation of the 操作日志 when the workbook (`names`) has none yet. */
  private ensureLog(names: readonly string[]): void {
    if (findSheetName(OPERATION_LOG_SHEET, names) !== undefined) return;
    this.queue.later(() => queueCreateLog(this.context), CREATE_LOG_BYTES);
    this.sheets.loaded([...names, OPERATION_LOG_SHEET]);
  }

  /** Queues one log entry about a whole sheet (events off, the log created when missing). */
  private queueSheetEntry(names: readonly string[], sheet: string, action: SheetAction, base: LogBase): void {
    const rows = officeLogRows([logRowCells(sheetEntry(base, sheet, action))]);
    this.queue.eventsOff();
    this.ensureLog(names);
    this.queue.later(() => queueLogRows(this.context, rows), logRowsBytes(rows));
  }

  async writeLayout(layout: SheetLayout, mode: LayoutMode): Promise<void> {
    const names = await this.sheetNames();
    const existing = findSheetName(layout.name, names);
    if (existing !== undefined && mode === "add") throw new Error(`工作表“${layout.name}”已存在`);
    const at = existing === undefined ? -1 : names.indexOf(existing);
    // The entry goes before the sheet in the same batch: a sheet that was drawn has its entry.
    const base = this.logBase(this.options.meta, "operation");
    this.queueSheetEntry(names, existing ?? layout.name, existing ? "replaced" : "created", base);
    const bytes = queueLayout(this.context, layout, {
      replaceAt: at >= 0 ? at : null,
      requirements: this.options.requirements,
      warnings: this.warnings,
    });
    this.queue.wrote(bytes);
    if (existing === undefined) this.sheets.added([layout.name]);
  }

  /**
   * Deletes a sheet (when it exists) and records a 删除整个工作表 entry, queued with the
   * operation's other writes. Whether it exists is known from this operation's reads (the
   * caller reads it first), so no sync is made for that.
   * @example await session.deleteSheet("通知单〔2021〕3号", { kind: "undo", undoes: id })
   */
  async deleteSheet(name: string, meta: OperationMeta): Promise<void> {
    const byReads = this.sheets.names === null ? this.sheets.existsByReads(name) : undefined;
    const all = byReads === undefined ? await this.sheetNames() : null;
    const actual = all === null ? (byReads ? name : undefined) : this.sheets.resolve(name);
    const logNames =
      all ?? (this.sheets.existsByReads(OPERATION_LOG_SHEET) ? [OPERATION_LOG_SHEET] : await this.sheetNames());
    this.queueSheetEntry(logNames, name, "deleted", this.logBase(meta, "new"));
    if (actual === undefined) return;
    this.queue.later(() => this.context.workbook.worksheets.getItem(actual).delete(), ACTION_OVERHEAD_BYTES);
    this.grids.delete(actual);
    this.sheets.deleted(actual);
  }

  /**
   * Makes the workbook match a setup plan (SetupTarget): one batch of reads, writes queued
   * for the end of the operation; features the host lacks are added to `warnings`.
   * @example await office.operation("refresh", (s) => runRefresh(s, s, today))
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
      sheetsAdded: (names) => this.sheets.added(names),
      cachedGrid: (name) => this.grids.get(name),
      read: (batches) => this.queue.sync(() => runBatches(this.context, batches)),
      write: (items, queueGroup) => this.queue.write(items, queueGroup, { last: "send", split: true }),
      later: (queue) => this.queue.later(queue, ACTION_OVERHEAD_BYTES),
      logBase: () => this.logBase(this.options.meta, "operation"),
    };
  }

  /** Sends queued writes (if any) in one sync. */
  async flush(): Promise<void> {
    await this.queue.flush();
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
    await this.queue.sync(() => this.context.sync());
    const found = new Map(missing.map((w, i) => [w, fromOfficeValue(loads[i].values[0][0])]));
    return writes.map((w) => (w.old === undefined ? { ...w, old: found.get(w) ?? EMPTY } : w));
  }
}
