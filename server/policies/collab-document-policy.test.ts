import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/identity";
import { collabDocumentPolicy, type CollabDocumentSubject } from "./collab-document-policy";
import type { Principal } from "./principal";

const user = (role: Role, organisationId = "org-a"): Principal => ({ kind: "user", userId: "u", organisationId, role });
const apiToken: Principal = { kind: "api-token", tokenId: "t", organisationId: "org-a" };
const doc = (type: CollabDocumentSubject["type"], frozenAt: Date | null = null): CollabDocumentSubject => ({
  type,
  organisationId: "org-a",
  frozenAt,
  // The principal "u" manages the indicator behind an exception commentary.
  managerUserId: "u",
});
const types = ["exception", "meeting", "report"] as const;

describe("collabDocumentPolicy.read", () => {
  it.each(types)("lets a viewer of the organisation read a %s document", (type) => {
    expect(collabDocumentPolicy.read(user("viewer"), doc(type))).toBe(true);
  });
  it("lets the organisation's API token read", () => {
    expect(collabDocumentPolicy.read(apiToken, doc("exception"))).toBe(true);
  });
  it("lets anyone of the organisation read a frozen document", () => {
    expect(collabDocumentPolicy.read(user("viewer"), doc("report", new Date()))).toBe(true);
  });
  it.each(types)("denies an admin of another organisation reading a %s document", (type) => {
    expect(collabDocumentPolicy.read(user("admin", "org-b"), doc(type))).toBe(false);
  });
  it("denies another organisation's API token", () => {
    expect(collabDocumentPolicy.read({ ...apiToken, organisationId: "org-b" }, doc("meeting"))).toBe(false);
  });
});

describe("collabDocumentPolicy.write", () => {
  it.each([
    ["exception", "officer"],
    ["exception", "admin"],
    ["report", "officer"],
    ["report", "admin"],
    ["meeting", "member"],
    ["meeting", "officer"],
    ["meeting", "admin"],
  ] as const)("lets the %s document be written by a %s", (type, role) => {
    expect(collabDocumentPolicy.write(user(role), doc(type))).toBe(true);
  });

  it.each([
    ["exception", "member"],
    ["exception", "viewer"],
    ["report", "member"],
    ["report", "viewer"],
    ["meeting", "viewer"],
  ] as const)("denies writing the %s document to a %s", (type, role) => {
    expect(collabDocumentPolicy.write(user(role), doc(type))).toBe(false);
  });

  it.each(types)("denies writing a frozen %s document, even to an admin", (type) => {
    expect(collabDocumentPolicy.write(user("admin"), doc(type, new Date()))).toBe(false);
  });
  it("denies writing to an admin of another organisation", () => {
    expect(collabDocumentPolicy.write(user("admin", "org-b"), doc("meeting"))).toBe(false);
  });
  it("denies writing to an API token", () => {
    expect(collabDocumentPolicy.write(apiToken, doc("meeting"))).toBe(false);
  });
});

describe("collabDocumentPolicy.access", () => {
  it("is write for an officer on an exception, read for a viewer, none for an outsider", () => {
    expect(collabDocumentPolicy.access(user("officer"), doc("exception"))).toBe("write");
    expect(collabDocumentPolicy.access(user("viewer"), doc("exception"))).toBe("read");
    expect(collabDocumentPolicy.access(user("admin", "org-b"), doc("exception"))).toBeNull();
  });
});

describe("collabDocumentPolicy for cover reports", () => {
  it("is write for the officer who writes the report and for an admin, read for a member and a viewer", () => {
    expect(collabDocumentPolicy.access(user("officer"), doc("report"))).toBe("write");
    expect(collabDocumentPolicy.access(user("admin"), doc("report"))).toBe("write");
    expect(collabDocumentPolicy.access(user("member"), doc("report"))).toBe("read");
    expect(collabDocumentPolicy.access(user("viewer"), doc("report"))).toBe("read");
  });
  it("does not depend on the indicator rule: any officer of the organisation writes", () => {
    const report = { type: "report" as const, organisationId: "org-a", frozenAt: null };
    expect(
      collabDocumentPolicy.write({ kind: "user", userId: "someone-else", organisationId: "org-a", role: "officer" }, report),
    ).toBe(true);
  });
  it("is read for everyone once the report is frozen in a pack, and nothing for another organisation", () => {
    expect(collabDocumentPolicy.access(user("admin"), doc("report", new Date()))).toBe("read");
    expect(collabDocumentPolicy.access(user("officer"), doc("report", new Date()))).toBe("read");
    expect(collabDocumentPolicy.access(user("admin", "org-b"), doc("report"))).toBeNull();
  });
});

describe("collabDocumentPolicy for exception commentaries", () => {
  const officer = (userId: string): Principal => ({ kind: "user", userId, organisationId: "org-a", role: "officer" });
  const commentary = {
    type: "exception" as const,
    organisationId: "org-a",
    frozenAt: null,
    ownerUserId: "owner",
    managerUserId: "manager",
  };

  it("lets the indicator's manager and owner write", () => {
    expect(collabDocumentPolicy.write(officer("manager"), commentary)).toBe(true);
    expect(collabDocumentPolicy.write(officer("owner"), commentary)).toBe(true);
  });

  it("gives another officer read-only access", () => {
    expect(collabDocumentPolicy.write(officer("someone-else"), commentary)).toBe(false);
    expect(collabDocumentPolicy.access(officer("someone-else"), commentary)).toBe("read");
  });

  it("lets an admin write", () => {
    expect(collabDocumentPolicy.write({ kind: "user", userId: "a", organisationId: "org-a", role: "admin" }, commentary)).toBe(
      true,
    );
  });
});
