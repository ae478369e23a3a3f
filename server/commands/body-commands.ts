import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, users } from "../../db/schema/identity";
import { bodies, bodyMembers, meetingAttendance, meetings, type Body, type BodyMember } from "../../db/schema/meetings";
import { areas } from "../../db/schema/performance";
import {
  bodyDetailsSchema,
  seatSchema,
  type BodyDetails,
  type BodyDetailsInput,
  type SeatInput,
} from "../../app/shared/meetings/body-schemas";
import { BODY_KIND_LABELS, SEAT_POSITION_LABELS } from "../../app/shared/meetings/labels";
import { BEFORE_OPENING_STATUSES } from "../../app/shared/meetings/meeting-stage";
import { endSeats } from "../../db/queries/member-responsibilities";
import { recordAudit, type Actor } from "../audit";
import { parseCommandInput } from "./command-input";
import { CommandError } from "./errors";

/*
 * Committees and panels, and who sits on them. Authorisation is the caller's
 * (bodyPolicy.manage); these commands check the input and the rules of a body: a name
 * and a minute prefix of its own, one chair and one vice-chair.
 */

/** Meetings whose expected attendance still follows the body's seats: those not yet opened. */
const UNOPENED = BEFORE_OPENING_STATUSES;

async function checkBodyDetails(tx: Database, organisationId: string, details: BodyDetails, bodyId: string | null) {
  const others = and(eq(bodies.organisationId, organisationId), bodyId ? ne(bodies.id, bodyId) : undefined);
  const [sameName] = await tx
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(others, sql`lower(${bodies.name}) = ${details.name.toLowerCase()}`))
    .limit(1);
  if (sameName)
    throw new CommandError(`There is already a committee or panel called “${details.name}”: choose another name`, "name");
  const [samePrefix] = await tx
    .select({ name: bodies.name })
    .from(bodies)
    .where(and(others, eq(bodies.minutePrefix, details.minutePrefix)))
    .limit(1);
  if (samePrefix) {
    throw new CommandError(
      `${samePrefix.name} already numbers its minutes ${details.minutePrefix}: choose another prefix`,
      "minutePrefix",
    );
  }
  if (details.areaId) {
    const [area] = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.id, details.areaId), eq(areas.organisationId, organisationId)))
      .limit(1);
    if (!area) throw new CommandError("Choose an area of this organisation", "areaId");
  }
}

async function lockBody(tx: Database, organisationId: string, bodyId: string): Promise<Body> {
  const [body] = await tx
    .select()
    .from(bodies)
    .where(and(eq(bodies.id, bodyId), eq(bodies.organisationId, organisationId)))
    .limit(1)
    .for("update");
  if (!body) throw new CommandError("That committee or panel does not exist in this organisation", "bodyId");
  return body;
}

export async function createBody(
  db: Database,
  input: { organisationId: string } & BodyDetailsInput,
  actor: Actor,
): Promise<Body> {
  const details = parseCommandInput(bodyDetailsSchema, input);
  return db.transaction(async (tx) => {
    await checkBodyDetails(tx, input.organisationId, details, null);
    const [body] = await tx
      .insert(bodies)
      .values({ organisationId: input.organisationId, ...details })
      .returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "body.create",
      subjectType: "body",
      subjectId: body.id,
      after: details,
    });
    return body;
  });
}

export async function updateBody(
  db: Database,
  input: { organisationId: string; bodyId: string } & BodyDetailsInput,
  actor: Actor,
): Promise<Body> {
  const details = parseCommandInput(bodyDetailsSchema, input);
  return db.transaction(async (tx) => {
    const before = await lockBody(tx, input.organisationId, input.bodyId);
    await checkBodyDetails(tx, input.organisationId, details, before.id);
    const [body] = await tx.update(bodies).set(details).where(eq(bodies.id, before.id)).returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "body.update",
      subjectType: "body",
      subjectId: body.id,
      before: {
        name: before.name,
        kind: before.kind,
        minutePrefix: before.minutePrefix,
        quorumCount: before.quorumCount,
        quorumRequiresKind: before.quorumRequiresKind,
        areaId: before.areaId,
        minutesMode: before.minutesMode,
      },
      after: details,
    });
    return body;
  });
}

export type SetSeatResult = { seat: BodyMember; personName: string; created: boolean };

/**
 * Seats a person of the organisation on a body, or changes their seat. A body has one
 * chair and one vice-chair: a second is refused, naming who holds the position now.
 * Meetings of the body not yet opened expect the person from now on.
 */
export async function setSeat(
  db: Database,
  input: { organisationId: string; bodyId: string } & SeatInput,
  actor: Actor,
): Promise<SetSeatResult> {
  const seatInput = parseCommandInput(seatSchema, input);
  return db.transaction(async (tx) => {
    // The lock makes the one-chair check and the write one step for concurrent clerks.
    const body = await lockBody(tx, input.organisationId, input.bodyId);
    const [person] = await tx
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, input.organisationId), eq(memberships.userId, seatInput.userId)))
      .limit(1);
    if (!person) throw new CommandError("Choose a person of the organisation", "userId");

    if (seatInput.position !== "member") {
      const [holder] = await tx
        .select({ name: users.name })
        .from(bodyMembers)
        .innerJoin(users, eq(users.id, bodyMembers.userId))
        .where(
          and(eq(bodyMembers.bodyId, body.id), eq(bodyMembers.position, seatInput.position), ne(bodyMembers.userId, person.id)),
        )
        .limit(1);
      if (holder) {
        const position = SEAT_POSITION_LABELS[seatInput.position].toLowerCase();
        throw new CommandError(
          `${holder.name} is already the ${position} of ${body.name}. A ${BODY_KIND_LABELS[body.kind].toLowerCase()} has one ${position}: make ${holder.name} a member first, or remove their seat`,
          "position",
        );
      }
    }

    const [existing] = await tx
      .select()
      .from(bodyMembers)
      .where(and(eq(bodyMembers.bodyId, body.id), eq(bodyMembers.userId, person.id)))
      .limit(1);
    const values = { position: seatInput.position, memberKind: seatInput.memberKind };
    const [seat] = existing
      ? await tx.update(bodyMembers).set(values).where(eq(bodyMembers.id, existing.id)).returning()
      : await tx
          .insert(bodyMembers)
          .values({ bodyId: body.id, userId: person.id, ...values })
          .returning();

    const upcoming = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.bodyId, body.id), inArray(meetings.status, [...UNOPENED])));
    if (upcoming.length) {
      await tx
        .insert(meetingAttendance)
        .values(
          upcoming.map((m) => ({
            meetingId: m.id,
            userId: person.id,
            name: person.name,
            capacity: "member" as const,
            memberKind: seat.memberKind,
          })),
        )
        .onConflictDoUpdate({
          target: [meetingAttendance.meetingId, meetingAttendance.userId],
          set: { capacity: "member", memberKind: seat.memberKind },
        });
    }

    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: existing ? "body.seat.change" : "body.seat.add",
      subjectType: "body",
      subjectId: body.id,
      before: existing ? { userId: person.id, position: existing.position, memberKind: existing.memberKind } : null,
      after: { userId: person.id, ...values },
    });
    return { seat, personName: person.name, created: !existing };
  });
}

/** Takes a person off a body; meetings of the body not yet opened no longer list them as a member. */
export async function removeSeat(
  db: Database,
  input: { organisationId: string; bodyId: string; seatId: string },
  actor: Actor,
): Promise<{ personName: string }> {
  return db.transaction(async (tx) => {
    const body = await lockBody(tx, input.organisationId, input.bodyId);
    const [seat] = await tx
      .select({
        id: bodyMembers.id,
        userId: bodyMembers.userId,
        position: bodyMembers.position,
        memberKind: bodyMembers.memberKind,
        name: users.name,
      })
      .from(bodyMembers)
      .innerJoin(users, eq(users.id, bodyMembers.userId))
      .where(and(eq(bodyMembers.id, input.seatId), eq(bodyMembers.bodyId, body.id)))
      .limit(1);
    if (!seat) throw new CommandError("That seat is not on this committee or panel", "seatId");
    await endSeats(tx, input.organisationId, seat.userId, body.id);
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "body.seat.remove",
      subjectType: "body",
      subjectId: body.id,
      before: { userId: seat.userId, position: seat.position, memberKind: seat.memberKind },
    });
    return { personName: seat.name };
  });
}
