import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { registeredInterests } from "../../db/schema/members";
import { isMemberOfOrganisation } from "../../db/queries/members";
import { REGISTER_ENTRIES_MAX, registerInterestSchema } from "../../app/shared/members/interests";
import { recordAudit, type Actor } from "../audit";
import { parseCommandInput } from "./command-input";
import { CommandError } from "./errors";

/*
 * A member's standing register of interests: they add an entry and remove it when it no
 * longer holds. Nothing is deleted (the register at the time of a meeting can be read
 * back); each change is audited. Authorisation is the caller's (memberPolicy.keepRegister):
 * a person keeps their own register only, so the owner is always the one acting.
 */

type Owner = { organisationId: string; userId: string };

export async function registerInterest(db: Database, input: Owner & { interest: string; kind: string }, actor: Actor) {
  const { interest, kind } = parseCommandInput(registerInterestSchema, input);
  return db.transaction(async (tx) => {
    if (!(await isMemberOfOrganisation(tx, input.organisationId, input.userId)))
      throw new CommandError("That person is not a member of this organisation", "form");
    const [{ current }] = await tx
      .select({ current: count() })
      .from(registeredInterests)
      .where(
        and(
          eq(registeredInterests.organisationId, input.organisationId),
          eq(registeredInterests.userId, input.userId),
          isNull(registeredInterests.removedAt),
        ),
      );
    if (current >= REGISTER_ENTRIES_MAX)
      throw new CommandError(
        `Your register has ${REGISTER_ENTRIES_MAX} entries: remove those that no longer hold first`,
        "interest",
      );
    const [row] = await tx
      .insert(registeredInterests)
      .values({ organisationId: input.organisationId, userId: input.userId, interest, kind })
      .returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "interest.register",
      subjectType: "registered_interest",
      subjectId: row.id,
      after: { userId: input.userId, interest, kind },
    });
    return row;
  });
}

const removalSchema = z.object({ interestId: z.uuid({ message: "Choose an entry of your register" }) });

export async function removeInterest(db: Database, input: Owner & { interestId: string }, actor: Actor) {
  parseCommandInput(removalSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(registeredInterests)
      .set({ removedAt: new Date() })
      .where(
        and(
          eq(registeredInterests.id, input.interestId),
          eq(registeredInterests.organisationId, input.organisationId),
          eq(registeredInterests.userId, input.userId),
          isNull(registeredInterests.removedAt),
        ),
      )
      .returning();
    if (!row) throw new CommandError("That entry is not on your register (or was removed already)", "form");
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "interest.remove",
      subjectType: "registered_interest",
      subjectId: row.id,
      before: { userId: input.userId, interest: row.interest, kind: row.kind },
    });
    return row;
  });
}
