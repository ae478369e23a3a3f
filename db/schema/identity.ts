import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid, bigserial } from "drizzle-orm/pg-core";
import { EXCEPTION_RULES, ROLES, type Role } from "../../app/shared/vocabulary";
import { createdAt, id, timestamptz } from "./columns";

export const roleEnum = pgEnum("role", ROLES);
export const exceptionRuleEnum = pgEnum("exception_rule", EXCEPTION_RULES);

export const organisations = pgTable("organisations", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  isDemo: boolean("is_demo").notNull().default(false),
  /** What makes an indicator an exception needing a commentary (see app/shared/performance/exceptions.ts). */
  exceptionRule: exceptionRuleEnum("exception_rule").notNull().default("not_on_target"),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id hash; null until the person accepts an invitation. */
    passwordHash: text("password_hash"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("memberships_org_user_idx").on(t.organisationId, t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a leaked table cannot be replayed as cookies. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamptz("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * One-time links: invitations to join an organisation and password resets.
 * Only the hash of the link's token is stored.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    kind: text("kind", { enum: ["invitation", "password_reset"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    email: text("email").notNull(),
    role: roleEnum("role"),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_org_idx").on(t.organisationId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, so an admin can tell tokens apart. */
    prefix: text("prefix").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Written at most once a minute per token, so busy integrations do not write on every request. */
    lastUsedAt: timestamptz("last_used_at"),
    /** Null: the token works until it is revoked. */
    expiresAt: timestamptz("expires_at"),
    revokedAt: timestamptz("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("api_tokens_org_idx").on(t.organisationId)],
);

/** Append-only: the application only inserts, and a trigger refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    at: createdAt(),
  },
  (t) => [index("audit_log_org_at_idx").on(t.organisationId, t.at)],
);

export type { Role };
export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
