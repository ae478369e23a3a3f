import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collabDocumentNameSchema,
  exceptionDocumentName,
  meetingDocumentName,
  parseDocumentName,
  reportDocumentName,
} from "./document-names";

const id = "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f";

describe("parseDocumentName", () => {
  it.each([
    [`exception:${id}:2025-04`, { type: "exception", indicatorId: id, period: "2025-04" }],
    [`exception:${id}:2026-12`, { type: "exception", indicatorId: id, period: "2026-12" }],
    [`meeting:${id}`, { type: "meeting", meetingId: id }],
    [`report:${id}`, { type: "report", reportId: id }],
  ])("reads %s", (name, expected) => {
    expect(parseDocumentName(name)).toEqual({ ...expected, name });
  });

  it.each([
    ["an unknown type", `minutes:${id}`],
    ["an upper-case id (a second spelling of the same document)", `meeting:${id.toUpperCase()}`],
    ["a month 13", `exception:${id}:2025-13`],
    ["a month 00", `exception:${id}:2025-00`],
    ["a month without its zero", `exception:${id}:2025-4`],
    ["an exception without a period", `exception:${id}`],
    ["a meeting with a period", `meeting:${id}:2025-04`],
    ["a truncated id", `report:${id.slice(0, 30)}`],
    ["trailing text", `report:${id}/x`],
    ["a path", `../report:${id}`],
    ["the empty string", ""],
    ["a very long name", `report:${id}${"a".repeat(10_000)}`],
  ])("refuses %s", (_label, name) => {
    expect(parseDocumentName(name)).toBeNull();
  });

  it("reads back every name the builders make", () => {
    fc.assert(
      fc.property(
        fc.uuid({ version: 4 }),
        fc.integer({ min: 1990, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        (uuid, year, month) => {
          const period = `${year}-${String(month).padStart(2, "0")}`;
          expect(parseDocumentName(exceptionDocumentName(uuid, period))).toMatchObject({
            type: "exception",
            indicatorId: uuid.toLowerCase(),
            period,
          });
          expect(parseDocumentName(meetingDocumentName(uuid))).toMatchObject({ type: "meeting", meetingId: uuid.toLowerCase() });
          expect(parseDocumentName(reportDocumentName(uuid))).toMatchObject({ type: "report", reportId: uuid.toLowerCase() });
        },
      ),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        parseDocumentName(text);
      }),
    );
  });

  it("refuses to build a name from a bad period", () => {
    expect(() => exceptionDocumentName(id, "2025-13")).toThrow();
  });
});

describe("collabDocumentNameSchema", () => {
  it("parses a valid name", () => {
    expect(collabDocumentNameSchema.parse(`meeting:${id}`)).toMatchObject({ type: "meeting" });
  });
  it("explains a bad one", () => {
    const result = collabDocumentNameSchema.safeParse("meeting:1");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/Not a shared document name/);
  });
});
