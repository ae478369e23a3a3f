import { describe, expect, it } from "vitest";
import type { Principal } from "./principal";
import { reportingMonthPolicy } from "./reporting-month-policy";

const org = { id: "org-a" };
const user = (role: "admin" | "officer" | "member" | "viewer", organisationId = "org-a"): Principal => ({
  kind: "user",
  userId: "u",
  organisationId,
  role,
});
const token = (organisationId = "org-a"): Principal => ({ kind: "api-token", tokenId: "t", organisationId });

describe("reportingMonthPolicy", () => {
  it.each(["admin", "officer", "member", "viewer"] as const)("lets a %s read the reporting months", (role) => {
    expect(reportingMonthPolicy.read(user(role), org)).toBe(true);
  });
  it("lets an admin and an API token publish", () => {
    expect(reportingMonthPolicy.publish(user("admin"), org)).toBe(true);
    expect(reportingMonthPolicy.publish(token(), org)).toBe(true);
  });
  it.each(["officer", "member", "viewer"] as const)("denies a %s publishing", (role) => {
    expect(reportingMonthPolicy.publish(user(role), org)).toBe(false);
  });
  it("denies another organisation's admin and token", () => {
    expect(reportingMonthPolicy.read(user("admin", "org-b"), org)).toBe(false);
    expect(reportingMonthPolicy.publish(user("admin", "org-b"), org)).toBe(false);
    expect(reportingMonthPolicy.publish(token("org-b"), org)).toBe(false);
  });

  it("lets only an admin of the organisation set the timetable", () => {
    expect(reportingMonthPolicy.setTimetable(user("admin"), org)).toBe(true);
    for (const role of ["officer", "member", "viewer"] as const)
      expect(reportingMonthPolicy.setTimetable(user(role), org)).toBe(false);
    expect(reportingMonthPolicy.setTimetable(token(), org)).toBe(false);
    expect(reportingMonthPolicy.setTimetable(user("admin", "org-b"), org)).toBe(false);
  });
});
