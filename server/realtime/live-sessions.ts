import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import type { Database } from "../../db/client";
import { findLiveSessionIds } from "../auth/sessions";

/** What a connection ended with its session is told (a socket.io notice, a collab close reason). */
export const SESSION_ENDED_MESSAGE = "Your session has ended (signed out, or the password was changed): sign in again";

export type HeldSession = { sessionId: string; userId: string; expiresAt: Date };

export type LiveSessionsOptions = {
  /** With Redis, an ending reaches every instance through `channel`. */
  redis?: Redis | null;
  channel?: string;
  /** How often every held session is checked against the database: the backstop for endings nobody reported, and expiry. */
  recheckMs?: number;
  logger?: { error(message: string, error?: unknown): void };
};

export const DEFAULT_SESSION_CHANNEL = "minuted:sessions-ended";
const DEFAULT_RECHECK_MS = 60_000;
/** Ids per query of the re-check. */
const RECHECK_CHUNK = 1000;

const endedMessageSchema = z.object({
  from: z.string(),
  sessionIds: z.array(z.string()).optional(),
  userId: z.string().optional(),
});

type Holder = HeldSession & { end(message: string): void };

/**
 * The open connections of this process (socket.io sockets, collab websockets), by the
 * session they were opened with. When sessions end (sign-out, password reset or
 * change, expiry) their connections end too, here and, through Redis, on every other
 * instance: a connection never outlives the session that authenticated it by more
 * than the re-check interval, and by nothing at all when the ending was reported.
 */
export class LiveSessions {
  private readonly bySession = new Map<string, Set<Holder>>();
  private readonly byUser = new Map<string, Set<Holder>>();
  /**
   * Sessions ended lately, by when: a connection whose handshake read its session just
   * before the sign-out is registered just after it, and must end too.
   */
  private readonly recentlyEnded = new Map<string, number>();
  private readonly recheckMs: number;
  private readonly instanceId = randomUUID();
  private readonly channel: string;
  private readonly logger: NonNullable<LiveSessionsOptions["logger"]>;
  private readonly timer: NodeJS.Timeout;
  private subscriber: Redis | null = null;

  constructor(
    private readonly db: Database,
    private readonly options: LiveSessionsOptions = {},
  ) {
    this.channel = options.channel ?? DEFAULT_SESSION_CHANNEL;
    this.logger = options.logger ?? { error: (message, error) => console.error(message, error) };
    this.recheckMs = options.recheckMs ?? DEFAULT_RECHECK_MS;
    this.timer = setInterval(() => void this.recheck(), this.recheckMs);
    this.timer.unref();
  }

  /** With Redis: starts hearing the endings other instances report. */
  async listen(): Promise<void> {
    if (!this.options.redis || this.subscriber) return;
    const subscriber = this.options.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on("error", (error) => this.logger.error("live sessions: Redis subscriber", error));
    subscriber.on("message", (channel: string, raw: string) => {
      if (channel !== this.channel) return;
      let message: z.infer<typeof endedMessageSchema>;
      try {
        message = endedMessageSchema.parse(JSON.parse(raw));
      } catch (error) {
        return this.logger.error("live sessions: unreadable message", error);
      }
      if (message.from === this.instanceId) return;
      if (message.sessionIds) this.endHere(message.sessionIds);
      if (message.userId) void this.recheckUser(message.userId);
    });
    try {
      await subscriber.subscribe(this.channel);
    } catch (error) {
      // Redis down at start: endings elsewhere reach this instance through the re-check until it is back.
      this.logger.error("live sessions: could not subscribe", error);
    }
  }

  /** A connection opened with that session; `end` closes it. Answers the way to forget it (when it closes). */
  hold(session: HeldSession, end: (message: string) => void): () => void {
    const holder: Holder = { ...session, end };
    add(this.bySession, session.sessionId, holder);
    add(this.byUser, session.userId, holder);
    // Ended after its handshake read it: end it as soon as the caller has finished opening it.
    if (this.recentlyEnded.has(session.sessionId)) setImmediate(() => this.endHere([session.sessionId]));
    return () => this.forget(holder);
  }

  /** These sessions were deleted: their connections end here and on every instance. */
  async ended(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    this.endHere(sessionIds);
    await this.publish({ sessionIds });
  }

  /**
   * Some of this person's sessions were deleted (a password reset or change): each
   * instance ends their connections whose session is no longer in the database.
   */
  async userSessionsEnded(userId: string): Promise<void> {
    await Promise.all([this.recheckUser(userId), this.publish({ userId })]);
  }

  /** Ends the connections of sessions that expired or are no longer in the database. Failures are logged. */
  async recheck(): Promise<void> {
    const forgetBefore = performance.now() - this.recheckMs;
    for (const [id, at] of this.recentlyEnded) if (at < forgetBefore) this.recentlyEnded.delete(id);
    await this.endUnless([...this.bySession.keys()]);
  }

  /** Connections held, for tests and stats. */
  get size(): number {
    let count = 0;
    for (const holders of this.bySession.values()) count += holders.size;
    return count;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    const subscriber = this.subscriber;
    this.subscriber = null;
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  private async recheckUser(userId: string): Promise<void> {
    const holders = this.byUser.get(userId);
    if (holders) await this.endUnless([...new Set([...holders].map((h) => h.sessionId))]);
  }

  /** Ends the connections of those of `sessionIds` that are not live; keeps all of them when the database cannot say. */
  private async endUnless(sessionIds: string[]): Promise<void> {
    const now = new Date();
    const expired = sessionIds.filter((id) => [...(this.bySession.get(id) ?? [])].some((h) => h.expiresAt <= now));
    this.endHere(expired);
    const toAsk = sessionIds.filter((id) => !expired.includes(id));
    for (let start = 0; start < toAsk.length; start += RECHECK_CHUNK) {
      const chunk = toAsk.slice(start, start + RECHECK_CHUNK);
      try {
        const live = await findLiveSessionIds(this.db, chunk, now);
        this.endHere(chunk.filter((id) => !live.has(id)));
      } catch (error) {
        // A database outage is not a sign-out: everyone stays connected.
        this.logger.error("live sessions: re-check failed", error);
        return;
      }
    }
  }

  private endHere(sessionIds: string[]) {
    for (const id of sessionIds) {
      this.recentlyEnded.set(id, performance.now());
      for (const holder of [...(this.bySession.get(id) ?? [])]) {
        this.forget(holder);
        try {
          holder.end(SESSION_ENDED_MESSAGE);
        } catch (error) {
          this.logger.error("live sessions: closing a connection failed", error);
        }
      }
    }
  }

  private forget(holder: Holder) {
    remove(this.bySession, holder.sessionId, holder);
    remove(this.byUser, holder.userId, holder);
  }

  private async publish(message: { sessionIds?: string[]; userId?: string }) {
    if (!this.options.redis) return;
    try {
      await this.options.redis.publish(this.channel, JSON.stringify({ from: this.instanceId, ...message }));
    } catch (error) {
      // The re-check ends them there later.
      this.logger.error("live sessions: could not tell the other instances", error);
    }
  }
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function remove<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
