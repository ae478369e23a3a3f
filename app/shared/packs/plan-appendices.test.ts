import { describe, expect, it } from "vitest";
import { quarterProgress, type ActionForProgress } from "../plans/quarter-progress";
import { improvementLogAppendix, planProgressAppendix } from "./plan-appendices";

// A repairs SIP on 15 October 2026, looking back at Q2: one milestone slipped (explained),
// one done late; the action's owner wrote a note for the quarter.
const action: ActionForProgress = {
  id: "a1",
  planId: "p1",
  planCode: "SIP-REP",
  planTitle: "Repairs improvement plan",
  code: "A1",
  title: "Move repairs to appointments",
  ownerName: "Tom Okafor",
  status: "on_track",
  dueDate: "2027-03-31",
  milestones: [
    { id: "m2", title: "Scheduler live", dueDate: "2026-09-15", completedOn: null },
    { id: "m3", title: "Staff trained", dueDate: "2026-08-31", completedOn: "2026-09-10" },
  ],
  notes: [
    {
      id: "q2",
      milestoneId: null,
      quarter: "2026/27 Q2",
      status: "at_risk",
      note: "Go-live delayed: the supplier’s link failed testing",
      expectedDate: null,
      at: "2026-09-29T09:00:00.000Z",
      by: "Tom Okafor",
    },
    {
      id: "s1",
      milestoneId: "m2",
      quarter: "2026/27 Q2",
      status: null,
      note: "Now due in November; Gwŷn’s team runs a manual pilot 🛠",
      expectedDate: "2026-11-30",
      at: "2026-09-30T09:00:00.000Z",
      by: "Tom Okafor",
    },
  ],
};

describe("planProgressAppendix", () => {
  it("puts the quarter's progress in the plan page's words, typed text unchanged", () => {
    const progress = quarterProgress([action], "2026/27 Q2", "2026-10-15");
    const appendix = planProgressAppendix(progress, () => "SIP-REP Repairs improvement plan", {
      sectionId: "item-5-plan-progress",
      title: "Plan progress",
    });
    expect(appendix).toEqual({
      kind: "plan_progress",
      sectionId: "item-5-plan-progress",
      title: "Plan progress",
      quarterText: progress.quarter.label,
      actions: [
        {
          plan: "SIP-REP Repairs improvement plan",
          code: "A1",
          title: "Move repairs to appointments",
          owner: "Tom Okafor",
          dueText: "31 March 2027",
          // A slipped milestone puts an on-track action at risk.
          statusText: "At risk",
          progress: "Go-live delayed: the supplier’s link failed testing",
          milestonesText: "Scheduler live, due 15 September 2026: Slipped\nStaff trained, due 31 August 2026: Done late",
        },
      ],
      slipped: [
        {
          plan: "SIP-REP Repairs improvement plan",
          action: "A1 Move repairs to appointments",
          milestone: "Staff trained",
          dueText: "31 August 2026",
          stateText: "Done late",
          commentary: "",
        },
        {
          plan: "SIP-REP Repairs improvement plan",
          action: "A1 Move repairs to appointments",
          milestone: "Scheduler live",
          dueText: "15 September 2026",
          stateText: "Slipped",
          commentary: "Now due in November; Gwŷn’s team runs a manual pilot 🛠",
        },
      ],
      missingProgress: [],
    });
  });
});

describe("improvementLogAppendix", () => {
  it("lists each improvement with its date, evidence and the indicator's movement", () => {
    const appendix = improvementLogAppendix(
      [
        {
          title: "Repairs booked to two-hour slots",
          description: "Residents choose a slot",
          madeOn: "2026-06-01",
          evidence: "Survey: 82% satisfied (£0 cost)",
          indicator: { code: "RP02", title: "Repairs completed within target" },
          planAction: { code: "A1", title: "Move repairs to appointments" },
          movement: { text: "Up 2.30 percentage points, from 96.50% (May 2026) to 98.80% (September 2026): better" },
        },
        {
          title: "Welsh-language letters",
          description: "",
          madeOn: "2026-07-10",
          evidence: "",
          indicator: null,
          planAction: null,
          movement: null,
        },
      ],
      { sectionId: "item-6-improvement-log", title: "Service improvement log" },
    );
    expect(appendix.rows).toEqual([
      {
        title: "Repairs booked to two-hour slots",
        description: "Residents choose a slot",
        madeOnText: "1 June 2026",
        evidence: "Survey: 82% satisfied (£0 cost)",
        indicator: "RP02 Repairs completed within target",
        planAction: "A1 Move repairs to appointments",
        movementText: "Up 2.30 percentage points, from 96.50% (May 2026) to 98.80% (September 2026): better",
      },
      {
        title: "Welsh-language letters",
        description: "",
        madeOnText: "10 July 2026",
        evidence: "",
        indicator: "",
        planAction: "",
        movementText: "",
      },
    ]);
  });
});
