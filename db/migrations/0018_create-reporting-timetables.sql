CREATE TABLE "reporting_timetables" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"figures_working_day" smallint NOT NULL,
	"commentaries_working_day" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "reporting_timetables" ADD CONSTRAINT "reporting_timetables_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_timetables" ADD CONSTRAINT "reporting_timetables_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;