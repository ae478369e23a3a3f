import type { Database } from "../../db/client";
import { findAttendee } from "../../db/queries/meetings";
import { listCurrentInterests, listRegisteredInterests } from "../../db/queries/members";
import type { AgendaItemKind, Meeting } from "../../db/schema/meetings";
import { apologiesRefusal, describeAttendance } from "../../app/shared/members/apologies";
import { interestPrompts, promptsOffered, REGISTERED_INTEREST_KIND_SHORT } from "../../app/shared/members/interests";
import type { Seat } from "../policies/meeting-roles";
import { memberPolicy } from "../policies/member-policy";
import type { Principal } from "../policies/principal";

type Item = { id: string; position: number; kind: AgendaItemKind; title: string; minuteNumber: string | null };

/**
 * What the meeting page and the session show about members helping themselves: to a
 * seated member, their apologies and the prompts of their register ("does it relate to
 * item N?") once the agenda is published; to the clerk, the registered interests of the
 * body's members. One reading for both pages.
 */
export async function loadMemberHelp(
  db: Database,
  { principal, meeting, seat, items }: { principal: Principal; meeting: Meeting; seat: Seat; items: Item[] },
) {
  const userId = principal.kind === "user" ? principal.userId : null;
  const org = { organisationId: meeting.organisationId };
  const mayApologise = userId !== null && memberPolicy.sendApologies(principal, meeting, seat);
  const attendee = mayApologise ? await findAttendee(db, meeting.id, userId) : null;
  const register =
    userId && seat && promptsOffered(meeting.status) && memberPolicy.keepRegister(principal, org)
      ? (await listRegisteredInterests(db, meeting.organisationId, userId)).filter((entry) => entry.removedAt === null)
      : [];
  const bodyInterests = memberPolicy.viewRegisters(principal, org)
    ? await listCurrentInterests(db, meeting.organisationId, meeting.bodyId)
    : null;
  return {
    apologies: mayApologise
      ? {
          attendance: describeAttendance(attendee?.attendance ?? "expected", attendee?.apologyReason ?? ""),
          open: apologiesRefusal(meeting.status, attendee) === null,
        }
      : null,
    prompts: interestPrompts(register, items),
    bodyInterests: bodyInterests?.map((entry) => ({ ...entry, kindLabel: REGISTERED_INTEREST_KIND_SHORT[entry.kind] })) ?? null,
  };
}

export type MemberHelp = Awaited<ReturnType<typeof loadMemberHelp>>;
