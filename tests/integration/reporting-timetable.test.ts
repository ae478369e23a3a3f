import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as monthsAction, loader as monthsPage } from "../../app/routes/o.$orgSlug.months";
import { loader as publicPage } from "../../app/routes/p.$orgSlug._index";
import { findReportingTimetable } from "../../db/queries/reporting-months";
import { auditLog } from "../../db/schema/identity";
import { seedDemoCallers, type DemoCallers } from "../support/demo-callers";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The reporting timetable (issue 14, section 2): admins set when figures and commentaries
 * are due (working days of the next month, England and Wales); the months page and the
 * public page's "next due" lines follow it; officers and other organisations cannot set it.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let orgId: string;
let otherId: string;
let cookies: DemoCallers["cookies"];

beforeAll(async () => {
  services = await createTestServices("demo");
  ({ orgId, otherId, cookies } = await seedDemoCallers(services));
});
afterAll(() => services.cleanup());

const ctx = () => loadContext(services);
const setTimetable = (fields: Record<string, string>, cookie: string, orgSlug = "northfield") =>
  monthsAction({
    request: formRequest(`/o/${orgSlug}/months`, { intent: "timetable", ...fields }, cookie),
    context: ctx(),
    params: { orgSlug },
  });
const page = async () =>
  monthsPage({
    request: new Request("http://localhost/o/northfield/months", { headers: { Cookie: cookies.admin } }),
    context: ctx(),
    params: { orgSlug: "northfield" },
  });

describe("the reporting timetable", () => {
  it("shows the default timetable and October 2026's due dates (5th and 8th working days of November)", async () => {
    const data = await page();
    expect(data.period).toBe("2026-10");
    expect(data.timetable).toEqual({ figuresWorkingDay: 5, commentariesWorkingDay: 8, isDefault: true });
    expect(data.due).toEqual({ figures: "6 November 2026", commentaries: "11 November 2026" });
  });

  it("an admin sets it; it is audited and the due dates follow", async () => {
    const result = (await setTimetable({ figuresWorkingDay: "3", commentariesWorkingDay: "7" }, cookies.admin)) as {
      data: { message: string };
    };
    expect(result.data.message).toContain("the 3rd working day");
    expect(await findReportingTimetable(services.db, orgId)).toEqual({
      figuresWorkingDay: 3,
      commentariesWorkingDay: 7,
      isDefault: false,
    });
    const [audit] = await services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.action, "reporting_timetable.set")));
    expect(audit.before).toEqual({ figuresWorkingDay: 5, commentariesWorkingDay: 8, isDefault: true });
    expect(audit.after).toEqual({ figuresWorkingDay: 3, commentariesWorkingDay: 7 });
    expect(audit.actorLabel).toBe("admin@northfield.example");
    expect((await page()).due).toEqual({ figures: "4 November 2026", commentaries: "10 November 2026" });
  });

  it("refuses commentaries due before figures, and a day no month has, with the field's message", async () => {
    const early = (await setTimetable({ figuresWorkingDay: "6", commentariesWorkingDay: "4" }, cookies.admin)) as {
      data: { fieldErrors: Record<string, string> };
      init: { status: number };
    };
    expect(early.init.status).toBe(400);
    expect(early.data.fieldErrors.commentariesWorkingDay).toBe("Commentaries cannot be due before the figures they explain");
    const late = (await setTimetable({ figuresWorkingDay: "25", commentariesWorkingDay: "25" }, cookies.admin)) as {
      data: { fieldErrors: Record<string, string> };
    };
    expect(late.data.fieldErrors.figuresWorkingDay).toMatch(/at most 18/);
  });

  it("an officer cannot set it (403), another organisation's admin cannot reach it (404)", async () => {
    expect(await statusOf(setTimetable({ figuresWorkingDay: "1", commentariesWorkingDay: "2" }, cookies.officer))).toBe(403);
    expect(await statusOf(setTimetable({ figuresWorkingDay: "1", commentariesWorkingDay: "2" }, cookies.outsider))).toBe(404);
    expect((await findReportingTimetable(services.db, orgId)).figuresWorkingDay).toBe(3);
    // Southbank's own timetable is untouched by Northfield's.
    expect((await findReportingTimetable(services.db, otherId)).isDefault).toBe(true);
  });

  it("the public page says when a figure that is not yet published is next due, by the timetable", async () => {
    const { topTen } = await publicPage({
      request: new Request("http://localhost/p/northfield"),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    // September 2026 is published; a quarterly or yearly figure not in it says when the next one is due.
    for (const line of topTen.notYetPublished) expect(line.text).toMatch(/The next figure \(.+\) is due by \d+ \w+ \d{4}\./);
  });
});
