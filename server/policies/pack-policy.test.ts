import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema/identity";
import type { MeetingStatus } from "../../db/schema/meetings";
import { meetingPolicy } from "./meeting-policy";
import { packPolicy } from "./pack-policy";
import type { Principal } from "./principal";

const ORG = "org-1";
const user = (role: Role, organisationId = ORG): Principal => ({ kind: "user", userId: "u-1", organisationId, role });
const token: Principal = { kind: "api-token", tokenId: "t-1", organisationId: ORG };
const at = (status: MeetingStatus) => ({ organisationId: ORG, status });
const chairSeat = { position: "chair" as const };
const viceSeat = { position: "vice_chair" as const };
const memberSeat = { position: "member" as const };

describe("packPolicy.view", () => {
  it("lets anyone of the organisation read packs: every role and its API tokens", () => {
    for (const role of ["viewer", "member", "officer", "admin"] as const)
      expect(packPolicy.view(user(role), at("closed"))).toBe(true);
    expect(packPolicy.view(token, at("closed"))).toBe(true);
  });
  it("refuses another organisation, whatever the role", () => {
    expect(packPolicy.view(user("admin", "org-2"), at("closed"))).toBe(false);
    expect(packPolicy.view({ ...token, organisationId: "org-2" }, at("closed"))).toBe(false);
  });
});

describe("packPolicy.publishAgenda", () => {
  it("lets the clerk (officer, admin) publish before the meeting opens", () => {
    expect(packPolicy.publishAgenda(user("officer"), at("draft"))).toBe(true);
    expect(packPolicy.publishAgenda(user("admin"), at("agenda_published"))).toBe(true);
  });
  it("refuses members, viewers, tokens, another organisation, and any meeting that has opened", () => {
    expect(packPolicy.publishAgenda(user("member"), at("draft"))).toBe(false);
    expect(packPolicy.publishAgenda(user("viewer"), at("draft"))).toBe(false);
    expect(packPolicy.publishAgenda(token, at("draft"))).toBe(false);
    expect(packPolicy.publishAgenda(user("officer", "org-2"), at("draft"))).toBe(false);
    for (const status of ["in_session", "closed", "minutes_approved"] as const)
      expect(packPolicy.publishAgenda(user("officer"), at(status))).toBe(false);
  });
  it("follows the same clerk and before-opening rule as editing the agenda", () => {
    for (const role of ["viewer", "member", "officer", "admin"] as const)
      for (const status of ["draft", "agenda_published", "in_session", "closed", "minutes_approved"] as const)
        expect(packPolicy.publishAgenda(user(role), at(status))).toBe(meetingPolicy.editAgenda(user(role), at(status)));
  });
});

describe("packPolicy.freezeMinutes", () => {
  it("lets the clerk freeze the minuted pack once the meeting has closed", () => {
    expect(packPolicy.freezeMinutes(user("officer"), at("closed"))).toBe(true);
    expect(packPolicy.freezeMinutes(user("admin"), at("closed"))).toBe(true);
  });
  it("refuses members and viewers (even in the chair), tokens, another organisation, and a meeting not closed", () => {
    expect(packPolicy.freezeMinutes(user("member"), at("closed"))).toBe(false);
    expect(packPolicy.freezeMinutes(user("viewer"), at("closed"))).toBe(false);
    expect(packPolicy.freezeMinutes(token, at("closed"))).toBe(false);
    expect(packPolicy.freezeMinutes(user("admin", "org-2"), at("closed"))).toBe(false);
    for (const status of ["draft", "agenda_published", "in_session", "minutes_approved"] as const)
      expect(packPolicy.freezeMinutes(user("officer"), at(status))).toBe(false);
  });
});

describe("packPolicy.signMinutes", () => {
  it("lets the approving meeting's chair or vice-chair sign while it is in session", () => {
    expect(packPolicy.signMinutes(user("member"), at("in_session"), chairSeat)).toBe(true);
    expect(packPolicy.signMinutes(user("member"), at("in_session"), viceSeat)).toBe(true);
    expect(packPolicy.signMinutes(user("admin"), at("in_session"), chairSeat)).toBe(true);
  });
  it("refuses a viewer given the chair's seat: the same role rule as chairing", () => {
    expect(packPolicy.signMinutes(user("viewer"), at("in_session"), chairSeat)).toBe(false);
    expect(packPolicy.signMinutes(user("viewer"), at("in_session"), viceSeat)).toBe(false);
    expect(meetingPolicy.chair(user("viewer"), at("in_session"), chairSeat)).toBe(false);
  });
  it("refuses an ordinary seat, no seat (an admin or officer is not the chair in person), and a token", () => {
    expect(packPolicy.signMinutes(user("member"), at("in_session"), memberSeat)).toBe(false);
    expect(packPolicy.signMinutes(user("admin"), at("in_session"), null)).toBe(false);
    expect(packPolicy.signMinutes(user("officer"), at("in_session"), null)).toBe(false);
    expect(packPolicy.signMinutes(token, at("in_session"), chairSeat)).toBe(false);
  });
  it("refuses another organisation's chair and a meeting that is not in session", () => {
    expect(packPolicy.signMinutes(user("member", "org-2"), at("in_session"), chairSeat)).toBe(false);
    for (const status of ["draft", "agenda_published", "closed", "minutes_approved"] as const)
      expect(packPolicy.signMinutes(user("member"), at(status), chairSeat)).toBe(false);
  });
});
