import { formatUkDateTime } from "../dates";
import type { AgendaItemKind, MeetingStatus } from "../vocabulary";

/*
 * "My papers": a member's next meetings with what they should read. The papers are the
 * published agenda pack (its web page and PDF) and, for each report item, its cover
 * report. What the page says for each meeting is decided here, once.
 */

export type PapersMeeting = {
  id: string;
  status: MeetingStatus;
  pack: { packId: string; version: number; frozenAt: Date; pageCount: number } | null;
  items: { id: string; position: number; kind: AgendaItemKind; title: string; exempt: boolean }[];
};

export type PapersLinks = {
  /** What the papers are, in words. */
  summary: string;
  pack: { web: string; pdf: string; label: string } | null;
  reports: { href: string; label: string }[];
};

export function papersFor(orgSlug: string, meeting: PapersMeeting): PapersLinks {
  const base = `/o/${orgSlug}`;
  if (!meeting.pack)
    return {
      summary:
        meeting.status === "in_session"
          ? "The meeting is in session; no agenda pack was published before it opened."
          : "The agenda is not published yet: the papers will be here when it is.",
      pack: null,
      reports: [],
    };
  const { packId, version, frozenAt, pageCount } = meeting.pack;
  const versionWords = version === 1 ? "Agenda pack" : `Supplementary agenda pack (version ${version})`;
  return {
    summary: `${versionWords}, published ${formatUkDateTime(frozenAt)}, ${pageCount} page${pageCount === 1 ? "" : "s"}.`,
    pack: {
      web: `${base}/packs/${packId}/v/${version}`,
      pdf: `${base}/packs/${packId}/v/${version}/pdf`,
      label: version === 1 ? "Read the agenda pack" : `Read version ${version} of the agenda pack`,
    },
    reports: meeting.items
      .filter((item) => item.kind === "report")
      .map((item) => ({
        href: `${base}/meetings/${meeting.id}/reports/${item.id}`,
        label: `Item ${item.position}: ${item.title}${item.exempt ? " (exempt: not for publication)" : ""}`,
      })),
  };
}
