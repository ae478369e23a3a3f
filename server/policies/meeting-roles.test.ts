import { describe, expect, it } from "vitest";
import { BEFORE_OPENING_STATUSES } from "../../app/shared/meetings/meeting-stage";
import type { Role } from "../../db/schema/identity";
import type { MeetingStatus } from "../../db/schema/meetings";
import { meetingRoles } from "./meeting-roles";
import type { Principal } from "./principal";

const ORG = "org-1";
const user = (role: Role, organisationId = ORG): Principal => ({ kind: "user", userId: "u-1", organisationId, role });
const token: Principal = { kind: "api-token", tokenId: "t-1", organisationId: ORG };
const meeting = { organisationId: ORG, status: "in_session" as const };
const ROLES: Role[] = ["viewer", "member", "officer", "admin"];

describe("meetingRoles.clerk", () => {
  it.each(ROLES.map((role) => [role, role === "officer" || role === "admin"] as const))("%s → %s", (role, allowed) => {
    expect(meetingRoles.clerk(user(role), meeting)).toBe(allowed);
  });
  it("is never an API token or someone of another organisation", () => {
    expect(meetingRoles.clerk(token, meeting)).toBe(false);
    expect(meetingRoles.clerk(user("admin", "org-2"), meeting)).toBe(false);
  });
});

describe("meetingRoles.seatedChair", () => {
  it("is a member or above in the chair's or vice-chair's seat", () => {
    for (const role of ["member", "officer", "admin"] as const) {
      expect(meetingRoles.seatedChair(user(role), meeting, { position: "chair" })).toBe(true);
      expect(meetingRoles.seatedChair(user(role), meeting, { position: "vice_chair" })).toBe(true);
    }
  });
  it("is not a viewer given a chair's seat, an ordinary seat, no seat, a token, or another organisation", () => {
    expect(meetingRoles.seatedChair(user("viewer"), meeting, { position: "chair" })).toBe(false);
    expect(meetingRoles.seatedChair(user("member"), meeting, { position: "member" })).toBe(false);
    expect(meetingRoles.seatedChair(user("admin"), meeting, null)).toBe(false);
    expect(meetingRoles.seatedChair(token, meeting, { position: "chair" })).toBe(false);
    expect(meetingRoles.seatedChair(user("member", "org-2"), meeting, { position: "chair" })).toBe(false);
  });
});

describe("meetingRoles.chair", () => {
  it("is the seated chair, or an admin without a seat", () => {
    expect(meetingRoles.chair(user("member"), meeting, { position: "chair" })).toBe(true);
    expect(meetingRoles.chair(user("admin"), meeting, null)).toBe(true);
  });
  it("is not a viewer in the chair's seat, an officer without one, a token, or another organisation's admin", () => {
    expect(meetingRoles.chair(user("viewer"), meeting, { position: "vice_chair" })).toBe(false);
    expect(meetingRoles.chair(user("officer"), meeting, null)).toBe(false);
    expect(meetingRoles.chair(token, meeting, { position: "chair" })).toBe(false);
    expect(meetingRoles.chair(user("admin", "org-2"), meeting, null)).toBe(false);
  });
});

describe("meetingRoles.beforeOpening", () => {
  const ALL: MeetingStatus[] = ["draft", "agenda_published", "in_session", "closed", "minutes_approved"];
  it.each(ALL.map((status) => [status, status === "draft" || status === "agenda_published"] as const))(
    "%s → %s",
    (status, before) => {
      expect(meetingRoles.beforeOpening({ status })).toBe(before);
    },
  );
  it("agrees with the statuses the commands filter by in SQL", () => {
    expect(ALL.filter((status) => meetingRoles.beforeOpening({ status }))).toEqual([...BEFORE_OPENING_STATUSES]);
  });
});
