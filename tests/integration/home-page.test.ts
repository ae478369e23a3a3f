import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as homePage } from "../../app/routes/o.$orgSlug._index";
import { loader as layout } from "../../app/routes/o.$orgSlug";
import { seedDemoCallers, type DemoCallers } from "../support/demo-callers";
import { createTestServices, loadContext, statusOf } from "../support/test-services";

/*
 * The home page per person (issue 14, section 4), on the demo: October 2026 is the month in
 * progress (figures submitted, not verified; BV212 off target with no commentary ready).
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let cookies: DemoCallers["cookies"];

beforeAll(async () => {
  services = await createTestServices("demo");
  ({ cookies } = await seedDemoCallers(services));
});
afterAll(() => services.cleanup());

const home = (cookie: string, orgSlug = "northfield") =>
  homePage({
    request: new Request(`http://localhost/o/${orgSlug}`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: { orgSlug },
  });
const nav = async (cookie: string) =>
  (
    await layout({
      request: new Request("http://localhost/o/northfield", { headers: { Cookie: cookie } }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    })
  ).nav.map((n) => n.label);

describe("the home page per person", () => {
  it("shows the performance team the month in progress with its due dates and gaps", async () => {
    const data = await home(cookies.admin);
    expect(data.month).toMatchObject({
      period: "2026-10",
      due: { figures: "6 November 2026", commentaries: "11 November 2026" },
      figures: 0,
    });
    expect(data.month!.unverified).toBeGreaterThan(0);
    expect(data.scorecard).toBeNull();
  });

  it("shows the officer who manages BV212 its commentary, owed by the timetable, and no figures (all submitted)", async () => {
    const data = await home(cookies.officer);
    expect(data.month).toBeNull();
    expect(data.owed?.period).toBe("2026-10");
    expect(data.owed?.figures).toEqual([]);
    const bv212 = data.owed?.commentaries.find((c) => c.code === "BV212");
    expect(bv212).toMatchObject({ as: "manager", dueByText: "11 November 2026" });
    // 11 November 2026 has passed on this page's clock, or not: either way it says which.
    expect(typeof bv212?.overdue).toBe("boolean");
  });

  it("shows a committee member their meetings (with Send apologies) and the scorecard, not the month", async () => {
    const data = await home(cookies.member);
    expect(data.month).toBeNull();
    expect(data.scorecard?.period).toBe("2026-09");
    expect(data.coverReports).toEqual([]);
    for (const meeting of data.meetings) expect(meeting.bodyName).toBeTruthy();
    expect(await nav(cookies.member)).toContain("Committees");
  });

  it("shows a viewer the scorecard of the last published month and nothing owed", async () => {
    const data = await home(cookies.viewer);
    expect(data.scorecard?.period).toBe("2026-09");
    expect(Object.values(data.scorecard!.counts).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(0);
    expect(data.owed).toBeNull();
    expect(data.month).toBeNull();
    expect(data.meetings).toEqual([]);
    const labels = await nav(cookies.viewer);
    expect(labels).not.toContain("Committees");
    expect(labels).not.toContain("Imports");
  });

  it("gives Imports and Committees to the admin", async () => {
    expect(await nav(cookies.admin)).toEqual(expect.arrayContaining(["Imports", "Committees", "Month in progress"]));
  });

  it("answers another organisation's admin with 404", async () => {
    expect(await statusOf(home(cookies.outsider))).toBe(404);
  });
});
