import { COVER_REPORT_SECTIONS, NO_IMPLICATIONS_AREAS } from "./cover-report-sections";
import { PACK_FORMAT, type PackAppendix, type PackDocument, type PackItem, type RichText } from "./pack-document";

/**
 * A realistic pack for renderer tests and the benchmark: `items` agenda items, a
 * scorecard of `indicators` lines, `exceptions` exception reports and an action log of
 * `actions` rows. Markers let tests find each part in the output.
 */
export function samplePack(
  options: {
    kind?: "agenda" | "minutes";
    items?: number;
    indicators?: number;
    exceptions?: number;
    actions?: number;
    exemptItem?: boolean;
    marker?: string;
  } = {},
): PackDocument {
  const {
    kind = "minutes",
    items = 8,
    indicators = 30,
    exceptions = 10,
    actions = 40,
    exemptItem = true,
    marker = "MARKER",
  } = options;
  const minutes = kind === "minutes";
  const paragraph = (text: string): RichText => ({ type: "paragraph", content: [{ type: "text", text }] });
  const doc = (...blocks: RichText[]): RichText => ({ type: "doc", content: blocks });
  const list: PackItem[] = [];
  for (let n = 1; n <= items; n++) {
    const appendices: PackAppendix[] = [];
    const isScorecard = n === 4;
    const isExceptions = n === 5;
    const isActionLog = n === 3;
    if (isScorecard) {
      appendices.push({
        kind: "scorecard",
        sectionId: `item-${n}-scorecard`,
        title: "Scorecard: October 2026",
        periodText: "October 2026",
        areaName: null,
        rows: Array.from({ length: indicators }, (_, i) => ({
          code: `KPI${String(i + 1).padStart(2, "0")}`,
          title: `Indicator number ${i + 1} with a long enough title to wrap in a narrow column`,
          valueText: `${(90 + (i % 10) / 2).toFixed(1)}%`,
          targetText: "95.0%",
          status: i % 3 === 0 ? "off_target" : i % 3 === 1 ? "within_tolerance" : "on_target",
          statusText: i % 3 === 0 ? "Off target" : i % 3 === 1 ? "Within tolerance" : "On target",
          directionText: i % 2 ? "Better than last year" : "Worse than last year",
          ytdText: "93.2%",
          quartileText: i % 4 === 0 ? "Bottom 25%" : "Top 25%",
        })),
      });
    }
    if (isExceptions) {
      for (let e = 1; e <= exceptions; e++) {
        appendices.push({
          kind: "exception",
          sectionId: `item-${n}-exception-${e}`,
          title: `Exception report: KPI${String(e).padStart(2, "0")} Indicator number ${e}`,
          code: `KPI${String(e).padStart(2, "0")}`,
          indicatorTitle: `Indicator number ${e}`,
          periodText: "October 2026",
          valueText: "88.0%",
          targetText: "95.0%",
          status: "off_target",
          statusText: "Off target",
          owner: "Priya Shah",
          unit: "%",
          trend: Array.from({ length: 13 }, (_, m) => {
            const month = ((9 + m) % 12) + 1;
            const year = 2025 + Math.floor((9 + m) / 12);
            const period = `${year}-${String(month).padStart(2, "0")}`;
            return { period, periodText: period, value: m === 5 ? null : 86 + ((m * 7) % 9), target: 95 };
          }),
          commentary: {
            stateText: "Ready for committee",
            sections: [
              {
                title: "Reason for the variance",
                body: doc(paragraph(`Contractor capacity fell in September. ${marker}-exception-${e}`)),
              },
              { title: "Impact on tenants", body: doc(paragraph("Repairs waited longer.")) },
              { title: "Forecast year-end outturn", body: doc(paragraph("92% by March.")) },
              { title: "Data-quality caveats", body: null },
            ],
            actions: [
              { action: "Recruit two more operatives", owner: "Priya Shah", dueText: "31 January 2027", statusText: "On track" },
            ],
            recoveryDateText: "31 March 2027",
          },
        });
      }
    }
    if (isActionLog) {
      appendices.push({
        kind: "action_log",
        sectionId: `item-${n}-action-log`,
        title: "Action log",
        rows: Array.from({ length: actions }, (_, a) => ({
          reference: `PC 26/${String(a + 1).padStart(2, "0")}`,
          action: `Action ${a + 1}: report back on the repairs backlog by area`,
          owner: a % 2 ? "Priya Shah" : "Tom Reed",
          dueText: "15 December 2026",
          statusText: a % 5 === 0 ? "Overdue" : "On track",
          latestNote: a % 3 === 0 ? "Contractor meeting held; plan agreed." : "",
          indicator: a % 2 ? "KPI01 Repairs completed on time" : "",
          movementText: a % 2 ? "Improved since agreed" : "",
        })),
      });
    }
    const exempt = exemptItem && n === items - 1;
    list.push({
      sectionId: `item-${n}`,
      number: n,
      minuteNumber: minutes ? `PC 26/${String(20 + n).padStart(2, "0")}` : null,
      title: exempt
        ? "Contract award: responsive repairs"
        : isScorecard
          ? "Scorecard review"
          : isExceptions
            ? "Exceptions"
            : isActionLog
              ? "Review of the action log"
              : `Report ${n}`,
      kindLabel: isScorecard ? "Scorecard review" : "Report",
      presenter: "Director of Housing",
      minutesAllowed: 15,
      exempt: exempt
        ? { paragraph: 3, paragraphText: "Information relating to the financial or business affairs of any particular person" }
        : null,
      coverReport:
        n === 6 || exempt
          ? {
              sections: COVER_REPORT_SECTIONS.map((s) => ({
                key: s.key,
                title: s.title,
                body: doc(paragraph(`${s.title} text. ${exempt ? `${marker}-exempt` : ""}`)),
              })),
              checklist: NO_IMPLICATIONS_AREAS.map((a, i) => ({ area: a.label, noImplications: i % 2 === 0 })),
              author: "Sam Carter, Head of Performance",
              contact: "sam.carter@example.org.uk",
              backgroundPapers: "None",
            }
          : null,
      minutes: minutes
        ? doc(paragraph(`The committee discussed item ${n}. ${exempt ? `${marker}-exempt-minutes` : `${marker}-minutes-${n}`}`))
        : null,
      declarations: n === 2 ? [{ name: "Cllr Ama Osei", kindLabel: "Personal interest", note: "Tenant of the association" }] : [],
      resolutions:
        minutes && n >= 3
          ? [
              {
                wording: `the report at item ${n} be noted. ${marker}-resolution-${n}`,
                methodLabel: "Show of hands",
                outcomeLabel: "Carried",
                tallyText: "For 5, against 0, abstentions 1",
                namedVotes: [],
              },
            ]
          : [],
      agreedActions:
        minutes && n === 5
          ? [
              {
                action: "Report the repairs recovery plan to the next meeting",
                owner: "Priya Shah",
                dueText: "14 December 2026",
                indicator: "KPI01",
              },
            ]
          : [],
      challenges:
        minutes && n === 4
          ? [
              {
                indicator: "KPI01",
                question: "Why is the north worse?",
                raisedBy: "Joan Whitaker",
                answer: "Two vacancies.",
                answeredBy: "Priya Shah",
              },
            ]
          : [],
      approval: null,
      appendices,
    });
  }
  return {
    format: PACK_FORMAT,
    kind,
    title: `Performance Committee: ${minutes ? "minutes" : "agenda pack"}, 19 October 2026`,
    organisation: { name: "Riverside Homes", slug: "riverside" },
    body: { name: "Performance Committee", minutePrefix: "PC" },
    meeting: {
      id: "00000000-0000-4000-8000-000000000001",
      title: "Performance Committee",
      kindLabel: "Committee meeting",
      startsAt: "2026-10-19T17:00:00.000Z",
      whenText: "Monday 19 October 2026 at 18:00",
      place: "Committee Room 1, Civic Centre",
      onlineLink: "",
    },
    version: {
      number: 1,
      previousSha256: null,
      reason: "",
      frozenAt: "2026-10-19T20:00:00.000Z",
      frozenAtText: "19 October 2026 at 21:00",
      frozenBy: "Alex Clerk",
    },
    attendance: {
      present: [
        { name: "Cllr Ama Osei", role: "Vice-chair, Councillor" },
        { name: "Joan Whitaker", role: "Member, Tenant" },
      ],
      apologies: [{ name: "Mark Ellis", role: "Member, Independent" }],
      absent: [],
      officers: [{ name: "Priya Shah", role: "Officer" }],
      guests: [],
    },
    quorumText: minutes ? "Quorate: 4 of 6 members, including a tenant member" : null,
    items: list,
  };
}
