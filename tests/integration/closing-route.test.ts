import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../app/routes/o.$orgSlug.meetings.$meetingId.session/route";
import { meetingAttendance, meetings, motions } from "../../db/schema/meetings";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * Closing a meeting asks first (issue 15, item 7): the clerk sees the open votes, the
 * agreed actions without an owner or a date and the members whose attendance is not
 * recorded, each linking to where it is put right, and then confirms.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let fixture: MeetingFixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices();
  fixture = await createMeetingFixture(services.db, { slug: "northfield", status: "in_session" });
  cookies.officer = await cookieFor(services, fixture.officer.id);
  cookies.member = await cookieFor(services, fixture.seated.tenant1.id);
});
afterAll(() => services.cleanup());

const post = (fields: Record<string, string>, cookie: string) =>
  action({
    request: formRequest(`/o/northfield/meetings/${fixture.meeting.id}/session`, fields, cookie),
    context: loadContext(services),
    params: { orgSlug: "northfield", meetingId: fixture.meeting.id },
  });

const status = async () => (await services.db.select().from(meetings).where(eq(meetings.id, fixture.meeting.id)))[0].status;

describe("closing a meeting", () => {
  it("refuses the summary to a member (403)", async () => {
    expect(await statusOf(post({ intent: "review-close" }, cookies.member))).toBe(403);
  });

  it("shows the clerk what is still open before closing, and closes nothing", async () => {
    for (const [key, person] of Object.entries(fixture.seated)) {
      await services.db.insert(meetingAttendance).values({
        meetingId: fixture.meeting.id,
        userId: person.id,
        name: person.name,
        capacity: "member",
        memberKind: key.startsWith("tenant") ? "tenant" : key.startsWith("independent") ? "independent" : "councillor",
        attendance: key === "tenant2" ? "expected" : "present",
      });
    }
    await services.db.insert(motions).values({
      meetingId: fixture.meeting.id,
      agendaItemId: fixture.items[4].id,
      wording: "the scorecard be noted.",
      method: "named",
    });
    const result = (await post({ intent: "review-close" }, cookies.officer)) as {
      message: string;
      closing: { summary: { message: string; href: string }[] };
    };
    expect(result.message).toMatch(/^Before the meeting closes, check these/);
    const base = `/o/northfield/meetings/${fixture.meeting.id}`;
    expect(result.closing.summary).toEqual([
      {
        message: "Femi Tenant has no attendance recorded: mark them present, apologies or absent",
        href: `${base}#attendance`,
      },
      {
        message: "The vote on item 5, “the scorecard be noted.” is still open: close or withdraw it",
        href: `${base}/session?item=${fixture.items[4].id}`,
      },
    ]);
    expect(await status()).toBe("in_session");
  });

  it("says nothing is left open when all is done, and closes on confirmation", async () => {
    await services.db
      .update(motions)
      .set({ status: "withdrawn", closedAt: new Date() })
      .where(eq(motions.meetingId, fixture.meeting.id));
    await services.db
      .update(meetingAttendance)
      .set({ attendance: "apologies" })
      .where(eq(meetingAttendance.attendance, "expected"));
    const result = (await post({ intent: "review-close" }, cookies.officer)) as {
      message: string;
      closing: { summary: unknown[] };
    };
    expect(result).toMatchObject({ message: expect.stringMatching(/^Nothing is left open/), closing: { summary: [] } });
    expect(await statusOf(post({ intent: "close" }, cookies.officer))).toBe(200);
    expect(await status()).toBe("closed");
  });
});
