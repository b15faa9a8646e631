import { batchOf, readItem } from "../../../src/adapters/office/batches";

describe("read items: a load queued, its answer collected after the one sync", () => {
  it("collects what its own queue loaded, with its bytes", () => {
    const seen: string[] = [];
    let answer = "before";
    const item = readItem(400, () => {
      seen.push("queued");
      const loaded = { value: () => answer };
      return () => seen.push(`collected ${loaded.value()}`);
    });
    expect(item.bytes).toBe(400);
    item.queue();
    answer = "after the sync";
    item.collect();
    expect(seen).toEqual(["queued", "collected after the sync"]);
  });

  it("a batch of items queues them all before collecting any, in order", () => {
    const seen: string[] = [];
    const item = (name: string) =>
      readItem(1, () => {
        seen.push(`queue ${name}`);
        return () => seen.push(`collect ${name}`);
      });
    const batch = batchOf([item("a"), item("b")]);
    batch.queue();
    batch.collect?.();
    expect(seen).toEqual(["queue a", "queue b", "collect a", "collect b"]);
  });
});
