import type { Meeting } from "../../db/schema/meetings";
import type { Actor } from "../audit";
import type { Database } from "../../db/client";
import type { SharedDocuments } from "../realtime/yjs/shared-documents";
import { freezePack, type FreezeResult } from "./freeze-pack";
import { agendaChangesSincePublished, latestAgendaPack } from "./papers-as-presented";

/*
 * Capturing the papers as the meeting opens. The minuted pack is built on the papers
 * members had (papers-as-presented.ts); when no agenda pack was published, or the agenda
 * changed after it was, the papers as they stand at opening are frozen now as the
 * agenda pack's next version, with the reason, so that later edits (a commentary
 * rewritten in December) never reach the minutes of an October meeting.
 */

/** How the reason of a version captured at opening begins (the room tells members so). */
export const CAPTURED_AT_OPENING = "Captured when the meeting opened";

type Services = { db: Database; documents: SharedDocuments };

export async function capturePapersAtOpening(
  services: Services,
  meeting: Meeting,
  actor: Actor & { name: string },
): Promise<FreezeResult | null> {
  if (meeting.status !== "draft" && meeting.status !== "agenda_published") return null;
  const published = await latestAgendaPack(services.db, meeting.id);
  let reason: string;
  if (!published) {
    reason = `${CAPTURED_AT_OPENING}: no agenda pack had been published, so these are the papers as they stood then.`;
  } else {
    const changes = await agendaChangesSincePublished(services.db, meeting, published);
    if (changes.length === 0) return null;
    reason = `${CAPTURED_AT_OPENING}: the agenda had changed since version ${published.version} was published (${changes.join("; ")}).`;
  }
  return freezePack(services, { meeting, kind: "agenda", reason, actor, capture: true });
}
