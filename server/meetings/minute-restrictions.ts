import { eq } from "drizzle-orm";
import { parseDocumentName } from "../../app/shared/collab/document-names";
import { itemOfRoot } from "../../app/shared/meetings/meeting-record";
import type { Database } from "../../db/client";
import { declarations } from "../../db/schema/meetings";
import type { EditGuard } from "../realtime/yjs/loaded-document";
import { rootsTouchedBy } from "../realtime/yjs/update-roots";

/** Who may not write the minutes of which items of a meeting: userId to the items they declared an interest in. */
export async function loadMinuteRestrictions(db: Database, meetingId: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ userId: declarations.userId, agendaItemId: declarations.agendaItemId })
    .from(declarations)
    .where(eq(declarations.meetingId, meetingId));
  const restrictions = new Map<string, Set<string>>();
  for (const row of rows) {
    const items = restrictions.get(row.userId) ?? new Set<string>();
    items.add(row.agendaItemId);
    restrictions.set(row.userId, items);
  }
  return restrictions;
}

export const DECLARED_INTEREST_REFUSAL = "You declared an interest in this item, so you cannot edit its minutes";

/**
 * Who may not write which part of a meeting's shared record: a person who declared an
 * interest on an item writes neither its minutes nor its actions. Held in memory per
 * meeting so the check on every edit needs no query; refreshed from the declarations
 * table when the meeting's document is opened and after each declaration.
 */
export class MinuteRestrictions {
  private readonly byMeeting = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly db: Database) {}

  async refresh(meetingId: string): Promise<void> {
    this.byMeeting.set(meetingId, await loadMinuteRestrictions(this.db, meetingId));
  }

  restrictedItems(meetingId: string, userId: string): ReadonlySet<string> {
    return this.byMeeting.get(meetingId)?.get(userId) ?? new Set();
  }

  /** The edit guard of `meeting:` documents. */
  readonly guard: EditGuard = ({ documentName, userId, update, doc }) => {
    const document = parseDocumentName(documentName);
    if (document?.type !== "meeting" || userId === null) return null;
    const restricted = this.restrictedItems(document.meetingId, userId);
    if (restricted.size === 0) return null;
    const roots = rootsTouchedBy(doc, update);
    if (roots === null) return DECLARED_INTEREST_REFUSAL;
    for (const root of roots) {
      const item = itemOfRoot(root);
      if (item !== null && restricted.has(item)) return DECLARED_INTEREST_REFUSAL;
    }
    return null;
  };
}
