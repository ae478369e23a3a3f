ALTER TYPE "public"."frequency" ADD VALUE 'biennial';--> statement-breakpoint
ALTER TYPE "public"."frequency" ADD VALUE 'triennial';--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "retired_at" timestamp with time zone;