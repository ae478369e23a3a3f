import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/identity";
import { actionPolicy, bodyPolicy, meetingPolicy } from "./meeting-policy";
import type { Principal } from "./principal";

const ORG = "org-1";
const user = (role: Role, userId = "u-1", organisationId = ORG): Principal => ({ kind: "user", userId, organisationId, role });
const token: Principal = { kind: "api-token", tokenId: "t-1", organisationId: ORG };
const meeting = { organisationId: ORG, status: "in_session" as const };
const chairSeat = { position: "chair" as const };
const memberSeat = { position: "member" as const };
const noInterest = { present: true, declared: null };

describe("meetingPolicy", () => {
  it("lets anyone of the organisation view, nobody else", () => {
    expect(meetingPolicy.view(user("viewer"), meeting)).toBe(true);
    expect(meetingPolicy.view(token, meeting)).toBe(true);
    expect(meetingPolicy.view(user("admin", "u-1", "org-2"), meeting)).toBe(false);
  });
  it.each([
    ["admin", true],
    ["officer", true],
    ["member", false],
    ["viewer", false],
  ] as const)("manage: %s → %s", (role, allowed) => {
    expect(meetingPolicy.manage(user(role), meeting)).toBe(allowed);
  });
  it("edits the agenda only before the meeting opens", () => {
    expect(meetingPolicy.editAgenda(user("officer"), { ...meeting, status: "draft" })).toBe(true);
    expect(meetingPolicy.editAgenda(user("officer"), { ...meeting, status: "agenda_published" })).toBe(true);
    expect(meetingPolicy.editAgenda(user("officer"), meeting)).toBe(false);
    expect(meetingPolicy.editAgenda(user("member"), { ...meeting, status: "draft" })).toBe(false);
  });
  it("chairs from the chair's or vice-chair's seat, or as admin; never as viewer or elsewhere", () => {
    expect(meetingPolicy.chair(user("member"), meeting, chairSeat)).toBe(true);
    expect(meetingPolicy.chair(user("member"), meeting, { position: "vice_chair" })).toBe(true);
    expect(meetingPolicy.chair(user("member"), meeting, memberSeat)).toBe(false);
    expect(meetingPolicy.chair(user("officer"), meeting, null)).toBe(false);
    expect(meetingPolicy.chair(user("admin"), meeting, null)).toBe(true);
    expect(meetingPolicy.chair(user("viewer"), meeting, chairSeat)).toBe(false);
    expect(meetingPolicy.chair(user("member", "u-1", "org-2"), meeting, chairSeat)).toBe(false);
    expect(meetingPolicy.chair(token, meeting, chairSeat)).toBe(false);
  });
  it("lets members and above participate, not viewers or tokens", () => {
    expect(meetingPolicy.participate(user("member"), meeting)).toBe(true);
    expect(meetingPolicy.participate(user("viewer"), meeting)).toBe(false);
    expect(meetingPolicy.participate(token, meeting)).toBe(false);
  });
  it("lets a seated member present vote, unless they declared an interest on the item", () => {
    expect(meetingPolicy.vote(user("member"), meeting, memberSeat, noInterest)).toBe(true);
    expect(meetingPolicy.vote(user("member"), meeting, memberSeat, { present: true, declared: "prejudicial" })).toBe(false);
    expect(meetingPolicy.vote(user("member"), meeting, memberSeat, { present: true, declared: "personal" })).toBe(false);
    expect(meetingPolicy.vote(user("member"), meeting, memberSeat, { present: false, declared: null })).toBe(false);
    expect(meetingPolicy.vote(user("officer"), meeting, null, noInterest)).toBe(false);
    expect(meetingPolicy.vote(user("viewer"), meeting, memberSeat, noInterest)).toBe(false);
    expect(meetingPolicy.vote(user("member"), { ...meeting, status: "closed" }, memberSeat, noInterest)).toBe(false);
  });
  it("stops minutes on an item where the writer declared an interest", () => {
    expect(meetingPolicy.writeMinutes(user("member"), meeting, null, "everyone")).toBe(true);
    expect(meetingPolicy.writeMinutes(user("member"), meeting, "other", "everyone")).toBe(false);
    expect(meetingPolicy.writeMinutes(user("viewer"), meeting, null, "everyone")).toBe(false);
    expect(meetingPolicy.writeMinutes(user("officer"), meeting, "personal", "clerk")).toBe(false);
  });
  it("gives the pen to the clerk where the body wants it: members suggest instead", () => {
    expect(meetingPolicy.writeMinutes(user("officer"), meeting, null, "clerk")).toBe(true);
    expect(meetingPolicy.writeMinutes(user("admin"), meeting, null, "clerk")).toBe(true);
    expect(meetingPolicy.writeMinutes(user("member"), meeting, null, "clerk")).toBe(false);
    expect(meetingPolicy.suggestMinutes(user("member"), meeting, null, "clerk")).toBe(true);
    expect(meetingPolicy.suggestMinutes(user("member"), meeting, null, "everyone")).toBe(false);
    expect(meetingPolicy.suggestMinutes(user("officer"), meeting, null, "clerk")).toBe(false);
    expect(meetingPolicy.suggestMinutes(user("viewer"), meeting, null, "clerk")).toBe(false);
    expect(meetingPolicy.suggestMinutes(user("member"), meeting, "prejudicial", "clerk")).toBe(false);
  });
  it("lets only the clerk or the chair remove an agreed action", () => {
    expect(meetingPolicy.removeRecordEntries(user("officer"), meeting, null)).toBe(true);
    expect(meetingPolicy.removeRecordEntries(user("member"), meeting, chairSeat)).toBe(true);
    expect(meetingPolicy.removeRecordEntries(user("member"), meeting, memberSeat)).toBe(false);
    expect(meetingPolicy.removeRecordEntries(user("viewer"), meeting, chairSeat)).toBe(false);
    expect(meetingPolicy.removeRecordEntries(user("officer", "u-1", "org-2"), meeting, null)).toBe(false);
  });
});

describe("bodyPolicy", () => {
  it("lets officers and admins manage bodies of their organisation only", () => {
    expect(bodyPolicy.manage(user("officer"), { organisationId: ORG })).toBe(true);
    expect(bodyPolicy.manage(user("member"), { organisationId: ORG })).toBe(false);
    expect(bodyPolicy.manage(user("admin", "u-1", "org-2"), { organisationId: ORG })).toBe(false);
    expect(bodyPolicy.view(user("viewer"), { organisationId: ORG })).toBe(true);
  });
});

describe("actionPolicy", () => {
  it("lets officers and admins add actions to the log, not members, viewers or tokens", () => {
    expect(actionPolicy.add(user("officer"), { id: ORG })).toBe(true);
    expect(actionPolicy.add(user("admin"), { id: ORG })).toBe(true);
    expect(actionPolicy.add(user("member"), { id: ORG })).toBe(false);
    expect(actionPolicy.add(user("viewer"), { id: ORG })).toBe(false);
    expect(actionPolicy.add(token, { id: ORG })).toBe(false);
    expect(actionPolicy.add(user("admin", "u-1", "org-2"), { id: ORG })).toBe(false);
  });
  const action = { organisationId: ORG, ownerUserId: "owner" };
  it("lets officers update any action and members their own", () => {
    expect(actionPolicy.update(user("officer"), action)).toBe(true);
    expect(actionPolicy.update(user("member", "owner"), action)).toBe(true);
    expect(actionPolicy.update(user("member", "someone-else"), action)).toBe(false);
    expect(actionPolicy.update(user("viewer", "owner"), action)).toBe(false);
    expect(actionPolicy.update(user("admin", "owner", "org-2"), action)).toBe(false);
    expect(actionPolicy.update(token, action)).toBe(false);
  });
});
