import { describe, expect, it } from "vitest";
import { performanceDataPolicy } from "./performance-data-policy";
import type { Principal } from "./principal";

const org = { id: "org-a" };
const user = (role: "admin" | "officer" | "member" | "viewer", organisationId = "org-a"): Principal => ({
  kind: "user",
  userId: "u",
  organisationId,
  role,
});
const token = (organisationId = "org-a"): Principal => ({ kind: "api-token", tokenId: "t", organisationId });

describe("performanceDataPolicy", () => {
  it.each(["admin", "officer", "member", "viewer"] as const)("lets a %s read figures", (role) => {
    expect(performanceDataPolicy.readFigures(user(role), org)).toBe(true);
  });
  it("lets an API token read figures", () => expect(performanceDataPolicy.readFigures(token(), org)).toBe(true));
  it("denies another organisation's people and tokens", () => {
    expect(performanceDataPolicy.readFigures(user("admin", "org-b"), org)).toBe(false);
    expect(performanceDataPolicy.readFigures(token("org-b"), org)).toBe(false);
    expect(performanceDataPolicy.importData(token("org-b"), org)).toBe(false);
  });
  it("lets admins and API tokens import", () => {
    expect(performanceDataPolicy.importData(user("admin"), org)).toBe(true);
    expect(performanceDataPolicy.importData(token(), org)).toBe(true);
  });
  it.each(["officer", "member", "viewer"] as const)("denies a %s importing", (role) => {
    expect(performanceDataPolicy.importData(user(role), org)).toBe(false);
  });
  it("lets an admin keep the library (areas, indicators) in person", () => {
    expect(performanceDataPolicy.manageLibrary(user("admin"), org)).toBe(true);
  });
  it.each(["officer", "member", "viewer"] as const)("denies a %s keeping the library", (role) => {
    expect(performanceDataPolicy.manageLibrary(user(role), org)).toBe(false);
  });
  it("denies an API token and another organisation's admin keeping the library", () => {
    expect(performanceDataPolicy.manageLibrary(token(), org)).toBe(false);
    expect(performanceDataPolicy.manageLibrary(user("admin", "org-b"), org)).toBe(false);
  });
});
