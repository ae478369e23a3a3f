CREATE TYPE "public"."registered_interest_kind" AS ENUM('pecuniary', 'other');--> statement-breakpoint
CREATE TABLE "registered_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"interest" text NOT NULL,
	"kind" "registered_interest_kind" NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD COLUMN "apology_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD COLUMN "apologies_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registered_interests" ADD CONSTRAINT "registered_interests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registered_interests" ADD CONSTRAINT "registered_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registered_interests_org_user_idx" ON "registered_interests" USING btree ("organisation_id","user_id");