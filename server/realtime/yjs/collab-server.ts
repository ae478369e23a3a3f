import type { IncomingMessage } from "node:http";
import * as Y from "yjs";
import type { Duplex } from "node:stream";
import { parseDocumentName, type CollabDocumentType } from "../../../app/shared/collab/document-names";
import { CLOSE_CODES } from "../../../app/shared/realtime-events";
import type { Database } from "../../../db/client";
import { CollabConnection, type ConnectionLimits } from "./collab-connection";
import { processResolvers, type DocumentResolver, type ResolverRegistry } from "./document-resolvers";
import { DocumentRegistry, type RegistryLimits } from "./document-registry";
import type { EditGuard } from "./loaded-document";
import type { DocumentRelay } from "./document-relay";
import { createPostgresStorage, type CollabStorage } from "./document-storage";
import { consoleLogger, type CollabLogger } from "./logger";
import type { CollabTokenSubject } from "./collab-token";
import { currentAccess, decideUpgrade, type UpgradeDecision } from "./upgrade-auth";
import { createWsTransport, pathOf, type TransportLimits } from "./ws-transport";
import type { LiveSessions } from "../live-sessions";

export type CollabLimits = TransportLimits &
  ConnectionLimits &
  RegistryLimits & {
    /** How often the access of open writing connections is checked again (a role lowered, a membership ended). */
    accessCheckMs: number;
  };

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  maxPayloadBytes: 1024 * 1024,
  maxDocumentBytes: 5 * 1024 * 1024,
  maxConnectionsPerDocument: 500,
  // The stock provider echoes every presence batch it receives (up to ~16 a second)
  // besides its own edits and caret: 100 a second with bursts of 300 leaves room.
  messagesPerSecond: 100,
  messageBurst: 300,
  maxQueuedMessages: 200,
  maxBufferedBytes: 16 * 1024 * 1024,
  heartbeatMs: 30_000,
  commitWindowMs: 50,
  commitMaxBatch: 100,
  compactLogRows: 500,
  compactLogBytes: 1024 * 1024,
  presenceWindowMs: 60,
  maxNestingDepth: 64,
  unloadDelayMs: 1000,
  accessCheckMs: 15_000,
};

export type CollabServerOptions = {
  db: Database;
  sessionSecret: string;
  publicUrl?: string;
  logger?: CollabLogger;
  limits?: Partial<CollabLimits>;
  /** Defaults to PostgreSQL (or PGlite) through `db`. */
  storage?: CollabStorage;
  /** Defaults to the process's registry, which the collab-tokens route also reads. */
  resolvers?: ResolverRegistry;
  /** Shares documents with the other instances (Redis); without it this process must be the only one. */
  relay?: DocumentRelay;
  /** Ends a connection opened with a session cookie when that session ends. */
  liveSessions?: LiveSessions;
};

export type CollabServer = ReturnType<typeof createCollabServer>;

/**
 * The server side of the y-websocket protocol on `/collab/<document>`: authorization
 * at the upgrade (upgrade-auth), sockets (ws-transport), documents in memory
 * (document-registry, loaded-document) and their storage (document-storage). Make
 * one per process and hand `handleUpgrade` to the HTTP server's upgrade router.
 */
export function createCollabServer(options: CollabServerOptions) {
  const limits: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...options.limits };
  const logger = options.logger ?? consoleLogger;
  const storage = options.storage ?? createPostgresStorage(options.db);
  const resolvers = options.resolvers ?? processResolvers;
  const guards = new Map<CollabDocumentType, EditGuard>();
  const registry = new DocumentRegistry(
    storage,
    limits,
    logger,
    (name) => {
      const type = parseDocumentName(name)?.type;
      return type ? (guards.get(type) ?? null) : null;
    },
    options.relay ?? null,
  );
  const transport = createWsTransport(limits, logger);
  const connections = new Set<CollabConnection>();
  const subjects = new WeakMap<CollabConnection, CollabTokenSubject>();
  const restarting = { code: CLOSE_CODES.serverRestarting, reason: "Server restarting" };
  let stopping: Promise<void> | null = null;

  const deps = { db: options.db, sessionSecret: options.sessionSecret, publicUrl: options.publicUrl, resolvers, storage };

  function open(ws: import("ws").WebSocket, request: IncomingMessage, decision: UpgradeDecision) {
    if (stopping) return ws.close(restarting.code, restarting.reason);
    if (!decision.ok) {
      logger.info("collab: connection refused", { path: pathOf(request), code: decision.code });
      return ws.close(decision.code, decision.reason);
    }
    const { document, identity, access, wantsAcknowledgements, organisationId, subject } = decision;
    const connection = new CollabConnection(ws, document.name, identity, access, wantsAcknowledgements, limits);
    connections.add(connection);
    subjects.set(connection, subject);
    connection.onClose(() => connections.delete(connection));
    if (decision.session && options.liveSessions) {
      const end = (message: string) => connection.close(CLOSE_CODES.unauthenticated, message);
      connection.onClose(options.liveSessions.hold(decision.session, end));
    }
    registry.attach(document.name, organisationId, connection).then(
      (result) => {
        if (result === "full")
          connection.close(CLOSE_CODES.rateLimited, "Too many people have this document open; try again later");
      },
      (error) => {
        logger.error("collab: document could not be loaded", { document: document.name, error: String(error) });
        connection.close(1011, "The document could not be loaded");
      },
    );
  }

  /**
   * Checks again what each writing connection's holder may do: a writer whose role was
   * lowered becomes a reader, one who left the organisation is closed with 4403. Readers
   * need no check: they can only lose the right to read, which the next connect refuses.
   * A document frozen by another instance is frozen here too, should the relay have lost
   * the message that said so.
   */
  async function checkAccess(): Promise<void> {
    const unfrozen = registry.documents().filter((document) => !document.isFrozen);
    for (const name of await storage.frozenAmong(unfrozen.map((document) => document.name))) registry.get(name)?.freeze();

    const seen = new Map<string, Promise<Awaited<ReturnType<typeof currentAccess>>>>();
    for (const connection of [...connections]) {
      const subject = subjects.get(connection);
      if (connection.closed || connection.access !== "write" || !subject) continue;
      const key = `${connection.documentName}|${subject.kind === "user" ? subject.userId : subject.tokenId}`;
      if (!seen.has(key)) seen.set(key, currentAccess(deps, connection.documentName, subject));
      const access = await seen.get(key)!;
      if (access === null) connection.close(CLOSE_CODES.forbidden, "You no longer have access to this document");
      else if (access === "read") registry.get(connection.documentName)?.makeReader(connection);
    }
  }
  /**
   * Without Redis the reader goes on with what the database holds (at most a group
   * commit behind), and a freeze reaches the others at their next access check.
   */
  async function settleElsewhere(name: string, freeze: boolean) {
    if (!options.relay) return;
    try {
      const { asked, answered } = await options.relay.settle(name, { freeze });
      if (answered < asked) logger.warn("collab: not every instance answered in time", { document: name, asked, answered });
    } catch (error) {
      logger.error("collab: could not reach the other instances", { document: name, error: String(error) });
    }
  }

  const accessTimer = setInterval(() => {
    checkAccess().catch((error) => logger.error("collab: access check failed", { error: String(error) }));
  }, limits.accessCheckMs);
  accessTimer.unref();

  return {
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      return transport.upgrade(
        request,
        socket,
        head,
        () => (stopping ? Promise.resolve<UpgradeDecision>({ ok: false, ...restarting }) : decideUpgrade(request, deps)),
        (ws, decision) => open(ws, request, decision),
      );
    },

    /**
     * Refuses new connections and edits, stores and compacts every document, then
     * closes every connection with 4503 "Server restarting". Idempotent.
     */
    shutdown(): Promise<void> {
      stopping ??= (async () => {
        clearInterval(accessTimer);
        await registry.storeAllForShutdown();
        for (const connection of connections) connection.close(restarting.code, restarting.reason);
        transport.closeAll(restarting.code, restarting.reason);
        await registry.unloadAll();
        transport.stop();
      })();
      return stopping;
    },

    /** Runs the periodic access check now (tests, and after a change of roles). */
    checkAccess,

    /**
     * From now on nobody writes the document; connected writers become readers, here
     * and on every other instance, each of which has stored what it held when this ends.
     */
    async freezeDocument(name: string): Promise<void> {
      const document = parseDocumentName(name);
      const owner = document ? await resolvers.resolve(options.db, document) : null;
      if (!document || !owner) throw new Error(`No shared document ${name} to freeze`);
      await storage.freeze(name, owner.organisationId, new Date());
      registry.get(name)?.freeze();
      await settleElsewhere(name, true);
    },

    /**
     * Once this ends, the database (or this process's copy, when it has the document
     * loaded) holds every edit other instances had applied to it: read it then.
     */
    settleDocument(name: string): Promise<void> {
      return settleElsewhere(name, false);
    },

    registerResolver<T extends CollabDocumentType>(type: T, resolver: DocumentResolver<T>): void {
      resolvers.register(type, resolver);
    },

    /** A rule every edit of a type of document must pass (documents loaded from now on). */
    registerEditGuard(type: CollabDocumentType, guard: EditGuard): void {
      guards.set(type, guard);
    },

    /** The document as this process holds it now, or null when it is not loaded here. */
    currentState(name: string): Uint8Array | null {
      const document = registry.get(name);
      return document ? Y.encodeStateAsUpdate(document.doc) : null;
    },

    stats() {
      return { ...registry.stats(), sockets: transport.socketCount };
    },

    /**
     * For tests of crash recovery: forgets every document without storing what waits
     * for its group commit, and drops sockets without a close frame, like kill -9.
     */
    simulateCrash() {
      stopping ??= Promise.resolve();
      clearInterval(accessTimer);
      registry.abandonAll();
      for (const connection of connections) connection.terminate();
      transport.stop();
    },
  };
}
