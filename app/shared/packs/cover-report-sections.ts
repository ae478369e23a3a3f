/*
 * The fixed sections of a cover report, as the sector writes them, and the areas a
 * report confirms have no implications arising. One shared (Yjs) document per report,
 * `report:<id>`: each rich-text section is an XmlFragment named by its key, the
 * checklist a Y.Map of area key to boolean ("no implications arising"), and the
 * author, contact and background papers strings in the "details" Y.Map.
 */

export type CoverReportSection = { key: string; title: string; hint: string; required: boolean };

export const COVER_REPORT_SECTIONS: readonly CoverReportSection[] = [
  { key: "summary", title: "Summary", hint: "What the report is about and what it finds, in a few sentences.", required: true },
  {
    key: "recommendation",
    title: "Recommendation",
    hint: "What the meeting is asked to do: note, agree, approve.",
    required: true,
  },
  {
    key: "considerations",
    title: "Matters for consideration",
    hint: "The evidence and the options the meeting should weigh.",
    required: true,
  },
  {
    key: "equalities",
    title: "Equalities impact assessment",
    hint: "Who could be affected differently, and what was done about it.",
    required: true,
  },
  {
    key: "policy",
    title: "Policy review implications",
    hint: "Policies this changes or that need review; “None” if none.",
    required: false,
  },
];

export type CoverReportSectionKey = (typeof COVER_REPORT_SECTIONS)[number]["key"];

export const NO_IMPLICATIONS_AREAS = [
  { key: "consultation", label: "Consultation" },
  { key: "financial", label: "Financial and business plan" },
  { key: "legal", label: "Legal and confidentiality" },
  { key: "personnel", label: "Personnel" },
  { key: "environmental", label: "Environmental" },
  { key: "health_and_safety", label: "Health and safety" },
  { key: "risk", label: "Risk" },
] as const;

export const CHECKLIST_FIELD = "noImplications";
export const REPORT_DETAILS_FIELD = "details";
export const REPORT_DETAIL_KEYS = ["author", "contact", "backgroundPapers"] as const;
export type ReportDetailKey = (typeof REPORT_DETAIL_KEYS)[number];
