/**
 * The unsent batch of one operation. Writes are queued and go with the next sync — a read, or
 * the end of the operation — so an operation that reads and then writes costs one round trip
 * per read plus one. Every batch that writes is framed by `enableEvents = false … true`, so the
 * add-in's own writes fire no change events.
 *
 * Writes larger than one batch are packed into groups under the 4 MB budget (size.ts) by one
 * algorithm (`write`): the queued batch is sent first when the writes would not fit beside it,
 * every group but the last is sent at once, one sync each, and the last is queued with the
 * operation's other writes — or sent too, when the caller checks what it did after the sync.
 *
 * A group refused as too large can be split in halves and sent again (`split`). Excel on the web
 * refuses an oversize request with RequestPayloadSizeLimitExceeded (the documented limit is
 * 5 MB); older builds answer it with GeneralException ("an internal error", office-js issues
 * 1012 and 1314). A refused request applied nothing, so it can be sent again in parts.
 * GeneralException also means other failures, after which part of a batch may have run: it is
 * only taken as "too large" for a group of more than one item that is itself large
 * (SPLIT_GENERAL_BYTES), where the size is the likely cause.
 */
import { officeCodeOf, toOfficeFailure } from "./errors";
import { BATCH_BUDGET_BYTES, isPayloadTooLarge, packBySize } from "./size";

/** A group of GeneralException is split only above this estimated size. */
export const SPLIT_GENERAL_BYTES = 1024 * 1024;

/** Something to write: its estimated request bytes, and what to check after its sync. */
export interface WriteItem {
  readonly bytes: number;
  collect?(): void;
}

/** How `write` treats the last group and a group Excel refuses. */
export interface WriteOptions {
  /** "queue": the last group goes with the next sync; "send": it is sent now, and collected. */
  readonly last: "queue" | "send";
  /** Split a group refused as too large in halves and send each (else the failure is thrown). */
  readonly split: boolean;
}

/**
 * True when a failed sync of a group of `bytes` was (most likely) refused for its size.
 * @example refusedForSize(new OfficeFailure("too-large", "RequestPayloadSizeLimitExceeded"), 100) // true
 * @example refusedForSize(new OfficeFailure("other", "GeneralException"), 100) // false (small: a real error)
 */
export function refusedForSize(error: unknown, bytes: number): boolean {
  return isPayloadTooLarge(error) || (officeCodeOf(error) === "GeneralException" && bytes >= SPLIT_GENERAL_BYTES);
}

const sum = (items: readonly { readonly bytes: number }[]): number => items.reduce((n, i) => n + i.bytes, 0);

export class WriteQueue {
  /** True when commands wait for the next sync. */
  private pending = false;
  /** Estimated bytes of queued, unsent writes. */
  private bytes = 0;
  /** True when `enableEvents = false` is queued in the unsent batch. */
  private eventsOffQueued = false;
  /** True when a batch that switched events off may have failed before switching them on. */
  eventsMayBeOff = false;

  /** `onWrite` is told whenever a write is queued (the session drops what it read before). */
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly onWrite: () => void = () => undefined,
  ) {}

  /** True when commands wait for the next sync. */
  get hasPending(): boolean {
    return this.pending;
  }

  /** Queues events off, once per unsent batch: the batch now carries writes. */
  eventsOff(): void {
    this.onWrite();
    if (this.eventsOffQueued) return;
    this.context.runtime.enableEvents = false;
    this.eventsOffQueued = true;
    this.pending = true;
  }

  /** Counts writes just queued (estimated request bytes). */
  wrote(bytes: number): void {
    this.onWrite();
    this.pending = true;
    this.bytes += bytes;
  }

  /** Notes a command that is no write but needs a sync (an event handler's registration). */
  needsSync(): void {
    this.pending = true;
  }

  /** Queues writes for the next sync, events off around them. */
  later(queue: () => void, bytes: number): void {
    this.eventsOff();
    queue();
    this.wrote(bytes);
  }

  /**
   * Runs a step that syncs: queued writes go with it, framed by events on; a failure while
   * writes were queued may leave events off (the operation switches them back on). Office
   * errors are thrown as OfficeFailure.
   */
  async sync<T>(step: () => Promise<T>, writes = false): Promise<T> {
    const carriesWrites = writes || this.eventsOffQueued;
    this.eventsOn();
    this.pending = false;
    this.bytes = 0;
    try {
      return await step();
    } catch (error) {
      if (carriesWrites) this.eventsMayBeOff = true;
      throw toOfficeFailure(error);
    }
  }

  /** Sends the queued batch (if any) in one sync. */
  async flush(): Promise<void> {
    if (!this.pending) return;
    await this.sync(() => this.context.sync());
  }

  /** Sends the queued batch and the writes `queue` queues now, in one sync, events off around them. */
  async sendNow(queue: () => void): Promise<void> {
    this.eventsOff();
    queue();
    await this.sync(() => this.context.sync(), true);
  }

  /**
   * Writes items in groups under the budget, order kept: the queued batch first when the items
   * would not fit beside it, then every group but the last now (one sync each, each item's
   * collect after its group's sync), the last queued or sent as `options.last` says.
   * `queueGroup` queues the writes of a group (events off is queued around them here).
   * @example await queue.write(units, (group) => queueRuns(group), { last: "queue", split: false })
   */
  async write<T extends WriteItem>(
    items: readonly T[],
    queueGroup: (group: readonly T[]) => void,
    options: WriteOptions,
  ): Promise<void> {
    if (items.length === 0) return;
    if (this.pending && this.bytes + sum(items) > BATCH_BUDGET_BYTES) await this.flush();
    const groups = packBySize(items, BATCH_BUDGET_BYTES);
    const last = options.last === "queue" ? groups.pop()! : null;
    const sendGroup = async (group: readonly T[]): Promise<void> => {
      try {
        await this.sendNow(() => queueGroup(group));
      } catch (error) {
        if (!options.split || group.length < 2 || !refusedForSize(error, sum(group))) throw error;
        const half = Math.ceil(group.length / 2);
        await sendGroup(group.slice(0, half));
        return sendGroup(group.slice(half));
      }
      for (const item of group) item.collect?.();
    };
    const step = async (i: number): Promise<void> => {
      if (i >= groups.length) return;
      await sendGroup(groups[i]);
      return step(i + 1);
    };
    await step(0);
    if (last !== null) this.later(() => queueGroup(last), sum(last));
  }

  /** Queues events back on when the unsent batch switched them off. */
  private eventsOn(): void {
    if (!this.eventsOffQueued) return;
    this.context.runtime.enableEvents = true;
    this.eventsOffQueued = false;
  }
}
