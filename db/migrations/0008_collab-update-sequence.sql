CREATE SEQUENCE "public"."collab_update_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
-- Rows numbered per document so far keep their numbers; new ones continue above every one of them.
SELECT setval('collab_update_seq', greatest(1, (SELECT max("seq") FROM "collab_updates"), (SELECT max("snapshot_seq") FROM "collab_documents")));--> statement-breakpoint
ALTER TABLE "collab_updates" ALTER COLUMN "seq" SET DEFAULT nextval('collab_update_seq');
