import { describe, expect, it } from "vitest";
import { ImportThreads } from "./import-threads";

/** A piece of work that ends when the test says so. */
function held<T>(value: T) {
  let release!: () => void;
  const done = new Promise<T>((resolve) => (release = () => resolve(value)));
  return { work: () => done, release };
}

describe("the cap on uploads read at once", () => {
  it("runs as many as there are threads, queues as many as may wait, and refuses the next at once", async () => {
    const threads = new ImportThreads({ running: 2, waiting: 1 });
    const [a, b, c] = [held("a"), held("b"), held("c")];
    const runs = [threads.run(a.work), threads.run(b.work), threads.run(c.work)];
    expect(threads.running).toBe(2);
    expect(threads.waiting).toBe(1);

    expect(await threads.run(held("d").work)).toEqual({ busy: true });

    a.release();
    b.release();
    c.release();
    expect(await Promise.all(runs)).toEqual([
      { busy: false, value: "a" },
      { busy: false, value: "b" },
      { busy: false, value: "c" },
    ]);
    expect(threads.running).toBe(0);
    expect(threads.waiting).toBe(0);
  });

  it("takes files again once a thread is free, and a failed file frees its thread", async () => {
    const threads = new ImportThreads({ running: 1, waiting: 0 });
    const first = held("first");
    const running = threads.run(first.work);
    expect(await threads.run(held("refused").work)).toEqual({ busy: true });
    first.release();
    await running;

    await expect(threads.run(() => Promise.reject(new Error("the thread failed")))).rejects.toThrow("the thread failed");
    expect(await threads.run(async () => "after")).toEqual({ busy: false, value: "after" });
  });
});
