import { describe, expect, it } from "vitest";
import { SignInLimiter } from "./sign-in-limiter";

describe("SignInLimiter", () => {
  it("locks out one client for one address after five failures, and no one else", async () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 5; i++) await limiter.recordFailure("Chair@Example.org", "203.0.113.9");
    expect(await limiter.minutesToWait("chair@example.org", "203.0.113.9")).toBeGreaterThan(0);
    // The stranger's failures do not lock the person out from their own machine.
    expect(await limiter.minutesToWait("chair@example.org", "10.0.0.1")).toBe(0);
    expect(await limiter.minutesToWait("clerk@example.org", "203.0.113.9")).toBe(0);
  });

  it("blocks a client after thirty failures across addresses", async () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 30; i++) await limiter.recordFailure(`person${i}@example.org`, "192.0.2.1");
    expect(await limiter.minutesToWait("someone-new@example.org", "192.0.2.1")).toBeGreaterThan(0);
    expect(await limiter.minutesToWait("someone-new@example.org", "192.0.2.2")).toBe(0);
  });

  it("locks an address guessed from many clients, except for a client it has signed in from", async () => {
    const limiter = new SignInLimiter();
    await limiter.recordSuccess("treasurer@example.org", "198.51.100.7");
    for (let i = 0; i < 50; i++) await limiter.recordFailure("treasurer@example.org", `10.1.${Math.floor(i / 4)}.${i}`);
    expect(await limiter.minutesToWait("treasurer@example.org", "10.9.9.9")).toBeGreaterThan(0);
    expect(await limiter.minutesToWait("treasurer@example.org", "198.51.100.7")).toBe(0);
  });

  it("forgets a client's failures for an address after it signs in", async () => {
    const limiter = new SignInLimiter();
    for (let i = 0; i < 4; i++) await limiter.recordFailure("member@example.org", "192.0.2.3");
    await limiter.recordSuccess("member@example.org", "192.0.2.3");
    await limiter.recordFailure("member@example.org", "192.0.2.3");
    expect(await limiter.minutesToWait("member@example.org", "192.0.2.3")).toBe(0);
  });
});
