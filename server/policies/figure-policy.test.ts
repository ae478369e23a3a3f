import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/identity";
import { figurePermissions, figurePolicy } from "./figure-policy";
import type { Principal } from "./principal";

const indicator = { organisationId: "org-a", ownerUserId: "owner", managerUserId: "manager" };
const user = (role: Role, userId = "someone", organisationId = "org-a"): Principal => ({
  kind: "user",
  userId,
  organisationId,
  role,
});
const token = (organisationId = "org-a"): Principal => ({ kind: "api-token", tokenId: "t", organisationId });
const roles = ["admin", "officer", "member", "viewer"] as const;

describe("figurePolicy.read", () => {
  it.each(roles)("lets a %s of the organisation read figures", (role) => {
    expect(figurePolicy.read(user(role), indicator)).toBe(true);
  });
  it("lets the organisation's API token read figures", () => {
    expect(figurePolicy.read(token(), indicator)).toBe(true);
  });
  it("denies another organisation's people and tokens", () => {
    expect(figurePolicy.read(user("admin", "someone", "org-b"), indicator)).toBe(false);
    expect(figurePolicy.read(token("org-b"), indicator)).toBe(false);
  });
});

describe("figurePolicy.enter", () => {
  it("lets an officer who manages the indicator enter", () => {
    expect(figurePolicy.enter(user("officer", "manager"), indicator)).toBe(true);
  });
  it("lets an officer who owns the indicator enter", () => {
    expect(figurePolicy.enter(user("officer", "owner"), indicator)).toBe(true);
  });
  it("lets any admin enter", () => {
    expect(figurePolicy.enter(user("admin"), indicator)).toBe(true);
  });
  it("denies an officer who neither owns nor manages the indicator", () => {
    expect(figurePolicy.enter(user("officer"), indicator)).toBe(false);
  });
  it.each(["member", "viewer"] as const)("denies a %s even when named as the manager", (role) => {
    expect(figurePolicy.enter(user(role, "manager"), indicator)).toBe(false);
  });
  it("denies an API token", () => {
    expect(figurePolicy.enter(token(), indicator)).toBe(false);
  });
  it("denies the manager's account acting in another organisation, and another organisation's admin", () => {
    expect(figurePolicy.enter(user("officer", "manager", "org-b"), indicator)).toBe(false);
    expect(figurePolicy.enter(user("admin", "someone", "org-b"), indicator)).toBe(false);
  });
  it("denies an officer when the indicator has no owner or manager", () => {
    expect(figurePolicy.enter(user("officer", "manager"), { ...indicator, ownerUserId: null, managerUserId: null })).toBe(false);
  });
});

describe("figurePolicy.verify", () => {
  it("lets an admin verify", () => {
    expect(figurePolicy.verify(user("admin"), indicator)).toBe(true);
  });
  it.each(["officer", "member", "viewer"] as const)("denies a %s, even one who manages the indicator", (role) => {
    expect(figurePolicy.verify(user(role, "manager"), indicator)).toBe(false);
  });
  it("denies an API token and another organisation's admin", () => {
    expect(figurePolicy.verify(token(), indicator)).toBe(false);
    expect(figurePolicy.verify(user("admin", "someone", "org-b"), indicator)).toBe(false);
  });
});

describe("figurePolicy.correct (a verified figure)", () => {
  it("lets the manager and an admin correct with a reason", () => {
    expect(figurePolicy.correct(user("officer", "manager"), indicator, { reason: "Late returns from the North team" })).toBe(
      true,
    );
    expect(figurePolicy.correct(user("admin"), indicator, { reason: "Recalculated" })).toBe(true);
  });
  it.each([null, undefined, "", "   "])("denies a correction without a reason (%j)", (reason) => {
    expect(figurePolicy.correct(user("officer", "manager"), indicator, { reason })).toBe(false);
    expect(figurePolicy.correct(user("admin"), indicator, { reason })).toBe(false);
  });
  it("denies people who may not enter, whatever the reason", () => {
    expect(figurePolicy.correct(user("officer"), indicator, { reason: "Because" })).toBe(false);
    expect(figurePolicy.correct(user("viewer", "manager"), indicator, { reason: "Because" })).toBe(false);
    expect(figurePolicy.correct(user("admin", "someone", "org-b"), indicator, { reason: "Because" })).toBe(false);
  });
});

describe("figurePermissions", () => {
  it("sends the page what each person may do", () => {
    expect(figurePermissions(user("viewer"), indicator)).toEqual({ read: true, enter: false, verify: false });
    expect(figurePermissions(user("officer", "manager"), indicator)).toEqual({ read: true, enter: true, verify: false });
    expect(figurePermissions(user("admin"), indicator)).toEqual({ read: true, enter: true, verify: true });
  });
});
