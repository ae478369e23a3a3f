CREATE TYPE "public"."action_status" AS ENUM('not_started', 'on_track', 'at_risk', 'complete');--> statement-breakpoint
CREATE TYPE "public"."agenda_item_kind" AS ENUM('apologies', 'declarations', 'previous_minutes', 'action_log', 'report', 'scorecard_review', 'exceptions', 'performance_clinic', 'any_other_business');--> statement-breakpoint
CREATE TYPE "public"."attendance_capacity" AS ENUM('member', 'officer', 'guest');--> statement-breakpoint
CREATE TYPE "public"."attendance" AS ENUM('expected', 'present', 'apologies', 'absent');--> statement-breakpoint
CREATE TYPE "public"."body_kind" AS ENUM('committee', 'area_panel', 'corporate_performance', 'scrutiny_panel');--> statement-breakpoint
CREATE TYPE "public"."interest_kind" AS ENUM('personal', 'prejudicial', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('committee', 'area_panel', 'corporate_performance', 'performance_clinic', 'scrutiny_panel');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('draft', 'agenda_published', 'in_session', 'closed', 'minutes_approved');--> statement-breakpoint
CREATE TYPE "public"."member_kind" AS ENUM('councillor', 'independent', 'tenant', 'co_opted', 'officer');--> statement-breakpoint
CREATE TYPE "public"."motion_status" AS ENUM('open', 'carried', 'lost', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."seat_position" AS ENUM('chair', 'vice_chair', 'member');--> statement-breakpoint
CREATE TYPE "public"."vote_choice" AS ENUM('for', 'against', 'abstain');--> statement-breakpoint
CREATE TYPE "public"."vote_method" AS ENUM('named', 'show_of_hands');--> statement-breakpoint
CREATE TABLE "action_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"user_id" uuid,
	"status" "action_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body_id" uuid,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"source_key" text,
	"minute_number" text,
	"description" text NOT NULL,
	"owner_user_id" uuid,
	"due_date" date NOT NULL,
	"status" "action_status" DEFAULT 'not_started' NOT NULL,
	"indicator_id" uuid,
	"indicator_period_when_agreed" text,
	"indicator_status_when_agreed" text,
	"indicator_value_when_agreed" text,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_meeting_source_unique" UNIQUE("meeting_id","source_key")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "agenda_item_kind" NOT NULL,
	"title" text NOT NULL,
	"presenter" text DEFAULT '' NOT NULL,
	"minutes_allowed" integer,
	"exempt" boolean DEFAULT false NOT NULL,
	"exempt_paragraph" integer,
	"exempt_reason" text DEFAULT '' NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"minute_number" text,
	"referral_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_exempt_has_paragraph" CHECK (not "agenda_items"."exempt" or "agenda_items"."exempt_paragraph" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "body_kind" NOT NULL,
	"minute_prefix" text NOT NULL,
	"terms_of_reference" text DEFAULT '' NOT NULL,
	"quorum_count" integer NOT NULL,
	"quorum_requires_kind" "member_kind",
	"area_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bodies_org_name_unique" UNIQUE("organisation_id","name"),
	CONSTRAINT "bodies_org_prefix_unique" UNIQUE("organisation_id","minute_prefix"),
	CONSTRAINT "bodies_quorum_positive" CHECK ("bodies"."quorum_count" > 0),
	CONSTRAINT "bodies_prefix_format" CHECK ("bodies"."minute_prefix" ~ '^[A-Z]{1,6}$')
);
--> statement-breakpoint
CREATE TABLE "body_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" "seat_position" DEFAULT 'member' NOT NULL,
	"member_kind" "member_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_members_body_user_unique" UNIQUE("body_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "clinic_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"from_meeting_id" uuid NOT NULL,
	"from_agenda_item_id" uuid,
	"indicator_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"referred_by" uuid,
	"placed_on_meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "interest_kind" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "declarations_item_user_unique" UNIQUE("agenda_item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"capacity" "attendance_capacity" NOT NULL,
	"member_kind" "member_kind",
	"attendance" "attendance" DEFAULT 'expected' NOT NULL,
	"arrived_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_user_unique" UNIQUE("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_link" text DEFAULT '' NOT NULL,
	"status" "meeting_status" DEFAULT 'draft' NOT NULL,
	"current_item_id" uuid,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "motion_votes" (
	"motion_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"choice" "vote_choice" NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motion_votes_one_per_member" UNIQUE("motion_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "motions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"wording" text NOT NULL,
	"method" "vote_method" NOT NULL,
	"status" "motion_status" DEFAULT 'open' NOT NULL,
	"votes_for" integer,
	"votes_against" integer,
	"abstentions" integer,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "speaking_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bodies" ADD CONSTRAINT "bodies_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_members" ADD CONSTRAINT "body_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_referrals" ADD CONSTRAINT "clinic_referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_referrals" ADD CONSTRAINT "clinic_referrals_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_referrals" ADD CONSTRAINT "clinic_referrals_from_meeting_id_meetings_id_fk" FOREIGN KEY ("from_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_referrals" ADD CONSTRAINT "clinic_referrals_from_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("from_agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_referrals" ADD CONSTRAINT "clinic_referrals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_referrals" ADD CONSTRAINT "clinic_referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_referrals" ADD CONSTRAINT "clinic_referrals_placed_on_meeting_id_meetings_id_fk" FOREIGN KEY ("placed_on_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declarations" ADD CONSTRAINT "declarations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaking_requests" ADD CONSTRAINT "speaking_requests_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaking_requests" ADD CONSTRAINT "speaking_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_updates_action_idx" ON "action_updates" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "actions_org_status_idx" ON "actions" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "actions_body_idx" ON "actions" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "body_members_user_idx" ON "body_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_meeting_idx" ON "meeting_attendance" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_org_starts_idx" ON "meetings" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_body_idx" ON "meetings" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "motions_meeting_idx" ON "motions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "speaking_requests_meeting_idx" ON "speaking_requests" USING btree ("meeting_id","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "speaking_requests_one_open" ON "speaking_requests" USING btree ("meeting_id","user_id") WHERE "speaking_requests"."ended_at" is null;--> statement-breakpoint
-- Progress notes on actions are their history: the database refuses to change or remove one.
CREATE TRIGGER action_updates_append_only BEFORE UPDATE OR DELETE ON action_updates
  FOR EACH ROW EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER action_updates_no_truncate BEFORE TRUNCATE ON action_updates
  FOR EACH STATEMENT EXECUTE FUNCTION minuted_refuse_change();
