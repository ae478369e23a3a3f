import { roomPaper, type RoomPaper } from "../../app/shared/meetings/papers-in-the-room";
import { formatUkDateTime } from "../../app/shared/dates";
import type { Database } from "../../db/client";
import type { Meeting } from "../../db/schema/meetings";
import { loadMeetingCoverReports, type DocumentReader } from "../packs/cover-reports";
import { CAPTURED_AT_OPENING } from "../packs/capture-papers";
import { latestAgendaPack, presentedItem } from "../packs/papers-as-presented";

/**
 * The cover report of every report item of a meeting, as the room shows it (by agenda
 * item id; null when no report was written). The latest agenda pack version holds the
 * papers as presented; an item it does not hold (added after publishing, before the
 * meeting opens) shows its report as it stands, marked as a draft.
 */
export async function papersInTheRoom(
  db: Database,
  documents: DocumentReader,
  meeting: Pick<Meeting, "id" | "organisationId">,
  items: { id: string; kind: string; position: number; title: string }[],
): Promise<Map<string, RoomPaper | null>> {
  const papers = new Map<string, RoomPaper | null>();
  const reportItems = items.filter((item) => item.kind === "report");
  if (reportItems.length === 0) return papers;
  const published = await latestAgendaPack(db, meeting.id);
  const missing: string[] = [];
  for (const item of reportItems) {
    const presented = published ? presentedItem(published.pack, item) : null;
    if (presented && published) {
      const source = {
        kind: "presented" as const,
        version: published.version,
        frozenAtText: formatUkDateTime(published.frozenAt),
        captured: published.pack.version.reason.startsWith(CAPTURED_AT_OPENING),
      };
      papers.set(item.id, presented.coverReport ? roomPaper(presented.coverReport, source) : null);
    } else missing.push(item.id);
  }
  if (missing.length) {
    const live = await loadMeetingCoverReports(db, documents, meeting.organisationId, meeting.id);
    for (const report of live.filter((r) => missing.includes(r.itemId)))
      papers.set(report.itemId, report.content ? roomPaper(report.content, { kind: "draft" }) : null);
  }
  return papers;
}
