ALTER TYPE "public"."frequency" ADD VALUE 'biennial';--> statement-breakpoint
ALTER TYPE "public"."frequency" ADD VALUE 'triennial';