import { describe, expect, it } from "vitest";
import { SignInLimiter } from "./sign-in-limiter";

describe("SignInLimiter", () => {
  it("blocks an address after five failures, whatever client tries it", async () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 5; i++) await limiter.recordFailure("Chair@Example.org", `10.0.0.${i}`);
    expect(await limiter.minutesToWait("chair@example.org", "10.0.0.99")).toBeGreaterThan(0);
    expect(await limiter.minutesToWait("clerk@example.org", "10.0.0.99")).toBe(0);
  });

  it("blocks a client after thirty failures across addresses", async () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 30; i++) await limiter.recordFailure(`person${i}@example.org`, "192.0.2.1");
    expect(await limiter.minutesToWait("someone-new@example.org", "192.0.2.1")).toBeGreaterThan(0);
    expect(await limiter.minutesToWait("someone-new@example.org", "192.0.2.2")).toBe(0);
  });

  it("forgets an address's failures after a successful sign-in", async () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 4; i++) await limiter.recordFailure("member@example.org", "192.0.2.3");
    await limiter.recordSuccess("member@example.org");
    await limiter.recordFailure("member@example.org", "192.0.2.3");
    expect(await limiter.minutesToWait("member@example.org", "192.0.2.4")).toBe(0);
  });
});
