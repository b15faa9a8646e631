/**
 * The pane's state shared by its views: the ledger as last read, the operation running (one at
 * a time: a second start while one runs is refused), the last outcome, the current item (Excel's
 * selection, or the item clicked), and live checking.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { LedgerItem, LedgerSnapshot } from "../app/ledger-snapshot";
import type { LiveSummary } from "./live-summary";
import { failure } from "./outcomes";
import type { CellTarget, Outcome, PaneServices } from "./services";
import { OUTCOMES, STRINGS } from "./strings";

export interface CurrentRow {
  readonly sheet: string;
  readonly row: number;
}

export interface PaneState {
  readonly services: PaneServices;
  readonly ledger: LedgerSnapshot | null;
  /** Why the ledger could not be read (no registry, Excel refused …). */
  readonly loadError: Outcome | null;
  readonly loading: boolean;
  /** The name of the operation running, null when idle. */
  readonly busy: string | null;
  /** The outcome of the last operation (shown until dismissed or replaced). */
  readonly outcome: Outcome | null;
  readonly current: CurrentRow | null;
  readonly currentItem: LedgerItem | null;
  readonly live: LiveSummary | null;
  reload(): Promise<void>;
  /**
   * Runs an operation unless one is running (then returns null and says so), reads the ledger
   * again afterwards and reports the outcome.
   */
  perform(name: string, action: () => Promise<Outcome>): Promise<Outcome | null>;
  dismissOutcome(): void;
  /** Makes a row the current item and, in Excel, selects it (or the cell `col`). */
  show(target: CellTarget): void;
  setCurrent(row: CurrentRow | null): void;
}

/** The item at a row (any row of an item over several rows). */
export function itemAt(ledger: LedgerSnapshot | null, at: CurrentRow | null): LedgerItem | null {
  if (!ledger || !at) return null;
  return ledger.items.find((i) => i.sheet === at.sheet && at.row >= i.row && at.row <= i.lastRow) ?? null;
}

/** How long after a live-check update the ledger is read again (people type in bursts). */
const LIVE_RELOAD_MS = 1500;

export function usePane(services: PaneServices, onOutcome?: (outcome: Outcome) => void): PaneState {
  const { ledger, loadError, loading, reload } = useLedger(services);
  const [current, setCurrent] = useState<CurrentRow | null>(null);
  useEffect(() => services.followSelection?.((cell) => setCurrent(cell)), [services]);
  const { busy, outcome, setOutcome, perform, running } = useOperation(reload, onOutcome);
  const live = useLiveCheck(services, reload, running);

  const show = useCallback(
    (target: CellTarget) => {
      setCurrent({ sheet: target.sheet, row: target.row });
      void services.select?.(target).catch(() => undefined);
    },
    [services],
  );

  return {
    services,
    ledger,
    loadError,
    loading,
    busy,
    outcome,
    current,
    currentItem: itemAt(ledger, current),
    live,
    reload,
    perform,
    dismissOutcome: () => setOutcome(null),
    show,
    setCurrent,
  };
}

/** The ledger as last read (read once at the start), why it could not be read, and reading it again. */
function useLedger(services: PaneServices) {
  const [ledger, setLedger] = useState<LedgerSnapshot | null>(null);
  const [loadError, setLoadError] = useState<Outcome | null>(null);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setLedger(await services.load());
      setLoadError(null);
    } catch (error) {
      setLoadError(failure(OUTCOMES.failed.load, error));
    } finally {
      setLoading(false);
    }
  }, [services]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ledger, loadError, loading, reload };
}

/**
 * One operation at a time: the name of the one running (also in `running`, read by callbacks
 * without waiting for a render), the last outcome, and `perform`, which reads the ledger again
 * after each operation.
 */
function useOperation(reload: () => Promise<void>, onOutcome: ((outcome: Outcome) => void) | undefined) {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = useRef<string | null>(null);
  const notify = useRef(onOutcome);
  notify.current = onOutcome;

  const perform = useCallback(
    async (name: string, action: () => Promise<Outcome>) => {
      if (running.current !== null) {
        setOutcome({ tone: "warning", title: STRINGS.busy(running.current), lines: [] });
        return null;
      }
      running.current = name;
      setBusy(name);
      setOutcome(null);
      try {
        const result = await action();
        setOutcome(result);
        notify.current?.(result);
        await reload();
        return result;
      } finally {
        running.current = null;
        setBusy(null);
      }
    },
    [reload],
  );

  return { busy, outcome, setOutcome, perform, running };
}

/**
 * Live checking's latest summary; the ledger is read again a moment after people stop typing
 * (never while an operation runs).
 */
function useLiveCheck(
  services: PaneServices,
  reload: () => Promise<void>,
  running: { readonly current: string | null },
): LiveSummary | null {
  const [live, setLive] = useState<LiveSummary | null>(null);
  useEffect(() => {
    if (!services.watch) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let first = true;
    const stop = services.watch((summary) => {
      setLive(summary);
      // The first summary is live checking's own full read, made with the pane's first read.
      if (first) {
        first = false;
        return;
      }
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        if (running.current === null) void reload();
      }, LIVE_RELOAD_MS);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      stop();
    };
  }, [services, reload, running]);
  return live;
}
