import { describe, expect, it } from "vitest";
import { mintCollabToken, verifyCollabToken } from "./collab-token";

const secret = "test-secret-test-secret-test-secret-0123";
const document = "meeting:0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f";
const claims = {
  document,
  access: "write" as const,
  organisationId: "5b1d7e0a-3c2f-4a8b-9e6d-1f0a2b3c4d5e",
  subject: { kind: "user" as const, userId: "7c2e9f1a-4b3d-4e5f-8a6b-0c1d2e3f4a5b" },
};
const now = new Date("2026-11-23T10:00:00Z");

describe("collab tokens", () => {
  it("verifies a token it minted, for its document, until it expires", () => {
    const { token, expiresAt } = mintCollabToken(secret, claims, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(300_000);
    const check = verifyCollabToken(secret, token, document, new Date(now.getTime() + 299_000));
    expect(check).toEqual({ ok: true, claims: { ...claims, expiresAt: expiresAt.getTime() / 1000 } });
  });

  it("refuses an expired token", () => {
    const { token } = mintCollabToken(secret, claims, now);
    expect(verifyCollabToken(secret, token, document, new Date(now.getTime() + 300_000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a token for another document", () => {
    const { token } = mintCollabToken(secret, claims, now);
    expect(verifyCollabToken(secret, token, "report:0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f", now)).toEqual({
      ok: false,
      reason: "other document",
    });
  });

  it("refuses a token signed with another secret", () => {
    const { token } = mintCollabToken("another-secret-another-secret-another", claims, now);
    expect(verifyCollabToken(secret, token, document, now)).toEqual({ ok: false, reason: "bad signature" });
  });

  it("refuses a token whose claims were changed (read raised to write)", () => {
    const { token } = mintCollabToken(secret, { ...claims, access: "read" }, now);
    const [payload, signature] = token.split(".");
    const raised = JSON.parse(Buffer.from(payload, "base64url").toString());
    raised.acc = "write";
    const forged = `${Buffer.from(JSON.stringify(raised)).toString("base64url")}.${signature}`;
    expect(verifyCollabToken(secret, forged, document, now)).toEqual({ ok: false, reason: "bad signature" });
  });

  it.each(["", "abc", "a.b.c", "..", "x".repeat(5000)])("refuses the malformed token %j", (token) => {
    expect(verifyCollabToken(secret, token, document, now).ok).toBe(false);
  });
});
