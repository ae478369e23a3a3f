import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/identity";
import { memberPolicy } from "./member-policy";
import type { Principal } from "./principal";

const ORG = { organisationId: "org-1" };
const user = (role: Role, organisationId = ORG.organisationId): Principal => ({
  kind: "user",
  userId: "u-1",
  organisationId,
  role,
});
const token: Principal = { kind: "api-token", tokenId: "t-1", organisationId: ORG.organisationId };
const seat = { position: "member" as const };

describe("memberPolicy", () => {
  it.each([
    ["member", seat, true],
    ["officer", seat, true],
    ["member", null, false],
    ["admin", null, false],
    ["viewer", seat, false],
  ] as const)("sendApologies: a %s with seat %o → %s", (role, held, allowed) => {
    expect(memberPolicy.sendApologies(user(role), ORG, held)).toBe(allowed);
  });
  it("never sends apologies for another organisation's meeting or by API token", () => {
    expect(memberPolicy.sendApologies(user("member", "org-2"), ORG, seat)).toBe(false);
    expect(memberPolicy.sendApologies(token, ORG, seat)).toBe(false);
  });
  it.each([
    ["viewer", false, false],
    ["member", true, false],
    ["officer", true, true],
    ["admin", true, true],
  ] as const)("a %s keeps a register: %s; reads everyone's: %s", (role, keep, all) => {
    expect(memberPolicy.keepRegister(user(role), ORG)).toBe(keep);
    expect(memberPolicy.viewRegisters(user(role), ORG)).toBe(all);
    expect(memberPolicy.keepRegister(user(role, "org-2"), ORG)).toBe(false);
    expect(memberPolicy.viewRegisters(user(role, "org-2"), ORG)).toBe(false);
  });
  it("lists papers for anyone signed in to the organisation, not for tokens or others", () => {
    expect(memberPolicy.viewPapers(user("viewer"), ORG)).toBe(true);
    expect(memberPolicy.viewPapers(token, ORG)).toBe(false);
    expect(memberPolicy.viewPapers(user("admin", "org-2"), ORG)).toBe(false);
  });
});
