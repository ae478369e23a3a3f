import { describe, expect, it } from "vitest";
import { createBatchedLoader, createKeyedQueue } from "./keyed-tasks";

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
