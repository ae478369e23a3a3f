CREATE TABLE "clinic_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"milestones" jsonb NOT NULL,
	"trajectory" jsonb NOT NULL,
	"agreed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinic_plans_item_indicator_unique" UNIQUE("agenda_item_id","indicator_id")
);
--> statement-breakpoint
ALTER TABLE "clinic_plans" ADD CONSTRAINT "clinic_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_plans" ADD CONSTRAINT "clinic_plans_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_plans" ADD CONSTRAINT "clinic_plans_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_plans" ADD CONSTRAINT "clinic_plans_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinic_plans_indicator_idx" ON "clinic_plans" USING btree ("organisation_id","indicator_id");