import type Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

const MINUTE = 60;

/**
 * Failed sign-ins are counted three ways, so that guessing is slow but no stranger can lock
 * a chosen person out:
 * - per address and client together: 5 failures lock out that client for that address only;
 * - per client: 30 failures across addresses lock out that client (one machine trying many accounts);
 * - per address from every client: 50 failures in an hour (guessing from many machines) lock
 *   the address, but only for clients it has not signed in from lately: a known client with
 *   the right password still gets through.
 */
const LIMITS = {
  pair: { keyPrefix: "signin-pair", points: 5, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  client: { keyPrefix: "signin-ip", points: 30, duration: 15 * MINUTE, blockDuration: 15 * MINUTE },
  address: { keyPrefix: "signin-email", points: 50, duration: 60 * MINUTE, blockDuration: 15 * MINUTE },
  // A client that signed in as an address; remembered for 20 days (the memory store's timers stop at 24.8).
  known: { keyPrefix: "signin-known", points: 1, duration: 20 * 24 * 60 * MINUTE },
} as const;

/** Past this a Redis call counts as failed and the process's own counters answer. */
const REDIS_TIMEOUT_MS = 500;

/**
 * One count kept in Redis when the instances share one, falling back to this process's memory
 * while Redis is down or slow: sign-in keeps working (limited per process) rather than failing.
 */
class Counter {
  private readonly memory: RateLimiterMemory;
  private readonly shared: RateLimiterAbstract | null;

  constructor(options: { keyPrefix: string; points: number; duration: number; blockDuration?: number }, redis?: Redis) {
    this.memory = new RateLimiterMemory(options);
    this.shared = redis ? new RateLimiterRedis({ storeClient: redis, rejectIfRedisNotReady: true, ...options }) : null;
  }

  private async run<T>(op: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    if (!this.shared) return op(this.memory);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("Redis did not answer in time")), REDIS_TIMEOUT_MS);
    });
    try {
      return await Promise.race([op(this.shared), timeout]);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      return op(this.memory);
    } finally {
      clearTimeout(timer);
    }
  }

  get(key: string) {
    return this.run((l) => l.get(key));
  }

  async add(key: string) {
    await this.run((l) => l.penalty(key, 1)).catch(ignoreLimit);
  }

  async delete(key: string) {
    await this.run((l) => l.delete(key));
  }
}

export class SignInLimiter {
  private readonly pair: Counter;
  private readonly client: Counter;
  private readonly address: Counter;
  private readonly known: Counter;

  constructor(redis?: Redis) {
    this.pair = new Counter(LIMITS.pair, redis);
    this.client = new Counter(LIMITS.client, redis);
    this.address = new Counter(LIMITS.address, redis);
    this.known = new Counter(LIMITS.known, redis);
  }

  /** Minutes to wait before another try, or 0 when a try is allowed. */
  async minutesToWait(email: string, client: string): Promise<number> {
    const address = email.trim().toLowerCase();
    const [pair, ip, all, known] = await Promise.all([
      this.pair.get(pairKey(address, client)),
      this.client.get(client),
      this.address.get(address),
      this.known.get(pairKey(address, client)),
    ]);
    const checks: [RateLimiterRes | null, number][] = [
      [pair, LIMITS.pair.points],
      [ip, LIMITS.client.points],
    ];
    if (!known) checks.push([all, LIMITS.address.points]);
    let wait = 0;
    for (const [res, points] of checks) {
      if (res && res.consumedPoints >= points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 60_000));
    }
    return wait;
  }

  async recordFailure(email: string, client: string): Promise<void> {
    const address = email.trim().toLowerCase();
    await Promise.all([this.pair.add(pairKey(address, client)), this.client.add(client), this.address.add(address)]);
  }

  /** The right password from this client: its own failures for the address are forgotten, and it becomes known. */
  async recordSuccess(email: string, client: string): Promise<void> {
    const address = email.trim().toLowerCase();
    await Promise.all([this.pair.delete(pairKey(address, client)), this.known.add(pairKey(address, client))]);
  }
}

const pairKey = (address: string, client: string) => `${address}|${client}`;

function ignoreLimit(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
