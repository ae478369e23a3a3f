import { describe, expect, it } from "vitest";
import { apologiesRefusal, apologiesSchema, describeAttendance, mayReadApologyReason, withdrawalRefusal } from "./apologies";

describe("apologies", () => {
  it.each([
    ["draft", null, null],
    ["agenda_published", { attendance: "expected" }, null],
    ["in_session", { attendance: "expected" }, null],
    ["in_session", { attendance: "present" }, "You are recorded as present at this meeting"],
    ["closed", { attendance: "expected" }, "The meeting has closed: apologies can no longer be sent"],
    ["minutes_approved", null, "The meeting has closed: apologies can no longer be sent"],
  ] as const)("may be sent while the meeting is %s (%o): %s", (status, attendee, refusal) => {
    expect(apologiesRefusal(status, attendee)).toBe(refusal);
  });

  it.each([
    ["agenda_published", { attendance: "apologies" }, null],
    ["in_session", { attendance: "apologies" }, null],
    ["agenda_published", { attendance: "expected" }, "You have not sent apologies for this meeting"],
    ["draft", null, "You have not sent apologies for this meeting"],
    ["closed", { attendance: "apologies" }, "The meeting has closed: its attendance is for the clerk to correct"],
  ] as const)("may be withdrawn while the meeting is %s (%o): %s", (status, attendee, refusal) => {
    expect(withdrawalRefusal(status, attendee)).toBe(refusal);
  });

  it("needs a reason, kept as typed (Welsh, emoji, £) without bidi controls", () => {
    expect(apologiesSchema.safeParse({ reason: "  " }).error?.issues[0].message).toBe(
      "Say why you cannot come, for example “Away on holiday”",
    );
    expect(apologiesSchema.safeParse({ reason: "x".repeat(501) }).error?.issues[0].message).toBe(
      "Keep the reason under 500 characters",
    );
    expect(apologiesSchema.parse({ reason: " Yn Nhŷ Ŵyn 🏠 £5 \u202e" }).reason).toBe("Yn Nhŷ Ŵyn 🏠 £5");
  });

  it("shows the reason with the apologies, and the plain state otherwise", () => {
    expect(describeAttendance("apologies", "Away on holiday")).toBe("Apologies sent (Away on holiday)");
    expect(describeAttendance("apologies", "")).toBe("Apologies");
    expect(describeAttendance("present", "Away on holiday")).toBe("Present");
    expect(describeAttendance("expected", "")).toBe("Expected");
  });

  it.each([
    ["the clerk", { keepsTheRegister: true, userId: "clerk" }, "member", true],
    ["the member who sent them", { keepsTheRegister: false, userId: "member" }, "member", true],
    ["another member", { keepsTheRegister: false, userId: "other" }, "member", false],
    ["an API token (no person)", { keepsTheRegister: false, userId: null }, "member", false],
    ["no one, for a guest's apologies with no account", { keepsTheRegister: false, userId: null }, null, false],
  ] as const)("lets %s read the reason: %s", (_, viewer, apologiser, allowed) => {
    expect(mayReadApologyReason(viewer, apologiser)).toBe(allowed);
  });
});
