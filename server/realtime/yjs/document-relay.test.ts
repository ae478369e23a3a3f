import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { createRedisRelay, type DocumentRelay, type RelayMessage } from "./document-relay";
import { TEST_REDIS_URL } from "../../../tests/support/test-redis";
import { waitFor } from "./test-support";

const open: { relays: DocumentRelay[]; connections: Redis[] } = { relays: [], connections: [] };
afterEach(async () => {
  for (const relay of open.relays.splice(0)) await relay.close();
  for (const connection of open.connections.splice(0)) connection.disconnect();
});

function relays(count: number) {
  const channelPrefix = `minuted-test:${randomUUID()}:`;
  const errors: string[] = [];
  const made = Array.from({ length: count }, () => {
    const redis = new Redis(TEST_REDIS_URL);
    open.connections.push(redis);
    const relay = createRedisRelay(redis, { channelPrefix, onError: (message) => errors.push(message) });
    open.relays.push(relay);
    return relay;
  });
  const raw = new Redis(TEST_REDIS_URL);
  open.connections.push(raw);
  return { made, errors, channelPrefix, raw };
}

describe("the Redis relay", () => {
  it("delivers a document's messages to the other instances that joined it, never back to the sender", async () => {
    const {
      made: [first, second, third],
    } = relays(3);
    const received: Record<string, RelayMessage[]> = { first: [], second: [], third: [] };
    await first.join("meeting:1", (message) => void received.first.push(message));
    await second.join("meeting:1", (message) => void received.second.push(message));
    await third.join("meeting:2", (message) => void received.third.push(message));
    first.publish("meeting:1", { kind: "update", update: Uint8Array.of(1, 2, 3) });
    first.publish("meeting:1", { kind: "hello", stateVector: Uint8Array.of(0) });
    await waitFor(() => received.second.length === 2, 2000, "both messages");
    expect(received.second).toEqual([
      { kind: "update", update: Uint8Array.of(1, 2, 3) },
      { kind: "hello", stateVector: Uint8Array.of(0) },
    ]);
    expect(received.first).toEqual([]);
    expect(received.third).toEqual([]);

    await second.leave("meeting:1");
    first.publish("meeting:1", { kind: "presence", update: Uint8Array.of(9) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.second).toHaveLength(2);
  });

  it("settles: waits for every other holder to finish, and gives up after the timeout", async () => {
    const {
      made: [asking, quick, slow],
    } = relays(3);
    const handled: string[] = [];
    await quick.join("report:1", async (message) => {
      if (message.kind === "settle") handled.push(`quick froze=${message.freeze}`);
    });
    await slow.join("report:1", async (message) => {
      if (message.kind !== "settle") return;
      await new Promise((resolve) => setTimeout(resolve, 150));
      handled.push("slow");
    });
    expect(await asking.settle("report:1", { freeze: true })).toEqual({ asked: 2, answered: 2 });
    expect(handled.sort()).toEqual(["quick froze=true", "slow"]);

    expect(await asking.settle("report:nobody-holds-it", { freeze: false })).toEqual({ asked: 0, answered: 0 });
    expect(await asking.settle("report:1", { freeze: false, timeoutMs: 50 })).toEqual({ asked: 2, answered: 1 });
  });

  it("reports an unreadable message on the channel and carries on", async () => {
    const {
      made: [first, second],
      errors,
      channelPrefix,
      raw,
    } = relays(2);
    const received: RelayMessage[] = [];
    await second.join("meeting:1", (message) => void received.push(message));
    await raw.publish(`${channelPrefix}doc:meeting:1`, Buffer.from([0xff, 0xff, 0xff]));
    first.publish("meeting:1", { kind: "update", update: Uint8Array.of(7) });
    await waitFor(() => received.length === 1, 2000, "the good message after the bad one");
    expect(errors).toEqual(["collab relay: unreadable message"]);
  });
});
