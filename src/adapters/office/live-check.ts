/**
 * Live checking in Excel: the first ledger sheet's onChanged event collects the changed rows;
 * after a quiet moment (debounce) those rows are read in one batch and checked (src/app/live-check),
 * and the result goes to the task pane. The other ledger sheets (one per year) are watched too: a
 * change there is checked by reading the ledgers again, since the row patching follows one sheet. The add-in's own writes do not reach it — events are
 * off while they are sent, and changes during an operation of the add-in are ignored. Changes
 * from co-authors update the state but never ask the UI to open a dialog.
 */
import type { IsoDate } from "../../domain/cell";
import { sheetsToRead } from "../../app/registry";
import {
  checkChangedRows,
  startLiveState,
  type ChangeSource,
  type LiveCheckResult,
  type LiveState,
} from "../../app/live-check";
import type { OfficeWorkbook } from "./office-workbook";

/** What the task pane receives after each check. */
export interface LiveUpdate extends LiveCheckResult {
  readonly source: ChangeSource;
  /** False for co-authors' changes alone: the UI updates its list but opens nothing. */
  readonly mayOpenDialog: boolean;
}

export interface LiveCheckOptions {
  readonly today: () => IsoDate;
  readonly onUpdate: (update: LiveUpdate) => void;
  /** Called when a check fails (the registry vanished, Excel refused); the checker goes on. */
  readonly onError?: (error: unknown) => void;
  /** Quiet time before checking, in milliseconds (default 400). */
  readonly debounceMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  /** Unregisters the event handler (default: Excel.run on the handler's context). */
  readonly removeHandler?: (
    handle: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>,
  ) => Promise<void>;
}

/**
 * The ledger sheets to watch, the one whose rows are patched first.
 * @example watchedSheets(state) // ["2022年", "2021年"]
 */
export function watchedSheets(state: LiveState): string[] {
  const first = state.analysis.layout.sheetName;
  return [first, ...state.analysis.allLedgers.map((l) => l.layout.sheetName).filter((n) => n !== first)];
}

/** Structural changes shift rows: the remembered grid no longer matches, so all is read again. */
const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

/**
 * Rows an address covers ("B5" → 5…5, "A3:D7" → 3…7, "4:6" → 4…6, "C:C" → null = all).
 * @example rowsOfAddress("Sheet1!A3:D7") // { from: 3, to: 7 }
 */
export function rowsOfAddress(address: string): { from: number; to: number } | null {
  const plain = address.replace(/^.*!/, "").replace(/\$/g, "");
  const rows = plain.split(":").map((part) => /(\d+)$/.exec(part)?.[1]);
  if (rows.some((r) => r === undefined)) return null;
  const [a, b = a] = rows.map(Number);
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/**
 * Merges row spans into sorted, non-overlapping blocks (adjacent spans join).
 * @example mergeBlocks([{ from: 5, to: 5 }, { from: 6, to: 8 }, { from: 2, to: 2 }]) // [{ from: 2, to: 2 }, { from: 5, to: 8 }]
 */
export function mergeBlocks(spans: readonly { from: number; to: number }[]): { from: number; to: number }[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to + 1) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

export class LiveChecker {
  private state: LiveState | null = null;
  private handles: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
  private spans: { from: number; to: number }[] = [];
  private sources = new Set<Exclude<ChangeSource, "mixed">>();
  private needFull = false;
  private timer: unknown = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly office: OfficeWorkbook,
    private readonly options: LiveCheckOptions,
  ) {}

  /** The sheet being watched, once started. */
  get sheet(): string | null {
    return this.state?.analysis.layout.sheetName ?? null;
  }

  /**
   * Reads the registry, reports its issues (a full update) and starts listening: 3 syncs (names,
   * sheets, the handler's registration).
   * @example await new LiveChecker(office, { today, onUpdate }).start()
   */
  async start(): Promise<LiveUpdate | null> {
    const today = this.options.today();
    const state = await this.office.operation("check", async (session) => {
      const grids = await session.readSheets(sheetsToRead(await session.sheetNames()));
      const s = startLiveState(grids, today);
      if (s)
        this.handles = watchedSheets(s).map((sheet) =>
          session.onSheetChanged(sheet, (args) => this.onChanged(args, sheet)),
        );
      return s;
    });
    this.state = state;
    if (!state) return null;
    const update: LiveUpdate = {
      full: true,
      rows: state.analysis.items.map((i) => i.row),
      issues: state.analysis.issues,
      source: "local",
      mayOpenDialog: false,
    };
    this.options.onUpdate(update);
    return update;
  }

  /** Stops listening: the handlers of every watched sheet are removed in one request. */
  async stop(): Promise<void> {
    this.cancelTimer();
    const handles = this.handles;
    this.handles = [];
    if (handles.length === 0) return;
    if (this.options.removeHandler) {
      await Promise.all(handles.map((h) => this.options.removeHandler?.(h)));
      return;
    }
    await Excel.run(handles[0].context, async (context) => {
      for (const h of handles) h.remove();
      await context.sync();
    });
  }

  /** The onChanged handler: remember what changed and (re)start the quiet-time timer. */
  async onChanged(
    args: Pick<Excel.WorksheetChangedEventArgs, "address" | "source" | "changeType">,
    sheet: string | null = this.sheet,
  ): Promise<void> {
    // During an operation of the add-in, local changes are its own writes (events are off for
    // them anyway); co-authors' changes still count.
    if (this.office.busy && String(args.source) !== "Remote") return;
    const rows = rowsOfAddress(args.address);
    const elsewhere = sheet !== this.sheet;
    if (!rows || elsewhere || STRUCTURAL.has(String(args.changeType))) this.needFull = true;
    else this.spans.push(rows);
    this.sources.add(String(args.source) === "Remote" ? "remote" : "local");
    this.cancelTimer();
    const set = this.options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    this.timer = set(() => {
      this.timer = null;
      this.running = this.running.then(() => this.checkNow());
    }, this.options.debounceMs ?? 400);
  }

  /** Checks what changed since the last check (the timer calls this; tests may too). */
  async checkNow(): Promise<void> {
    const state = this.state;
    if (!state) return;
    const spans = mergeBlocks(this.spans);
    const full = this.needFull;
    const sources = new Set(this.sources);
    this.spans = [];
    this.needFull = false;
    this.sources.clear();
    if (spans.length === 0 && !full) return;
    try {
      const result = full ? await this.reread() : await this.readAndCheck(state, spans);
      if (!result) return;
      const source = sources.size > 1 ? "mixed" : sources.has("remote") ? "remote" : "local";
      this.options.onUpdate({ ...result, source, mayOpenDialog: source !== "remote" });
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private async readAndCheck(state: LiveState, spans: { from: number; to: number }[]): Promise<LiveCheckResult> {
    const layout = state.analysis.layout;
    const grid = state.grids.find((g) => g.name === layout.sheetName);
    const width = Math.max(layout.lastHeaderColumn, grid?.rows[layout.headerRow - 1]?.length ?? 0, 1);
    const updates = await this.office.operation("check", (session) => session.readRows(layout.sheetName, spans, width));
    return checkChangedRows(state, updates);
  }

  private async reread(): Promise<LiveCheckResult | null> {
    const today = this.options.today();
    const state = await this.office.operation("check", async (session) =>
      startLiveState(await session.readSheets(sheetsToRead(await session.sheetNames())), today),
    );
    this.state = state ?? this.state;
    if (!state) return null;
    return { full: true, rows: state.analysis.items.map((i) => i.row), issues: state.analysis.issues };
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    (this.options.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }
}
