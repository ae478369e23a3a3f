import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../app/routes/sign-in";
import { SYSTEM_ACTOR } from "../../server/audit";
import { SignInLimiter } from "../../server/auth/sign-in-limiter";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { freePort, startPrivateRedis } from "../support/private-redis";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
let privateRedis: Awaited<ReturnType<typeof startPrivateRedis>>;
const clients: Redis[] = [];

beforeAll(async () => {
  services = await createTestServices();
  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR);
  for (const email of ["chair@example.org", "clerk@example.org"]) {
    await addMember(services.db, { organisationId: org.id, email, role: "member", password: "the-right-password" }, SYSTEM_ACTOR);
  }
  privateRedis = await startPrivateRedis();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await privateRedis?.close();
  await services.cleanup();
});

/** A Redis client made as server/index.ts makes it. */
function redisClient(url: string) {
  const client = new Redis(url, { maxRetriesPerRequest: 3 });
  client.on("error", () => {}); // the test stops Redis on purpose
  clients.push(client);
  return client;
}

const signIn = (limiter: SignInLimiter, email: string, password: string, clientAddress: string) =>
  statusOf(
    action({
      request: formRequest("/sign-in", { email, password }),
      context: { ...loadContext({ ...services, signInLimiter: limiter }), clientAddress },
      params: {},
    }),
  );

describe("signing in while Redis is down", () => {
  it("keeps answering, and limiting, with each process's own counts; and uses Redis again once it is back", async () => {
    const redis = redisClient(privateRedis.url);
    const limiter = new SignInLimiter(redis);
    expect(await signIn(limiter, "chair@example.org", "the-right-password", "192.0.2.10")).toBe(302);
    expect(await signIn(limiter, "chair@example.org", "guess", "192.0.2.10")).toBe(400);
    expect((await redis.keys("signin-*")).length).toBeGreaterThan(0);

    await privateRedis.stop();
    for (let i = 0; i < 5; i++) expect(await signIn(limiter, "chair@example.org", "guess", "203.0.113.1")).toBe(400);
    expect(await signIn(limiter, "chair@example.org", "the-right-password", "203.0.113.1")).toBe(429);
    expect(await signIn(limiter, "chair@example.org", "the-right-password", "192.0.2.10")).toBe(302);

    await privateRedis.start();
    await new Promise<void>((resolve) => (redis.status === "ready" ? resolve() : redis.once("ready", () => resolve())));
    expect(await signIn(limiter, "clerk@example.org", "guess", "203.0.113.2")).toBe(400);
    expect(await redis.keys("signin-pair*")).toEqual(["signin-pair:clerk@example.org|203.0.113.2"]);
  }, 30_000);

  it("works with a Redis that never answered (a client pointed at a closed port)", async () => {
    const limiter = new SignInLimiter(redisClient(`redis://127.0.0.1:${await freePort()}`));
    for (let i = 0; i < 5; i++) expect(await signIn(limiter, "clerk@example.org", "guess", "203.0.113.3")).toBe(400);
    expect(await signIn(limiter, "clerk@example.org", "the-right-password", "203.0.113.3")).toBe(429);
    expect(await signIn(limiter, "clerk@example.org", "the-right-password", "192.0.2.11")).toBe(302);
  }, 30_000);
});
