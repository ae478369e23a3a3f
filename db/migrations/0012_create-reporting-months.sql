CREATE TYPE "public"."reporting_month_state" AS ENUM('open', 'published');--> statement-breakpoint
CREATE TABLE "reporting_months" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"period" text NOT NULL,
	"state" "reporting_month_state" DEFAULT 'open' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"published_by_label" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_months_org_period_unique" UNIQUE("organisation_id","period")
);
--> statement-breakpoint
ALTER TABLE "reporting_months" ADD CONSTRAINT "reporting_months_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_months" ADD CONSTRAINT "reporting_months_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;