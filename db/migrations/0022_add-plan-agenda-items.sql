ALTER TYPE "public"."agenda_item_kind" ADD VALUE 'plan_progress';--> statement-breakpoint
ALTER TYPE "public"."agenda_item_kind" ADD VALUE 'improvement_log';