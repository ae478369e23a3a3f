import { describe, expect, it } from "vitest";
import { planPolicy } from "./plan-policy";
import type { Principal } from "./principal";

const org = "org-1";
const user = (role: "viewer" | "member" | "officer" | "admin", userId = "u-1"): Principal => ({
  kind: "user",
  userId,
  organisationId: org,
  role,
});
const token: Principal = { kind: "api-token", tokenId: "t", organisationId: org };
const action = { organisationId: org, ownerUserId: "owner" };

describe("plan policy", () => {
  it("lets anyone of the organisation read, and nobody else", () => {
    expect(planPolicy.view(user("viewer"), { organisationId: org })).toBe(true);
    expect(planPolicy.view(token, { organisationId: org })).toBe(true);
    expect(planPolicy.view(user("admin"), { organisationId: "org-2" })).toBe(false);
  });

  it("lets officers, admins and the action's own owner record progress", () => {
    expect(planPolicy.recordProgress(user("officer"), action)).toBe(true);
    expect(planPolicy.recordProgress(user("admin"), action)).toBe(true);
    expect(planPolicy.recordProgress(user("member", "owner"), action)).toBe(true);
    expect(planPolicy.recordProgress(user("member"), action)).toBe(false);
    expect(planPolicy.recordProgress(user("viewer", "owner"), action)).toBe(false);
    expect(planPolicy.recordProgress(token, action)).toBe(false);
    expect(planPolicy.recordProgress(user("admin"), { ...action, organisationId: "org-2" })).toBe(false);
  });

  it("lets officers and admins log an improvement", () => {
    expect(planPolicy.logImprovement(user("officer"), { id: org })).toBe(true);
    expect(planPolicy.logImprovement(user("member"), { id: org })).toBe(false);
    expect(planPolicy.logImprovement(user("officer"), { id: "org-2" })).toBe(false);
  });
});
