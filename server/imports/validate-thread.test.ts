import { describe, expect, it } from "vitest";
import { csv, csvTable, testContext } from "./test-support";
import { validateMilestones } from "./validate-milestones";
import { validateObjectives } from "./validate-objectives";
import { validatePlanActions } from "./validate-plan-actions";
import { validatePlans } from "./validate-plans";

const context = {
  ...testContext(),
  thread: {
    themes: new Set(["Decent Homes", "Valuing Resources"]),
    objectives: new Set(["VR1"]),
    plans: new Set(["SIP-INC"]),
    planActions: new Set(["SIP-INC\u0000I1"]),
  },
};
const problemsOf = (r: { problems: { line: number | null; column: string | null }[] }) =>
  r.problems.map((p) => [p.line, p.column]);

describe("the golden thread's imports", () => {
  it("read objectives, their period and indicators, matching the theme whatever its capitals", () => {
    const r = validateObjectives(
      csvTable(
        csv(
          "code,title,theme,accountable_email,period,indicators",
          "VR1,Maximise rent income,valuing resources,Officer@Northfield.example,2025/26–2027/28,BV66a; BV66b",
          "VR2,One year,Valuing Resources,officer@northfield.example,2026/27,",
        ),
      ),
      context,
    );
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      theme: "Valuing Resources",
      firstYear: "2025/26",
      lastYear: "2027/28",
      indicators: ["BV66a", "BV66b"],
    });
    expect(r.rows[1]).toMatchObject({ firstYear: "2026/27", lastYear: "2026/27", indicators: [] });
  });

  it("refuse, line by line, an unknown theme, a stranger, a bad period and an unknown indicator", () => {
    const r = validateObjectives(
      csvTable(
        csv(
          "code,title,theme,accountable_email,period,indicators",
          "X1,A,Nowhere,officer@northfield.example,2025/26–2027/28,",
          "X2,B,Decent Homes,someone@elsewhere.example,2025/26–2027/28,",
          "X3,C,Decent Homes,officer@northfield.example,2027/28–2025/26,",
          "X4,D,Decent Homes,officer@northfield.example,2025/26,NOPE",
        ),
      ),
      context,
    );
    expect(problemsOf(r)).toEqual([
      [2, "theme"],
      [3, "accountable_email"],
      [4, "period"],
      [5, "indicators"],
    ]);
    expect(r.rows).toEqual([]);
  });

  it("read plans, actions and milestones that refer to the library by code", () => {
    expect(
      validatePlans(
        csvTable(
          csv("code,title,kind,service_area,owner_email,year", "SIP-X,Plan,SIP,Income team,admin@northfield.example,2026/27"),
        ),
        context,
      ).rows[0],
    ).toMatchObject({ kind: "improvement", year: "2026/27" });
    const actions = validatePlanActions(
      csvTable(
        csv(
          "plan,code,title,owner_email,start_date,due_date,status,objectives,indicators",
          "SIP-INC,I9,Call early,officer@northfield.example,01/04/2026,31/03/2027,on track,VR1,BV66a",
          "SIP-NONE,I1,Nowhere,officer@northfield.example,2026-04-01,2026-03-01,late,VR9,",
        ),
      ),
      context,
    );
    expect(actions.rows[0]).toMatchObject({ startDate: "2026-04-01", dueDate: "2027-03-31", status: "on_track" });
    expect(problemsOf(actions)).toEqual([
      [3, "plan"],
      [3, "due_date"],
      [3, "status"],
      [3, "objectives"],
    ]);
    const milestones = validateMilestones(
      csvTable(
        csv(
          "plan,action,milestone,due_date,completed_on",
          "SIP-INC,I1,Script agreed,31/05/2026,30/05/2026",
          "SIP-INC,I2,Not an action,31/05/2026,",
          "SIP-INC,I1,Script agreed,31/06/2026,",
        ),
      ),
      context,
    );
    expect(milestones.rows[0]).toMatchObject({ dueDate: "2026-05-31", completedOn: "2026-05-30" });
    expect(problemsOf(milestones)).toEqual([
      [3, "action"],
      [4, "milestone"],
      [4, "due_date"],
    ]);
  });
});
