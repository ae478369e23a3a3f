CREATE TYPE "public"."minutes_mode" AS ENUM('clerk', 'everyone');--> statement-breakpoint
ALTER TABLE "bodies" ADD COLUMN "minutes_mode" "minutes_mode" DEFAULT 'clerk' NOT NULL;