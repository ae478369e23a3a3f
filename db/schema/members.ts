import { index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { REGISTERED_INTEREST_KINDS, type RegisteredInterestKind } from "../../app/shared/vocabulary";
import { createdAt, id, timestamptz } from "./columns";
import { organisations, users } from "./identity";

/*
 * What members keep for themselves: their standing register of interests. An entry is
 * never deleted: removing it records when, so the register shows what was registered
 * at the time of any meeting.
 */

export const registeredInterestKindEnum = pgEnum("registered_interest_kind", REGISTERED_INTEREST_KINDS);

export const registeredInterests = pgTable(
  "registered_interests",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What the interest is, in the member's words: "Director of Northfield Repairs Ltd". */
    interest: text("interest").notNull(),
    kind: registeredInterestKindEnum("kind").notNull(),
    registeredAt: timestamptz("registered_at").notNull().defaultNow(),
    removedAt: timestamptz("removed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("registered_interests_org_user_idx").on(t.organisationId, t.userId)],
);

export type { RegisteredInterestKind };
export type RegisteredInterest = typeof registeredInterests.$inferSelect;
