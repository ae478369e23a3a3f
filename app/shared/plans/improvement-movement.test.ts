import { describe, expect, it } from "vitest";
import { improvementMovement } from "./improvement-movement";

const rent = { polarity: "higher" as const, decimals: 2, unit: "%" };
const relets = { polarity: "lower" as const, decimals: 1, unit: "days" };

describe("how far an improvement moved its indicator", () => {
  it("compares the last figure before the month of the change with the latest since", () => {
    const m = improvementMovement(
      rent,
      [
        { period: "2026-02", value: 96.1 },
        { period: "2026-03", value: 96.5 },
        { period: "2026-04", value: 97.0 }, // the month of the change counts as after it
        { period: "2026-09", value: 98.8 },
      ],
      "2026-04-14",
    );
    expect(m.before).toEqual({ period: "2026-03", value: 96.5 });
    expect(m.after).toEqual({ period: "2026-09", value: 98.8 });
    expect(m.change).toBe(2.3);
    expect(m.direction).toBe("better");
    expect(m.text).toBe("Up 2.30 percentage points, from 96.50% (March 2026) to 98.80% (September 2026): better");
    expect(m.plainText).toBe("Better: up 2.30 percentage points, from 96.50% to 98.80%");
  });

  it("calls a fall better where lower is better", () => {
    const m = improvementMovement(
      relets,
      [
        { period: "2026-05", value: 31.4 },
        { period: "2026-10", value: 24.15 },
      ],
      "2026-06-01",
    );
    expect(m.change).toBe(-7.2); // 24.2 − 31.4 at one decimal, rounded as the page shows them
    expect(m.direction).toBe("better");
    expect(m.text).toBe("Down 7.2 days, from 31.4 days (May 2026) to 24.2 days (October 2026): better");
  });

  it("says it is too early without figures on both sides", () => {
    expect(improvementMovement(rent, [{ period: "2026-03", value: 96.5 }], "2026-04-14").text).toBe(
      "Not known: no figure since the change yet",
    );
    expect(improvementMovement(rent, [{ period: "2026-05", value: 96.5 }], "2026-04-14").plainText).toBe("Too early to say");
    expect(improvementMovement(rent, [], "2026-04-14").change).toBeNull();
  });

  it("says no change when the figures read the same", () => {
    const m = improvementMovement(
      rent,
      [
        { period: "2026-03", value: 96.501 },
        { period: "2026-05", value: 96.499 },
      ],
      "2026-04-01",
    );
    expect(m.change).toBe(0);
    expect(m.direction).toBe("same");
  });
});
