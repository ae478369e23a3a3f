CREATE TYPE "public"."exception_rule" AS ENUM('not_on_target', 'off_target_only');--> statement-breakpoint
CREATE TYPE "public"."status_basis" AS ENUM('period', 'year_to_date');--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "exception_rule" "exception_rule" DEFAULT 'not_on_target' NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "status_basis" "status_basis" DEFAULT 'period' NOT NULL;