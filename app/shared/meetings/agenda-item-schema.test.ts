import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { agendaItemSchema, CLINIC_INDICATORS_MAX } from "./agenda-item-schema";

const clinic = (count: number) => ({
  kind: "performance_clinic",
  title: "Voids clinic",
  indicatorIds: Array.from({ length: count }, () => randomUUID()).join(","),
});

const problemsOf = (input: object) => {
  const parsed = agendaItemSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("a clinic item's indicators", () => {
  it("takes from one to the most a clinic may look at", () => {
    expect(problemsOf(clinic(1))).toEqual([]);
    expect(problemsOf(clinic(CLINIC_INDICATORS_MAX))).toEqual([]);
  });

  it("refuses none, and more than the most, saying what to do instead", () => {
    expect(problemsOf(clinic(0))).toEqual(["indicatorIds: Choose at least one indicator for the clinic"]);
    expect(problemsOf(clinic(CLINIC_INDICATORS_MAX + 1))).toEqual([
      `indicatorIds: Choose at most ${CLINIC_INDICATORS_MAX} indicators for a clinic; review more as a scorecard item`,
    ]);
  });

  it("ignores the indicators sent with another kind of item (a form shows every kind's fields without scripts)", () => {
    expect(problemsOf({ ...clinic(CLINIC_INDICATORS_MAX + 5), kind: "report", title: "Annual report" })).toEqual([]);
  });
});
