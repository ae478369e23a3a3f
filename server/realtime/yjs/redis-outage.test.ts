import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startPrivateRedis } from "../../../tests/support/private-redis";
import {
  destroyProvider,
  startCollabTestServer,
  stockProvider,
  storedDocument,
  waitFor,
  whenSynced,
  type TestServer,
} from "./test-support";

/**
 * Two instances sharing documents through a Redis of this test's own, which it stops
 * and starts again (issue item 9, ADR 010): whatever was typed on either side while
 * Redis was down reaches the other side within seconds of its return, and the
 * database ends up with all of it.
 */
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let server: TestServer;
let second: Awaited<ReturnType<TestServer["startInstance"]>>;
beforeAll(async () => {
  redis = await startPrivateRedis();
  server = await startCollabTestServer({ unloadDelayMs: 20 }, { shared: true, redisUrl: redis.url });
  second = await server.startInstance();
});
afterAll(async () => {
  await server?.close();
  await redis?.close();
  // While Redis was down, or its connections were coming back, publishing and leaving a
  // document's channel failed and were reported; nothing else went wrong.
  const outageErrors = /^(collab relay: (publish failed|Redis subscriber error)|collab: leaving the relay failed)/;
  expect(server.errors.filter((error) => !outageErrors.test(error))).toEqual([]);
});

const itemsOf = (doc: Y.Doc) => doc.getArray<string>("typed").toArray();
const sorted = (items: string[]) => [...items].sort();

async function typeWhileDown(providers: { doc: Y.Doc; prefix: string }[], count: number) {
  for (let i = 0; i < count; i++) {
    for (const { doc, prefix } of providers) doc.getArray<string>("typed").push([`${prefix}${i}`]);
    if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a Redis outage", () => {
  it("brings both instances and their clients back in step once Redis returns, losing nothing", async () => {
    const name = await server.newDocument();
    const onFirst = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const onSecond = stockProvider(second, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(onFirst), whenSynced(onSecond)]);
    onFirst.doc.getArray<string>("typed").push(["before"]);
    await waitFor(() => itemsOf(onSecond.doc).includes("before"), 5000, "the relay working before the outage");

    await redis.stop();
    await typeWhileDown(
      [
        { doc: onFirst.doc, prefix: "a" },
        { doc: onSecond.doc, prefix: "b" },
      ],
      300,
    );
    onFirst.doc.getArray<string>("typed").delete(0, 1); // a deletion, which no state vector shows
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(itemsOf(onFirst.doc)).not.toContain("b299");
    expect(itemsOf(onSecond.doc)).not.toContain("a299");

    await redis.start();
    const expected = sorted([...Array.from({ length: 300 }, (_, i) => [`a${i}`, `b${i}`]).flat()]);
    await waitFor(
      () => sorted(itemsOf(onFirst.doc)).join() === expected.join() && sorted(itemsOf(onSecond.doc)).join() === expected.join(),
      10_000,
      "both clients with every edit of both sides",
    );
    expect(itemsOf(onFirst.doc)).toEqual(itemsOf(onSecond.doc));
    const replica = (state: Uint8Array | null) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state!);
      return itemsOf(doc);
    };
    expect(replica(server.collab.currentState(name))).toEqual(itemsOf(onFirst.doc));
    expect(replica(second.collab.currentState(name))).toEqual(itemsOf(onFirst.doc));

    // And the relay carries new edits again.
    onSecond.doc.getArray<string>("typed").push(["after"]);
    await waitFor(() => itemsOf(onFirst.doc).includes("after"), 5000, "an edit after the outage");
    destroyProvider(onFirst);
    destroyProvider(onSecond);
    await waitFor(
      async () => sorted(itemsOf(await storedDocument(server, name))).join() === sorted([...expected, "after"]).join(),
      10_000,
      "every edit in the database",
    );
  });

  it("gives the instance that kept the document what another stored and unloaded while Redis was down", async () => {
    const name = await server.newDocument();
    const onFirst = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const onSecond = stockProvider(second, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(onFirst), whenSynced(onSecond)]);

    await redis.stop();
    await typeWhileDown([{ doc: onFirst.doc, prefix: "a" }], 50);
    // Its last client leaves: the first instance stores, compacts and unloads the document.
    destroyProvider(onFirst);
    await waitFor(() => server.collab.currentState(name) === null, 5000, "the first instance unloading the document");
    await typeWhileDown([{ doc: onSecond.doc, prefix: "b" }], 50);

    await redis.start();
    const expected = sorted(Array.from({ length: 50 }, (_, i) => [`a${i}`, `b${i}`]).flat());
    await waitFor(() => sorted(itemsOf(onSecond.doc)).join() === expected.join(), 10_000, "the stored edits on the other side");
    destroyProvider(onSecond);
    await waitFor(() => second.collab.currentState(name) === null, 5000, "the second instance unloading the document");
    // The second instance's compaction kept what the first had compacted into the snapshot.
    expect(sorted(itemsOf(await storedDocument(server, name)))).toEqual(expected);
  });
});
