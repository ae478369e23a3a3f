import type { CoverReportContent, RichText } from "../packs/pack-document";

/*
 * A report item's paper as the room reads it: the cover report's Summary and
 * Recommendation in front of everyone (session and projector), every other section
 * one click away in the session. Taken from the papers as presented (the agenda pack
 * published, or captured when the meeting opened), so that what members read in the
 * room is what the minutes are built on; a draft only while no pack holds the item.
 */

/** The sections the room shows first, in this order. */
export const LEAD_SECTION_KEYS = ["summary", "recommendation"] as const;

export type RoomSection = { key: string; title: string; body: RichText | null };

/** Where the words come from: a frozen agenda pack version, or the report as it stands. */
export type RoomPaperSource = { kind: "presented"; version: number; frozenAtText: string; captured: boolean } | { kind: "draft" };

export type RoomPaper = {
  lead: RoomSection[];
  rest: RoomSection[];
  author: string;
  contact: string;
  source: RoomPaperSource;
};

/** Splits a cover report into what the room shows first and the rest of it. */
export function roomPaper(report: CoverReportContent, source: RoomPaperSource): RoomPaper {
  const isLead = (key: string) => (LEAD_SECTION_KEYS as readonly string[]).includes(key);
  const lead = LEAD_SECTION_KEYS.flatMap((key) => report.sections.filter((s) => s.key === key));
  return {
    lead: lead.map(({ key, title, body }) => ({ key, title, body })),
    rest: report.sections.filter((s) => !isLead(s.key)).map(({ key, title, body }) => ({ key, title, body })),
    author: report.author,
    contact: report.contact,
    source,
  };
}

/** One line telling members which text they are reading. */
export function paperSourceText(source: RoomPaperSource): string {
  if (source.kind === "draft")
    return "Draft: the report as it stands now. The papers are fixed when the agenda pack is published or the meeting opens.";
  return source.captured
    ? `As presented: the papers captured when the meeting opened (agenda pack version ${source.version}, ${source.frozenAtText}).`
    : `As presented: the published agenda pack, version ${source.version} (${source.frozenAtText}).`;
}
