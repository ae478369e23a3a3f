CREATE TABLE "target_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" text NOT NULL,
	"area_id" uuid,
	"area_name" text,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "targets" DROP CONSTRAINT "targets_indicator_year_unique";--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "area_id" uuid;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_revisions_indicator_idx" ON "target_revisions" USING btree ("indicator_id","created_at");--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_year_area_unique" UNIQUE NULLS NOT DISTINCT("indicator_id","year","area_id");--> statement-breakpoint
-- A target's history is its audit trail, like a figure's revisions: the database refuses to change or remove one.
CREATE TRIGGER target_revisions_append_only BEFORE UPDATE OR DELETE ON target_revisions
  FOR EACH ROW EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER target_revisions_no_truncate BEFORE TRUNCATE ON target_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION minuted_refuse_change();
