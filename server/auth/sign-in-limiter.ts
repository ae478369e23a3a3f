import type Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Failed sign-ins are limited per email address (guessing one person's password)
 * and per client address (trying many accounts). Shared through Redis when the
 * instances share one; otherwise each process counts its own.
 */
export class SignInLimiter {
  private readonly perAddress: RateLimiterAbstract;
  private readonly perClient: RateLimiterAbstract;

  constructor(redis?: Redis) {
    const perAddress = { keyPrefix: "signin-email", points: 5, duration: 15 * 60, blockDuration: 15 * 60 };
    const perClient = { keyPrefix: "signin-ip", points: 30, duration: 15 * 60, blockDuration: 15 * 60 };
    this.perAddress = redis ? new RateLimiterRedis({ storeClient: redis, ...perAddress }) : new RateLimiterMemory(perAddress);
    this.perClient = redis ? new RateLimiterRedis({ storeClient: redis, ...perClient }) : new RateLimiterMemory(perClient);
  }

  /** Minutes to wait before another try, or 0 when a try is allowed. */
  async minutesToWait(email: string, client: string): Promise<number> {
    const [address, ip] = await Promise.all([this.perAddress.get(email.toLowerCase()), this.perClient.get(client)]);
    const blocked = [
      [address, 5],
      [ip, 30],
    ] as const;
    let wait = 0;
    for (const [res, points] of blocked) {
      if (res && res.consumedPoints >= points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 60_000));
    }
    return wait;
  }

  async recordFailure(email: string, client: string): Promise<void> {
    await Promise.all([
      this.perAddress.penalty(email.toLowerCase(), 1).catch(ignoreLimit),
      this.perClient.penalty(client, 1).catch(ignoreLimit),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAddress.delete(email.toLowerCase());
  }
}

function ignoreLimit(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
