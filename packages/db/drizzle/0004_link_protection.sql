ALTER TYPE "public"."share_event_type" ADD VALUE 'paused';--> statement-breakpoint
ALTER TYPE "public"."share_event_type" ADD VALUE 'resumed';--> statement-breakpoint
ALTER TYPE "public"."share_event_type" ADD VALUE 'protection_changed';--> statement-breakpoint
ALTER TYPE "public"."share_event_type" ADD VALUE 'expiry_reminded';--> statement-breakpoint
ALTER TABLE "brands" ADD COLUMN "share_policy" jsonb;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "max_views" integer;--> statement-breakpoint
ALTER TABLE "shares" ADD COLUMN "views_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_max_views_range" CHECK ("shares"."max_views" is null or ("shares"."max_views" between 1 and 1000000));