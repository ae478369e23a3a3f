import { expect, it } from "vitest";
import { runCrashScenario } from "../../../tests/support/crash-scenario";
import { TEST_SESSION_SECRET } from "../../../tests/support/test-services";

// A real process and a real SIGKILL (the other crash tests forget in place, in this
// process): the embedded database must recover its files, and the clients resend.
it("loses no edit when the server process is killed with SIGKILL while four clients type, and started again", async () => {
  const outcome = await runCrashScenario({
    sessionSecret: TEST_SESSION_SECRET,
    clients: 4,
    typingMs: 2000,
    killAtMs: 1000,
    keystrokeMs: 100,
  });
  expect(outcome.typed).toBeGreaterThanOrEqual(40);
  expect(outcome.missing).toBe(0);
  expect(outcome.sameText).toBe(true);
  expect(outcome.longestUncommittedMs[0]).toBeGreaterThan(0);
}, 90_000);
