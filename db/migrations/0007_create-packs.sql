CREATE TYPE "public"."pack_kind" AS ENUM('agenda', 'minutes');--> statement-breakpoint
CREATE TABLE "cover_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cover_reports_one_per_item" UNIQUE("agenda_item_id")
);
--> statement-breakpoint
CREATE TABLE "minutes_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"approving_meeting_id" uuid NOT NULL,
	"motion_id" uuid NOT NULL,
	"pack_version_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_by_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "minutes_approvals_one_per_meeting" UNIQUE("meeting_id")
);
--> statement-breakpoint
CREATE TABLE "pack_version_documents" (
	"pack_version_id" uuid NOT NULL,
	"document_name" text NOT NULL,
	"state" "bytea" NOT NULL,
	CONSTRAINT "pack_version_documents_one_each" UNIQUE("pack_version_id","document_name")
);
--> statement-breakpoint
CREATE TABLE "pack_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pack_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"canonical_json" text NOT NULL,
	"sha256" text NOT NULL,
	"previous_sha256" text,
	"reason" text DEFAULT '' NOT NULL,
	"html" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"page_count" integer NOT NULL,
	"page_map" jsonb NOT NULL,
	"public_canonical_json" text NOT NULL,
	"public_sha256" text NOT NULL,
	"public_html" text NOT NULL,
	"public_pdf" "bytea" NOT NULL,
	"frozen_by" uuid,
	"frozen_by_name" text NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pack_versions_number" UNIQUE("pack_id","version"),
	CONSTRAINT "pack_versions_number_positive" CHECK ("pack_versions"."version" >= 1),
	CONSTRAINT "pack_versions_chain" CHECK (("pack_versions"."version" = 1) = ("pack_versions"."previous_sha256" is null))
);
--> statement-breakpoint
CREATE TABLE "packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" "pack_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packs_one_per_meeting_and_kind" UNIQUE("meeting_id","kind")
);
--> statement-breakpoint
ALTER TABLE "cover_reports" ADD CONSTRAINT "cover_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_reports" ADD CONSTRAINT "cover_reports_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cover_reports" ADD CONSTRAINT "cover_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approvals" ADD CONSTRAINT "minutes_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approvals" ADD CONSTRAINT "minutes_approvals_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approvals" ADD CONSTRAINT "minutes_approvals_approving_meeting_id_meetings_id_fk" FOREIGN KEY ("approving_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approvals" ADD CONSTRAINT "minutes_approvals_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approvals" ADD CONSTRAINT "minutes_approvals_pack_version_id_pack_versions_id_fk" FOREIGN KEY ("pack_version_id") REFERENCES "public"."pack_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approvals" ADD CONSTRAINT "minutes_approvals_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_version_documents" ADD CONSTRAINT "pack_version_documents_pack_version_id_pack_versions_id_fk" FOREIGN KEY ("pack_version_id") REFERENCES "public"."pack_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_versions" ADD CONSTRAINT "pack_versions_pack_id_packs_id_fk" FOREIGN KEY ("pack_id") REFERENCES "public"."packs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_versions" ADD CONSTRAINT "pack_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pack_versions" ADD CONSTRAINT "pack_versions_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packs" ADD CONSTRAINT "packs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "packs_org_idx" ON "packs" USING btree ("organisation_id");--> statement-breakpoint
-- A frozen pack version is a record: the database refuses to change or remove one, its
-- stored documents, or a signed approval of minutes. A correction is a new version.
CREATE TRIGGER pack_versions_immutable BEFORE UPDATE OR DELETE ON pack_versions
  FOR EACH ROW EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pack_versions_no_truncate BEFORE TRUNCATE ON pack_versions
  FOR EACH STATEMENT EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pack_version_documents_immutable BEFORE UPDATE OR DELETE ON pack_version_documents
  FOR EACH ROW EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pack_version_documents_no_truncate BEFORE TRUNCATE ON pack_version_documents
  FOR EACH STATEMENT EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER minutes_approvals_immutable BEFORE UPDATE OR DELETE ON minutes_approvals
  FOR EACH ROW EXECUTE FUNCTION minuted_refuse_change();
--> statement-breakpoint
CREATE TRIGGER minutes_approvals_no_truncate BEFORE TRUNCATE ON minutes_approvals
  FOR EACH STATEMENT EXECUTE FUNCTION minuted_refuse_change();
