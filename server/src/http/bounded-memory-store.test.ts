import { describe, expect, it } from "vitest";
import { BoundedMemoryStore } from "./bounded-memory-store";

describe("BoundedMemoryStore (issue 17, item 6: bounded limiter memory)", () => {
  it("counts hits per key in fixed windows", () => {
    const clock = { now: 1_000_000 };
    const store = new BoundedMemoryStore(10, () => clock.now);
    store.init({ windowMs: 60_000 });
    expect([1, 2, 3].map(() => store.increment("a").totalHits)).toEqual([1, 2, 3]);
    expect(store.increment("b").totalHits).toBe(1);
    store.decrement("a");
    expect(store.get("a")?.totalHits).toBe(2);
    clock.now += 60_000;
    expect(store.get("a")).toBeUndefined();
    expect(store.increment("a")).toMatchObject({ totalHits: 1, resetTime: new Date(clock.now + 60_000) });
  });

  it("never remembers more than its ceiling, forgetting the oldest windows first", () => {
    const clock = { now: 0 };
    const store = new BoundedMemoryStore(1_000, () => clock.now);
    store.init({ windowMs: 60_000 });
    store.increment("victim");
    store.increment("victim");
    for (let i = 0; i < 5_000; i++) {
      clock.now++;
      store.increment(`junk-${i}`);
    }
    expect(store.size).toBe(1_000);
    expect(store.get("victim")).toBeUndefined();
    expect(store.get("junk-4999")?.totalHits).toBe(1);
    expect(store.get("junk-3999")).toBeUndefined();
  });

  it("drops expired windows before forgetting live ones", () => {
    const clock = { now: 0 };
    const store = new BoundedMemoryStore(3, () => clock.now);
    store.init({ windowMs: 1_000 });
    store.increment("old");
    clock.now = 500;
    store.increment("live-1");
    store.increment("live-2");
    clock.now = 1_200;
    store.increment("new");
    expect([store.get("old"), store.get("live-1")?.totalHits, store.get("new")?.totalHits]).toEqual([undefined, 1, 1]);
  });
});
