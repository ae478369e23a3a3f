import { and, eq, inArray, or } from "drizzle-orm";
import { parseDocumentName } from "../../app/shared/collab/document-names";
import { itemOfRoot } from "../../app/shared/meetings/meeting-record";
import type { MinutesMode } from "../../app/shared/vocabulary";
import type { Database } from "../../db/client";
import { memberships } from "../../db/schema/identity";
import { bodies, bodyMembers, declarations, meetings } from "../../db/schema/meetings";
import { meetingPolicy } from "../policies/meeting-policy";
import { userPrincipal } from "../policies/principal";
import type { EditGuard } from "../realtime/yjs/loaded-document";
import { rootsTouchedBy } from "../realtime/yjs/update-roots";
import { claimsAnotherAuthor, rootsWithRemovedEntries } from "./record-removals";

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

/** Who holds the pen in a meeting, by the body's setting, and who may remove what the meeting agreed. */
export type RecordPens = {
  mode: MinutesMode;
  /** Who may write the minutes while the clerk holds the pen. */
  writers: Set<string>;
  /** Who may remove an agreed action or a suggestion: the clerk or the chair. */
  removers: Set<string>;
};

export async function loadRecordPens(db: Database, meetingId: string): Promise<RecordPens> {
  const [meeting] = await db
    .select({
      organisationId: meetings.organisationId,
      bodyId: meetings.bodyId,
      status: meetings.status,
      mode: bodies.minutesMode,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId))
    .limit(1);
  const pens: RecordPens = { mode: meeting?.mode ?? "clerk", writers: new Set(), removers: new Set() };
  if (!meeting) return pens;
  // Only clerks (officers, admins) and those in the chair can hold either power.
  const people = await db
    .select({ userId: memberships.userId, role: memberships.role, position: bodyMembers.position })
    .from(memberships)
    .leftJoin(bodyMembers, and(eq(bodyMembers.bodyId, meeting.bodyId), eq(bodyMembers.userId, memberships.userId)))
    .where(
      and(
        eq(memberships.organisationId, meeting.organisationId),
        or(inArray(memberships.role, ["officer", "admin"]), inArray(bodyMembers.position, ["chair", "vice_chair"])),
      ),
    );
  for (const person of people) {
    const principal = userPrincipal(person.userId, { id: meeting.organisationId, role: person.role });
    const seat = person.position ? { position: person.position } : null;
    if (meetingPolicy.writeMinutes(principal, meeting, null, "clerk")) pens.writers.add(person.userId);
    if (meetingPolicy.removeRecordEntries(principal, meeting, seat)) pens.removers.add(person.userId);
  }
  return pens;
}

export const DECLARED_INTEREST_REFUSAL = "You declared an interest in this item, so you cannot edit its minutes";
export const CLERK_HOLDS_PEN_REFUSAL =
  "The clerk writes the minutes of this meeting: suggest your wording beside the item instead";
export const AUTHOR_REFUSAL = "A suggestion is made in your own name";
export const REMOVAL_REFUSAL = "Only the clerk or the chair can remove an agreed action or a suggestion";

type MeetingRules = { declared: Map<string, Set<string>>; pens: RecordPens };

/**
 * Who may not write which part of a meeting's shared record:
 * - a person who declared an interest on an item writes none of its parts;
 * - where the body has the clerk hold the pen, only the clerk writes the minutes
 *   (members add suggestions beside them);
 * - only the clerk or the chair removes an agreed action or a suggestion;
 * - a suggestion names its writer as its author.
 * Held in memory per meeting so the check on every edit needs no query; refreshed
 * when the meeting's document is opened (each connection) and after each declaration.
 */
export class MinuteRestrictions {
  private readonly byMeeting = new Map<string, MeetingRules>();

  constructor(private readonly db: Database) {}

  async refresh(meetingId: string): Promise<void> {
    const [declared, pens] = await Promise.all([loadMinuteRestrictions(this.db, meetingId), loadRecordPens(this.db, meetingId)]);
    this.byMeeting.set(meetingId, { declared, pens });
  }

  restrictedItems(meetingId: string, userId: string): ReadonlySet<string> {
    return this.byMeeting.get(meetingId)?.declared.get(userId) ?? new Set();
  }

  /** The edit guard of `meeting:` documents. */
  readonly guard: EditGuard = ({ documentName, userId, update, doc }) => {
    const document = parseDocumentName(documentName);
    if (document?.type !== "meeting" || userId === null) return null;
    const rules = this.byMeeting.get(document.meetingId);
    const restricted = rules?.declared.get(userId) ?? new Set<string>();
    // Rules not loaded (never expected: the resolver loads them) keep the pen with the clerk.
    const holdsPen = rules ? rules.pens.mode === "everyone" || rules.pens.writers.has(userId) : false;
    const mayRemove = rules?.pens.removers.has(userId) ?? false;

    if (restricted.size > 0 || !holdsPen) {
      const roots = rootsTouchedBy(doc, update);
      if (roots === null) return restricted.size > 0 ? DECLARED_INTEREST_REFUSAL : CLERK_HOLDS_PEN_REFUSAL;
      for (const root of roots) {
        const item = itemOfRoot(root);
        if (item !== null && restricted.has(item)) return DECLARED_INTEREST_REFUSAL;
        if (!holdsPen && root.startsWith("minutes:")) return CLERK_HOLDS_PEN_REFUSAL;
      }
    }
    if (claimsAnotherAuthor(update, userId)) return AUTHOR_REFUSAL;
    if (!mayRemove) {
      for (const root of rootsWithRemovedEntries(doc, update)) {
        if (root.startsWith("actions:") || root.startsWith("suggestions:")) return REMOVAL_REFUSAL;
      }
    }
    return null;
  };
}
