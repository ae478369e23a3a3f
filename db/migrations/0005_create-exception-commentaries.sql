CREATE TYPE "public"."commentary_state" AS ENUM('draft', 'ready');--> statement-breakpoint
CREATE TABLE "exception_commentaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"state" "commentary_state" DEFAULT 'draft' NOT NULL,
	"ready_by" uuid,
	"ready_at" timestamp with time zone,
	"ready_fingerprint" text,
	"last_edited_by" uuid,
	"last_edited_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exception_commentaries_indicator_period_unique" UNIQUE("indicator_id","period"),
	CONSTRAINT "exception_commentaries_period_format" CHECK ("exception_commentaries"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "exception_commentaries_ready_is_signed" CHECK ("exception_commentaries"."state" <> 'ready' or ("exception_commentaries"."ready_at" is not null and "exception_commentaries"."ready_fingerprint" is not null))
);
--> statement-breakpoint
ALTER TABLE "exception_commentaries" ADD CONSTRAINT "exception_commentaries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exception_commentaries" ADD CONSTRAINT "exception_commentaries_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exception_commentaries" ADD CONSTRAINT "exception_commentaries_ready_by_users_id_fk" FOREIGN KEY ("ready_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exception_commentaries" ADD CONSTRAINT "exception_commentaries_last_edited_by_users_id_fk" FOREIGN KEY ("last_edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exception_commentaries" ADD CONSTRAINT "exception_commentaries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exception_commentaries_org_period_idx" ON "exception_commentaries" USING btree ("organisation_id","period");