-- Every stored artefact of a pack version gets its SHA-256 recorded beside it, so that
-- verifying a version checks the web pages and PDFs people read, not only the JSON.
ALTER TABLE "pack_versions" ADD COLUMN "html_sha256" text;--> statement-breakpoint
ALTER TABLE "pack_versions" ADD COLUMN "public_html_sha256" text;--> statement-breakpoint
ALTER TABLE "pack_versions" ADD COLUMN "public_pdf_sha256" text;--> statement-breakpoint
-- Versions frozen before this migration are recorded as they are stored now: the database
-- refuses to change a frozen version, so its trigger is set aside for this one backfill only.
ALTER TABLE "pack_versions" DISABLE TRIGGER "pack_versions_immutable";--> statement-breakpoint
UPDATE "pack_versions" SET
  "html_sha256" = encode(sha256(convert_to("html", 'UTF8')), 'hex'),
  "public_html_sha256" = encode(sha256(convert_to("public_html", 'UTF8')), 'hex'),
  "public_pdf_sha256" = encode(sha256("public_pdf"), 'hex');--> statement-breakpoint
ALTER TABLE "pack_versions" ENABLE TRIGGER "pack_versions_immutable";--> statement-breakpoint
ALTER TABLE "pack_versions" ALTER COLUMN "html_sha256" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "pack_versions" ALTER COLUMN "public_html_sha256" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "pack_versions" ALTER COLUMN "public_pdf_sha256" SET NOT NULL;
