import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/identity";
import { commentaryPermissions, commentaryPolicy } from "./commentary-policy";
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

describe("commentaryPolicy.read", () => {
  it.each(roles)("lets a %s of the organisation read", (role) => {
    expect(commentaryPolicy.read(user(role), indicator)).toBe(true);
  });
  it("lets the organisation's API token read", () => {
    expect(commentaryPolicy.read(token(), indicator)).toBe(true);
  });
  it("denies another organisation's people and tokens", () => {
    expect(commentaryPolicy.read(user("admin", "someone", "org-b"), indicator)).toBe(false);
    expect(commentaryPolicy.read(token("org-b"), indicator)).toBe(false);
  });
});

describe("commentaryPolicy.write", () => {
  it("lets an officer who manages the indicator write", () => {
    expect(commentaryPolicy.write(user("officer", "manager"), indicator)).toBe(true);
  });
  it("lets an officer who owns the indicator write", () => {
    expect(commentaryPolicy.write(user("officer", "owner"), indicator)).toBe(true);
  });
  it("lets any admin write", () => {
    expect(commentaryPolicy.write(user("admin"), indicator)).toBe(true);
  });
  it("denies an officer who neither owns nor manages the indicator", () => {
    expect(commentaryPolicy.write(user("officer"), indicator)).toBe(false);
  });
  it.each(["member", "viewer"] as const)("denies a %s, even one named as the manager", (role) => {
    expect(commentaryPolicy.write(user(role, "manager"), indicator)).toBe(false);
    expect(commentaryPolicy.write(user(role), indicator)).toBe(false);
  });
  it("denies an API token", () => {
    expect(commentaryPolicy.write(token(), indicator)).toBe(false);
  });
  it("denies the manager acting in another organisation, and another organisation's admin", () => {
    expect(commentaryPolicy.write(user("officer", "manager", "org-b"), indicator)).toBe(false);
    expect(commentaryPolicy.write(user("admin", "someone", "org-b"), indicator)).toBe(false);
  });
  it("denies an officer when the indicator names nobody", () => {
    expect(commentaryPolicy.write(user("officer", "manager"), { ...indicator, ownerUserId: null, managerUserId: null })).toBe(
      false,
    );
  });
});

describe.each(["markReady", "moveToDraft"] as const)("commentaryPolicy.%s", (rule) => {
  it("lets the owner (an officer) do it", () => {
    expect(commentaryPolicy[rule](user("officer", "owner"), indicator)).toBe(true);
  });
  it("lets any admin do it", () => {
    expect(commentaryPolicy[rule](user("admin"), indicator)).toBe(true);
  });
  it("denies the manager who writes the commentary but does not own the indicator", () => {
    expect(commentaryPolicy[rule](user("officer", "manager"), indicator)).toBe(false);
  });
  it("denies another officer", () => {
    expect(commentaryPolicy[rule](user("officer"), indicator)).toBe(false);
  });
  it.each(["member", "viewer"] as const)("denies a %s, even one named as the owner", (role) => {
    expect(commentaryPolicy[rule](user(role, "owner"), indicator)).toBe(false);
  });
  it("denies an API token", () => {
    expect(commentaryPolicy[rule](token(), indicator)).toBe(false);
  });
  it("denies the owner's account acting in another organisation, and another organisation's admin", () => {
    expect(commentaryPolicy[rule](user("officer", "owner", "org-b"), indicator)).toBe(false);
    expect(commentaryPolicy[rule](user("admin", "someone", "org-b"), indicator)).toBe(false);
  });
  it("denies everyone but admins when the indicator has no owner", () => {
    expect(commentaryPolicy[rule](user("officer", "owner"), { ...indicator, ownerUserId: null })).toBe(false);
    expect(commentaryPolicy[rule](user("admin"), { ...indicator, ownerUserId: null })).toBe(true);
  });
});

describe("commentaryPermissions", () => {
  it("sends the page what each person may do", () => {
    expect(commentaryPermissions(user("viewer"), indicator)).toEqual({
      read: true,
      write: false,
      markReady: false,
      moveToDraft: false,
    });
    expect(commentaryPermissions(user("member"), indicator)).toEqual({
      read: true,
      write: false,
      markReady: false,
      moveToDraft: false,
    });
    expect(commentaryPermissions(user("officer", "manager"), indicator)).toEqual({
      read: true,
      write: true,
      markReady: false,
      moveToDraft: false,
    });
    expect(commentaryPermissions(user("officer", "owner"), indicator)).toEqual({
      read: true,
      write: true,
      markReady: true,
      moveToDraft: true,
    });
    expect(commentaryPermissions(user("admin"), indicator)).toEqual({
      read: true,
      write: true,
      markReady: true,
      moveToDraft: true,
    });
  });
});
