CREATE TABLE "collab_documents" (
	"name" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" "bytea",
	"state_vector" "bytea",
	"snapshot_seq" bigint DEFAULT 0 NOT NULL,
	"snapshot_bytes" integer DEFAULT 0 NOT NULL,
	"frozen_at" timestamp with time zone,
	"compacted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_updates" (
	"document_name" text NOT NULL,
	"seq" bigint NOT NULL,
	"update" "bytea" NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collab_updates_document_name_seq_pk" PRIMARY KEY("document_name","seq")
);
--> statement-breakpoint
ALTER TABLE "collab_documents" ADD CONSTRAINT "collab_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_document_name_collab_documents_name_fk" FOREIGN KEY ("document_name") REFERENCES "public"."collab_documents"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_updates" ADD CONSTRAINT "collab_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collab_updates_user_idx" ON "collab_updates" USING btree ("user_id");