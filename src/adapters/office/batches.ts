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
