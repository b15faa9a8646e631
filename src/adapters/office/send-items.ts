/**
 * Sending the writes of an operation now, in groups under the 4 MB budget, one sync each — and
 * when Excel refuses a group as too large anyway, splitting it in halves and sending each.
 *
 * Excel on the web refuses an oversize request with RequestPayloadSizeLimitExceeded (the
 * documented limit is 5 MB); older builds answer it with GeneralException ("an internal
 * error") instead (office-js issues 1012 and 1314). A refused request applied nothing, so it
 * can be sent again in parts. GeneralException also means other failures, after which part of
 * a batch may have run: it is only taken as "too large" for a group of more than one item that
 * is itself large (SPLIT_GENERAL_BYTES), where the size is the likely cause.
 */
import { OfficeFailure } from "./errors";
import { BATCH_BUDGET_BYTES, packBySize } from "./size";

/** A group of GeneralException is split only above this estimated size. */
export const SPLIT_GENERAL_BYTES = 1024 * 1024;

/** Something to send: its estimated request bytes, and what to check after its sync. */
export interface SendItem {
  readonly bytes: number;
  collect?(): void;
}

/** What sending needs from the operation: one framed sync of the commands `queue` queues. */
export interface Sender {
  send(queue: () => void): Promise<void>;
}

const REFUSED_AS_TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/**
 * True when a failed sync of a group of `bytes` was (most likely) refused for its size.
 * @example refusedForSize(new OfficeFailure("too-large", "RequestPayloadSizeLimitExceeded"), 100) // true
 * @example refusedForSize(new OfficeFailure("other", "GeneralException"), 100) // false (small: a real error)
 */
export function refusedForSize(error: unknown, bytes: number): boolean {
  const code = error instanceof OfficeFailure ? error.officeCode : (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return REFUSED_AS_TOO_LARGE.has(code) || (code === "GeneralException" && bytes >= SPLIT_GENERAL_BYTES);
}

/**
 * Sends items in groups under the budget (order kept), one sync each, running each item's
 * collect after its group's sync; a group refused as too large is sent again in two halves.
 * @example await sendItems(host, items, (group) => group.forEach((i) => i.queue()))
 */
export async function sendItems<T extends SendItem>(
  sender: Sender,
  items: readonly T[],
  queueGroup: (group: readonly T[]) => void,
): Promise<void> {
  const sendGroup = async (group: readonly T[]): Promise<void> => {
    const bytes = group.reduce((n, i) => n + i.bytes, 0);
    try {
      await sender.send(() => queueGroup(group));
    } catch (error) {
      if (group.length < 2 || !refusedForSize(error, bytes)) throw error;
      const half = Math.ceil(group.length / 2);
      await sendGroup(group.slice(0, half));
      return sendGroup(group.slice(half));
    }
    for (const item of group) item.collect?.();
  };
  const groups = packBySize(items, BATCH_BUDGET_BYTES);
  const step = async (i: number): Promise<void> => {
    if (i >= groups.length) return;
    await sendGroup(groups[i]);
    return step(i + 1);
  };
  return step(0);
}
