import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createBatchedLoader,
  createGatheredLookup,
  createGatheringQueue,
  createGatheringTimers,
  createKeyedQueue,
} from "./keyed-tasks";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("createKeyedQueue", () => {
  it("runs one key's tasks in order, other keys alongside, and carries on after a failure", async () => {
    const inOrder = createKeyedQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
      };
    const a1 = inOrder("a", task("a1", true));
    const a2 = inOrder("a", task("a2"));
    const b1 = inOrder("b", task("b1"));
    await expect(a1).rejects.toThrow("a1");
    await Promise.all([a2, b1]);
    expect(log.indexOf("end a1")).toBeLessThan(log.indexOf("start a2"));
    expect(log.indexOf("start b1")).toBeLessThan(log.indexOf("end a1"));
  });
});

describe("createBatchedLoader", () => {
  it("serves everyone who asks during a load with one load started after it", async () => {
    let loads = 0;
    const load = createBatchedLoader(async (key: string) => {
      const n = ++loads;
      await tick();
      return `${key}:${n}`;
    });
    const first = load("m");
    const during = [load("m"), load("m"), load("m")];
    expect(await first).toBe("m:1");
    expect(await Promise.all(during)).toEqual(["m:2", "m:2", "m:2"]);
    expect(await load("m")).toBe("m:3");
    expect(loads).toBe(3);
  });
});

describe("createGatheredLookup", () => {
  it("looks up the first id at once and everyone asking meanwhile in one lookup after it, per group", async () => {
    const lookups: string[][] = [];
    const lookup = createGatheredLookup(async (group: string, ids: string[]) => {
      lookups.push([group, ...ids]);
      await tick();
      return new Map(ids.filter((id) => id !== "nobody").map((id) => [id, `${group}:${id}`]));
    });
    const first = lookup("m", "a");
    const during = [lookup("m", "b"), lookup("m", "c"), lookup("m", "b"), lookup("m", "nobody"), lookup("other", "d")];
    expect(await first).toBe("m:a");
    expect(await Promise.all(during)).toEqual(["m:b", "m:c", "m:b", undefined, "other:d"]);
    expect(lookups).toEqual([
      ["m", "a"],
      ["other", "d"],
      ["m", "b", "c", "nobody"],
    ]);
  });

  it("gives a failed lookup's error to everyone in it, and the next lookup runs", async () => {
    let fail = true;
    const lookup = createGatheredLookup(async (_: string, ids: string[]) => {
      await tick();
      if (fail) throw new Error("database down");
      return new Map(ids.map((id) => [id, id]));
    });
    const first = lookup("g", "a");
    const during = lookup("g", "b");
    await expect(first).rejects.toThrow("database down");
    fail = false;
    expect(await during).toBe("b");
    expect(await lookup("g", "c")).toBe("c");
  });
});

describe("createGatheringQueue", () => {
  it("gathers items while the key's earlier task runs and does them in one task, in the queue's order", async () => {
    const inOrder = createKeyedQueue();
    const log: string[] = [];
    const add = createGatheringQueue(inOrder, async (key: string, items: string[]) => {
      log.push(`${key}: ${items.join(" ")}`);
      await tick();
      return items.length;
    });
    const earlier = inOrder("m", async () => {
      log.push("earlier");
      await tick();
    });
    const batch = [add("m", "a"), add("m", "b"), add("m", "c")];
    const other = add("n", "x");
    await earlier;
    const later = inOrder("m", async () => void log.push("later"));
    expect(await Promise.all(batch)).toEqual([3, 3, 3]);
    expect(await other).toBe(1);
    await later;
    expect(log.filter((l) => l.startsWith("m") || l === "earlier" || l === "later")).toEqual(["earlier", "m: a b c", "later"]);
    // Added once that task has started: gathered into the next.
    expect(await add("m", "d")).toBe(1);
  });
});

describe("createGatheringTimers", () => {
  afterEach(() => vi.useRealTimers());

  it("calls back once per gathering, and not sooner than the interval after the previous call back", () => {
    vi.useFakeTimers();
    const timers = createGatheringTimers();
    const calls: number[] = [];
    const changed = () => timers.changed("m", { gatherMs: 100, intervalMs: 1000 }, () => calls.push(Date.now()));
    const start = Date.now();
    changed();
    changed();
    vi.advanceTimersByTime(99);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([start + 100]);
    // Changes keep coming: the next call back waits for the interval, then one for all of them.
    changed();
    vi.advanceTimersByTime(500);
    changed();
    vi.advanceTimersByTime(499);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([start + 100, start + 1100]);
    // After a quiet spell longer than the interval, a change waits only for the gathering.
    vi.advanceTimersByTime(5000);
    changed();
    vi.advanceTimersByTime(100);
    expect(calls).toEqual([start + 100, start + 1100, start + 6200]);
  });

  it("forgets a key's last call back, and cancels everything pending", () => {
    vi.useFakeTimers();
    const timers = createGatheringTimers();
    const calls: string[] = [];
    const changed = (key: string) => timers.changed(key, { gatherMs: 10, intervalMs: 1000 }, () => calls.push(key));
    changed("a");
    vi.advanceTimersByTime(10);
    timers.forget("a");
    changed("a");
    vi.advanceTimersByTime(10);
    expect(calls).toEqual(["a", "a"]);
    changed("a");
    changed("b");
    timers.cancelAll();
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(["a", "a"]);
  });
});
