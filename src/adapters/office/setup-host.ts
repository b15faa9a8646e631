/**
 * What applying a setup plan needs from the operation it runs in: the request context, the
 * host's requirement sets, the operation's reads and write batches (events off around them)
 * and its 操作日志 identity. OfficeSession provides it; apply-plan.ts and setup-write.ts use it.
 */
import type { SheetGrid } from "../../domain/cell";
import type { LogBase } from "../../domain/operation-log";
import type { Batch } from "./batches";
import type { RequirementChecker } from "./requirements";
import type { WriteItem } from "./write-queue";

/** What applying a plan needs from the operation it runs in (OfficeSession provides it). */
export interface SetupHost {
  readonly context: Excel.RequestContext;
  readonly requirements: RequirementChecker;
  /** Messages for the person (features the host lacks). */
  readonly warnings: string[];
  /** Worksheet names (one sync when the operation does not know them yet). */
  sheetNames(): Promise<string[]>;
  /** Records sheets that queued commands create. */
  sheetsAdded(names: readonly string[]): void;
  /** The grid of a sheet as this operation read it, if it did (for size estimates). */
  cachedGrid(name: string): SheetGrid | undefined;
  /** Runs read batches, one sync each (queued writes go with the first). */
  read(batches: readonly Batch[]): Promise<void>;
  /**
   * Sends writes now, in groups under the request budget, one sync each (events off around
   * them; a group refused as too large split and sent again); each item's collect runs after
   * its group's sync (write-queue.ts).
   */
  write<T extends WriteItem>(items: readonly T[], queueGroup: (group: readonly T[]) => void): Promise<void>;
  /** Queues commands (events off around them) that go with the end of the operation. */
  later(queue: () => void): void;
  /** 操作编号, time, operation name and user of this operation's log rows. */
  logBase(): LogBase;
}
