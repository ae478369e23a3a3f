import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/identity";
import type { MeetingStatus } from "../../db/schema/meetings";
import { coverReportPolicy } from "./cover-report-policy";
import type { Principal } from "./principal";

const user = (role: Role, organisationId = "org-a"): Principal => ({ kind: "user", userId: "u", organisationId, role });
const apiToken: Principal = { kind: "api-token", tokenId: "t", organisationId: "org-a" };
const meeting = (status: MeetingStatus = "draft") => ({ organisationId: "org-a", status });

describe("coverReportPolicy.read", () => {
  it.each(["viewer", "member", "officer", "admin"] as const)("lets a %s of the organisation read", (role) => {
    expect(coverReportPolicy.read(user(role), meeting("closed"))).toBe(true);
  });
  it("lets the organisation's API token read", () => {
    expect(coverReportPolicy.read(apiToken, meeting())).toBe(true);
  });
  it("denies an admin of another organisation", () => {
    expect(coverReportPolicy.read(user("admin", "org-b"), meeting())).toBe(false);
  });
});

describe("coverReportPolicy.start", () => {
  it.each([
    ["officer", "draft"],
    ["officer", "agenda_published"],
    ["admin", "draft"],
    ["admin", "agenda_published"],
  ] as const)("lets a %s start one while the meeting is %s", (role, status) => {
    expect(coverReportPolicy.start(user(role), meeting(status))).toBe(true);
  });

  it.each(["viewer", "member"] as const)("denies a %s", (role) => {
    expect(coverReportPolicy.start(user(role), meeting())).toBe(false);
  });
  it("denies an API token", () => {
    expect(coverReportPolicy.start(apiToken, meeting())).toBe(false);
  });
  it("denies an admin of another organisation", () => {
    expect(coverReportPolicy.start(user("admin", "org-b"), meeting())).toBe(false);
  });
  it.each(["in_session", "closed", "minutes_approved"] as const)("denies even an admin once the meeting is %s", (status) => {
    expect(coverReportPolicy.start(user("admin"), meeting(status))).toBe(false);
  });
});
