import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { findUserByEmail } from "../../db/queries/users";
import { bodyMembers, meetings } from "../../db/schema/meetings";
import type { Actor } from "../audit";
import { sendApologies } from "./apology-commands";
import { registerInterest } from "./interest-commands";

/**
 * What the demo's members did for themselves, through the commands a member's pages use:
 * two entries on registers of interests (Sarah Lin's directorship matches the repairs
 * contract item, so her prompts show) and Sarah Lin's apologies for December, which the
 * clerk sees on that meeting's attendance.
 */
export async function seedDemoMemberHelp(db: Database, organisationId: string) {
  const sarah = await findUserByEmail(db, "sarah.lin@northfield.example");
  const ravi = await findUserByEmail(db, "ravi.patel@northfield.example");
  if (!sarah || !ravi) throw new Error("The demo's board members must be seeded first");
  const as = (person: { id: string; email: string }): Actor => ({ userId: person.id, label: person.email });
  await registerInterest(
    db,
    { organisationId, userId: sarah.id, interest: "Director of Northfield Repairs Ltd", kind: "pecuniary" },
    as(sarah),
  );
  await registerInterest(
    db,
    { organisationId, userId: ravi.id, interest: "Secretary of the North Tenants' and Residents' Association", kind: "other" },
    as(ravi),
  );
  const [december] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(bodyMembers, and(eq(bodyMembers.bodyId, meetings.bodyId), eq(bodyMembers.userId, sarah.id)))
    .where(and(eq(meetings.organisationId, organisationId), eq(meetings.status, "draft")))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  if (december)
    await sendApologies(
      db,
      { organisationId, meetingId: december.id, userId: sarah.id, reason: "Away at a family wedding in Pwllheli" },
      as(sarah),
    );
}
