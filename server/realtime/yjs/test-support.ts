import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { collabUpdates } from "../../../db/schema/collab";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { exceptionDocumentName } from "../../../app/shared/collab/document-names";
import type { Role } from "../../../db/schema/identity";
import { indicators } from "../../../db/schema/performance";
import { TEST_REDIS_URL } from "../../../tests/support/test-redis";
import { cookieFor, createTestServices } from "../../../tests/support/test-services";
import { SYSTEM_ACTOR } from "../../audit";
import { createOrganisation } from "../../commands/organisation-creator";
import { addMember } from "../../commands/user-creator";
import { createHttpServer, type RunningHttpServer } from "../../http-server";
import { createCollabServer, type CollabLimits, type CollabServer } from "./collab-server";
import { createRedisRelay, type DocumentRelay } from "./document-relay";
import { createPostgresStorage, type CollabStorage } from "./document-storage";
import type { CollabLogger } from "./logger";

/** Tests fail on errors nobody expected: the logger keeps them for an assertion. */
export function recordingLogger() {
  const errors: string[] = [];
  const logger: CollabLogger = {
    info: () => {},
    warn: () => {},
    error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`),
  };
  return { logger, errors };
}

export type People = Record<Role | "outsider", { id: string; cookie: string }>;

/**
 * A real HTTP server on port 0 with the collab server on /collab/, a fresh database,
 * an organisation with one person per role and an indicator, and an outsider from
 * another organisation. `restartCollab` swaps in a new collab server on the same
 * database and HTTP server, as a restarted process would be. With `shared`, every
 * collab server relays through Redis (channels of this test server alone), and
 * `startInstance` adds another instance on the same database, as a second process.
 */
export async function startCollabTestServer(
  limits: Partial<CollabLimits> = {},
  options: {
    shared?: boolean;
    /** The Redis the instances share (default: the machine's, TEST_REDIS_URL); a fault test passes its own. */
    redisUrl?: string;
    storage?: (storage: CollabStorage) => CollabStorage;
  } = {},
) {
  const services = await createTestServices();
  const { logger, errors } = recordingLogger();
  const channelPrefix = `minuted-test:${randomUUID()}:`;
  const redisConnections: Redis[] = [];
  const relays: DocumentRelay[] = [];
  const newRelay = () => {
    if (!options.shared) return undefined;
    const redis = new Redis(options.redisUrl ?? TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
    // A fault test stops Redis: the relay reports what failed, the connection's own errors are noise.
    redis.on("error", () => {});
    redisConnections.push(redis);
    const relay = createRedisRelay(redis, {
      channelPrefix,
      onError: (message, error) => errors.push(`${message} ${String(error)}`),
    });
    relays.push(relay);
    return relay;
  };
  const make = (instanceLimits: Partial<CollabLimits> = limits) =>
    createCollabServer({
      db: services.db,
      sessionSecret: services.config.sessionSecret,
      logger,
      limits: instanceLimits,
      relay: newRelay(),
      storage: options.storage?.(createPostgresStorage(services.db)),
    });
  let collab: CollabServer = make();
  const http: RunningHttpServer = await createHttpServer(services, {
    withRemix: false,
    collabUpgrade: (request, socket, head) => collab.handleUpgrade(request, socket, head),
  });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  const instances: { collab: CollabServer; http: RunningHttpServer }[] = [];

  /** Another instance (collab server and HTTP server) on the same database and Redis. */
  async function startInstance(instanceLimits: Partial<CollabLimits> = limits) {
    const instance: { collab: CollabServer; http: RunningHttpServer } = {
      collab: make(instanceLimits),
      http: await createHttpServer(services, {
        withRemix: false,
        collabUpgrade: (request, socket, head) => instance.collab.handleUpgrade(request, socket, head),
      }),
    };
    instances.push(instance);
    await new Promise<void>((resolve) => instance.http.server.listen(0, "127.0.0.1", resolve));
    const instanceHost = `127.0.0.1:${(instance.http.server.address() as AddressInfo).port}`;
    return { collab: instance.collab, host: instanceHost, url: `ws://${instanceHost}/collab` };
  }

  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield Homes" }, SYSTEM_ACTOR);
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const people = {} as People;
  for (const role of ["admin", "officer", "member", "viewer"] as const) {
    const user = await addMember(
      services.db,
      { organisationId: org.id, email: `${role}@example.org`, name: `The ${role}`, role },
      SYSTEM_ACTOR,
    );
    people[role] = { id: user.id, cookie: await cookieFor(services, user.id) };
  }
  const outsider = await addMember(
    services.db,
    { organisationId: other.id, email: "outsider@example.org", role: "admin" },
    SYSTEM_ACTOR,
  );
  people.outsider = { id: outsider.id, cookie: await cookieFor(services, outsider.id) };

  let indicatorCount = 0;
  async function newIndicator(organisationId = org.id) {
    const [row] = await services.db
      .insert(indicators)
      .values({
        organisationId,
        code: `IND${++indicatorCount}`,
        title: "Rent collected",
        category: "Income",
        unit: "%",
        polarity: "higher",
        frequency: "monthly",
        aggregation: "ratio",
        // The officer manages every test indicator: exception commentaries are written by the indicator's manager.
        managerUserId: organisationId === org.id ? people.officer.id : null,
      })
      .returning({ id: indicators.id });
    return row.id;
  }
  /** A document name of its own for each test, so that tests do not share state. */
  const newDocument = async (organisationId = org.id) => exceptionDocumentName(await newIndicator(organisationId), "2025-04");

  return {
    services,
    org,
    other,
    people,
    errors,
    host,
    url: `ws://${host}/collab`,
    newDocument,
    get collab() {
      return collab;
    },
    startInstance,
    async restartCollab(how: "shutdown" | "crash" = "shutdown") {
      if (how === "crash") collab.simulateCrash();
      else await collab.shutdown();
      collab = make();
    },
    async close() {
      await collab.shutdown();
      for (const instance of instances) {
        await instance.collab.shutdown();
        await instance.http.close();
      }
      await http.close();
      for (const relay of relays) await relay.close();
      for (const redis of redisConnections) redis.disconnect();
      await services.cleanup();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startCollabTestServer>>;

/** A `ws` WebSocket class that sends a session cookie and an Origin, as a page would. */
export function webSocketWith(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/** The stock y-websocket provider, as a browser page would use it (in Node). */
export function stockProvider(
  server: Pick<TestServer, "host" | "url">,
  name: string,
  auth: { cookie?: string; token?: string },
  doc = new Y.Doc(),
  params: Record<string, string> = {},
) {
  const headers: Record<string, string> = { Origin: `http://${server.host}` };
  if (auth.cookie) headers.Cookie = auth.cookie;
  return new WebsocketProvider(server.url, name, doc, {
    WebSocketPolyfill: webSocketWith(headers) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: auth.token ? { ...params, token: auth.token } : params,
  });
}

/** The provider keeps an awareness timer alive after destroy(); both must go or vitest hangs. */
export function destroyProvider(provider: WebsocketProvider) {
  provider.destroy();
  provider.awareness.destroy();
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return within(timeoutMs, "sync", new Promise((resolve) => provider.once("sync", (synced: boolean) => synced && resolve())));
}

/** The close code and reason of the provider's first terminal close (44xx). */
export function whenClosed(provider: WebsocketProvider, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  return within(timeoutMs, "close", new Promise((resolve) => provider.once("closed", (event) => resolve(event))));
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition") {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function within<T>(timeoutMs: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs);
    }),
  ]);
}

/** A bare socket on a document, to send exactly the bytes a test wants. */
export async function rawClient(
  server: TestServer,
  name: string,
  auth: { cookie?: string; token?: string; origin?: string } = {},
) {
  const headers: Record<string, string> = { Origin: auth.origin ?? `http://${server.host}` };
  if (auth.cookie) headers.Cookie = auth.cookie;
  const query = auth.token ? `?token=${encodeURIComponent(auth.token)}` : "";
  const ws = new WebSocket(`${server.url}/${name}${query}`, { headers });
  const received: Uint8Array[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("message", (data) => received.push(new Uint8Array(data as Buffer)));
  ws.on("error", () => {});
  await new Promise<void>((resolve) => {
    ws.once("open", () => resolve());
    ws.once("close", () => resolve());
  });
  return { ws, received, closed, send: (bytes: Uint8Array) => ws.send(bytes) };
}

/** The document as the database holds it: snapshot plus log, read afresh. */
export async function storedDocument(server: TestServer, name: string): Promise<Y.Doc> {
  const stored = await createPostgresStorage(server.services.db).load(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** How many rows the document's log holds now (compaction empties it). */
export async function logRowsOf(server: TestServer, name: string): Promise<number> {
  const [row] = await server.services.db
    .select({ count: sql<number>`count(*)::int` })
    .from(collabUpdates)
    .where(eq(collabUpdates.documentName, name));
  return Number(row.count);
}
