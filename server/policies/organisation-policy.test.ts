import { describe, expect, it } from "vitest";
import { organisationPolicy } from "./organisation-policy";
import type { Principal } from "./principal";

const org = { id: "org-a" };
const user = (role: "admin" | "officer" | "member" | "viewer", organisationId = "org-a"): Principal => ({
  kind: "user",
  userId: "u",
  organisationId,
  role,
});

describe("organisationPolicy", () => {
  it.each(["admin", "officer", "member", "viewer"] as const)("lets a %s view their own organisation", (role) => {
    expect(organisationPolicy.view(user(role), org)).toBe(true);
  });
  it("denies viewing another organisation", () => {
    expect(organisationPolicy.view(user("admin", "org-b"), org)).toBe(false);
  });
  it("lets an admin administer", () => {
    expect(organisationPolicy.administer(user("admin"), org)).toBe(true);
  });
  it.each(["officer", "member", "viewer"] as const)("denies a %s administering", (role) => {
    expect(organisationPolicy.administer(user(role), org)).toBe(false);
  });
  it("denies an admin of another organisation administering", () => {
    expect(organisationPolicy.administer(user("admin", "org-b"), org)).toBe(false);
  });
  it("denies an API token administering", () => {
    expect(organisationPolicy.administer({ kind: "api-token", tokenId: "t", organisationId: "org-a" }, org)).toBe(false);
  });
});
