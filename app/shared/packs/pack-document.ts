import type { TargetStatus } from "../performance/status";

/*
 * The canonical form of a pack: everything the web page and the PDF show, as data,
 * with every figure and date already in the words people read. Freezing builds one of
 * these from the live documents and the figures at that instant; its canonical JSON
 * (RFC 8785, see canonical-json.ts) is what is hashed and kept; the web page and PDF
 * are both rendered from it, so they cannot disagree about what the pack says.
 *
 * Change the shape only with a new PACK_FORMAT: old versions must still render and verify.
 */

export const PACK_FORMAT = "minuted-pack/1";

/**
 * Rich text as ProseMirror JSON under the commentary schema (paragraph, text,
 * bulletList, orderedList, listItem, hardBreak; marks bold, italic, link with an http,
 * https or mailto href): the top node is `{ type: "doc", content: [...] }`.
 */
export type RichText = {
  type: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null>;
  marks?: { type: string; attrs?: Record<string, string | number | boolean | null> }[];
  content?: RichText[];
};

export type PackKind = "agenda" | "minutes";

export type PackPerson = { name: string; role: string };

export type PackDocument = {
  format: typeof PACK_FORMAT;
  kind: PackKind;
  /** "Performance Committee: agenda pack, 30 November 2026" */
  title: string;
  organisation: { name: string; slug: string };
  body: { name: string; minutePrefix: string };
  meeting: {
    id: string;
    title: string;
    kindLabel: string;
    /** ISO instant */
    startsAt: string;
    /** "Monday 30 November 2026 at 18:00" */
    whenText: string;
    place: string;
    onlineLink: string;
  };
  version: {
    number: number;
    /** The hash of the version before (null for the first): the chain. */
    previousSha256: string | null;
    /** Why a correction was made; "" for the first version. */
    reason: string;
    /** ISO instant */
    frozenAt: string;
    frozenAtText: string;
    frozenBy: string;
  };
  /** Members, officers and guests: for an agenda pack the membership, for minutes who attended. */
  attendance: {
    present: PackPerson[];
    apologies: PackPerson[];
    absent: PackPerson[];
    officers: PackPerson[];
    guests: PackPerson[];
  };
  /** Quorum in words, minutes only: "Quorate: 4 of 6 members, including a tenant member". */
  quorumText: string | null;
  items: PackItem[];
};

export type PackItem = {
  /** Stable within the pack: "item-3". */
  sectionId: string;
  /** Position on the agenda, from 1. */
  number: number;
  /** Given when the meeting opened: "PC 26/14"; null on an agenda pack. */
  minuteNumber: string | null;
  title: string;
  kindLabel: string;
  presenter: string;
  minutesAllowed: number | null;
  /** An exempt ("part 2") item; its content never reaches the public copy. */
  exempt: { paragraph: number; paragraphText: string } | null;
  coverReport: CoverReportContent | null;
  /** The minutes written for the item (minutes pack only). */
  minutes: RichText | null;
  declarations: { name: string; kindLabel: string; note: string }[];
  resolutions: PackResolution[];
  agreedActions: PackAgreedAction[];
  challenges: { indicator: string; question: string; raisedBy: string; answer: string; answeredBy: string }[];
  /** "Previous minutes" items of a minutes pack: what was approved and signed. */
  approval: { text: string; sha256: string } | null;
  appendices: PackAppendix[];
};

export type PackResolution = {
  /** After "RESOLVED that": "the performance report be noted." */
  wording: string;
  methodLabel: string;
  outcomeLabel: string;
  /** "For 5, against 1, abstentions 0" */
  tallyText: string;
  namedVotes: { name: string; choiceLabel: string }[];
};

export type PackAgreedAction = { action: string; owner: string; dueText: string; indicator: string };

export type CoverReportChecklistEntry = { area: string; noImplications: boolean };

export type CoverReportContent = {
  /** Section title to rich text, in the sector's order (COVER_REPORT_SECTIONS). */
  sections: { key: string; title: string; body: RichText | null }[];
  /** The areas with no implications arising, ticked or not. */
  checklist: CoverReportChecklistEntry[];
  author: string;
  contact: string;
  backgroundPapers: string;
};

export type PackStatusCell = { status: TargetStatus; statusText: string };

export type PackScorecardRow = PackStatusCell & {
  code: string;
  title: string;
  valueText: string;
  targetText: string;
  /** "Better than last year" etc. */
  directionText: string;
  ytdText: string;
  /** Every peer group in one line (packs frozen before peer groups went side by side have only this). */
  quartileText: string;
  /** The position among each of the appendix's `peerColumns`, in the same order. */
  peerTexts?: string[];
  /** The figure is marked unaudited; absent in packs frozen before figures could be. */
  unaudited?: boolean;
};

export type PackTrendPoint = { period: string; periodText: string; value: number | null; target: number | null };

export type PackAppendix =
  | {
      kind: "scorecard";
      sectionId: string;
      title: string;
      periodText: string;
      areaName: string | null;
      /** One column per peer group ("Metropolitan housing companies, 2025/26 peers"); absent in older packs. */
      peerColumns?: string[];
      /** "Compared with ... 2025/26 peers: the latest peer data from before each figure’s year." */
      peersText?: string;
      rows: PackScorecardRow[];
    }
  | {
      kind: "exception";
      sectionId: string;
      title: string;
      code: string;
      indicatorTitle: string;
      periodText: string;
      valueText: string;
      /** As on a scorecard row. */
      unaudited?: boolean;
      targetText: string;
      status: TargetStatus;
      statusText: string;
      owner: string;
      unit: string;
      /** Oldest first, for the trend chart against the target line. */
      trend: PackTrendPoint[];
      commentary: {
        stateText: string;
        sections: { title: string; body: RichText | null }[];
        actions: { action: string; owner: string; dueText: string; statusText: string }[];
        recoveryDateText: string;
      };
    }
  | {
      /** A performance clinic's improvement plan for one indicator, as agreed (minutes only). */
      kind: "improvement_plan";
      sectionId: string;
      title: string;
      code: string;
      indicatorTitle: string;
      unit: string;
      milestones: { milestone: string; dueText: string }[];
      /** The recovery trajectory: the planned value of each period, its target and the figure recorded so far. */
      trajectory: { period: string; periodText: string; planned: number; target: number | null; actual: number | null }[];
      /** The same, as the pack writes the figures ("88.0%"). */
      trajectoryText: { periodText: string; plannedText: string; targetText: string; actualText: string }[];
    }
  | {
      kind: "action_log";
      sectionId: string;
      title: string;
      rows: {
        reference: string;
        action: string;
        owner: string;
        dueText: string;
        statusText: string;
        latestNote: string;
        indicator: string;
        movementText: string;
      }[];
    }
  | {
      /** A plan-progress item: one plan, or the plans of a theme, in one quarter (ADR 021). */
      kind: "plan_progress";
      sectionId: string;
      title: string;
      /** "Q2 2026/27 (July to September 2026)" */
      quarterText: string;
      actions: {
        plan: string;
        code: string;
        title: string;
        owner: string;
        dueText: string;
        statusText: string;
        /** The owner's latest progress note for the quarter; "" when none. */
        progress: string;
        /** One line per milestone due in the quarter: "Title, due 1 July 2026: Slipped". */
        milestonesText: string;
      }[];
      /** Milestones that slipped in the quarter, each with its commentary. */
      slipped: { plan: string; action: string; milestone: string; dueText: string; stateText: string; commentary: string }[];
      /** Codes of open actions with no progress for the quarter. */
      missingProgress: string[];
    }
  | {
      /** The service improvement log: what changed, when, the evidence and the indicator's movement. */
      kind: "improvement_log";
      sectionId: string;
      title: string;
      rows: {
        title: string;
        description: string;
        madeOnText: string;
        evidence: string;
        indicator: string;
        planAction: string;
        movementText: string;
      }[];
    };

/** One line of the table of contents; the PDF renderer gives each its page. */
export type PackContentsEntry = { sectionId: string; level: 1 | 2; title: string };

/** The table of contents of a pack, in reading order: every item, and under it its appendices. */
export function packContents(pack: PackDocument): PackContentsEntry[] {
  const entries: PackContentsEntry[] = [];
  for (const item of pack.items) {
    entries.push({ sectionId: item.sectionId, level: 1, title: itemHeading(item) });
    for (const appendix of item.appendices) entries.push({ sectionId: appendix.sectionId, level: 2, title: appendix.title });
  }
  return entries;
}

/** "PC 26/14  Scorecard review" on minutes, "3. Scorecard review" on an agenda. */
export function itemHeading(item: Pick<PackItem, "number" | "minuteNumber" | "title">): string {
  return item.minuteNumber ? `${item.minuteNumber} ${item.title}` : `${item.number}. ${item.title}`;
}
