/**
 * The one place where the adapter syncs more than once in a row: a precomputed list of
 * batches, each queued and then sent with one `context.sync()`. Batches exist only to stay
 * under Excel on the web's 5 MB limit, so their number is fixed before the first one is sent
 * (it is bounded by the data's size over the 4 MB budget). Written as recursion over the list
 * so that no sync sits inside a loop body.
 */

/** One round trip: queue its commands, then (after the sync) read what it loaded. */
export interface Batch {
  queue(): void;
  collect?(): void;
}

/**
 * A piece of a batch with its estimated bytes (a write's request, a read's answer), so pieces
 * can be packed into batches under the budget.
 */
export interface SizedBatch extends Batch {
  readonly bytes: number;
}

/** One queued load with its estimated response size; what it loaded is collected after the sync. */
export interface ReadItem extends SizedBatch {
  collect(): void;
}

/**
 * A read item from `load`, which queues the load (nothing is sent) and returns what to do with
 * the answer once the batch's sync is done.
 * @example readItem(400, () => { const r = sheet.getRange("A1").load("values"); return () => use(r.values); })
 */
export function readItem(bytes: number, load: () => () => void): ReadItem {
  let collect: () => void = () => undefined;
  return {
    bytes,
    queue: () => {
      collect = load();
    },
    collect: () => collect(),
  };
}

/**
 * One batch of several read items: queued together, collected together after its sync.
 * @example batchOf([namesItem, formatsItem]) // { queue, collect }
 */
export function batchOf(items: readonly ReadItem[]): Batch {
  return { queue: () => items.forEach((i) => i.queue()), collect: () => items.forEach((i) => i.collect()) };
}

/**
 * Runs the batches in order, one sync each, and resolves after the last one's collect.
 * @example await runBatches(context, [{ queue: () => (range.values = rows) }])
 */
export async function runBatches(context: Excel.RequestContext, batches: readonly Batch[]): Promise<void> {
  const step = async (i: number): Promise<void> => {
    if (i >= batches.length) return;
    batches[i].queue();
    await context.sync();
    batches[i].collect?.();
    return step(i + 1);
  };
  return step(0);
}
