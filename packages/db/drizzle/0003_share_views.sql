ALTER TYPE "public"."share_event_type" ADD VALUE 'first_viewed';--> statement-breakpoint
ALTER TYPE "public"."share_event_type" ADD VALUE 'expired';--> statement-breakpoint
CREATE TABLE "share_view_days" (
	"share_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"unique_visitors" integer DEFAULT 0 NOT NULL,
	"bot_views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "share_view_days_share_id_day_pk" PRIMARY KEY("share_id","day")
);
--> statement-breakpoint
CREATE TABLE "share_view_referrers" (
	"share_id" uuid NOT NULL,
	"day" date NOT NULL,
	"host" text NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "share_view_referrers_share_id_day_host_pk" PRIMARY KEY("share_id","day","host")
);
--> statement-breakpoint
CREATE TABLE "share_view_totals" (
	"share_id" uuid PRIMARY KEY NOT NULL,
	"views" bigint DEFAULT 0 NOT NULL,
	"unique_visitors" bigint DEFAULT 0 NOT NULL,
	"bot_views" bigint DEFAULT 0 NOT NULL,
	"first_viewed_at" timestamp with time zone,
	"last_viewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "share_view_visitors" (
	"share_id" uuid NOT NULL,
	"day" date NOT NULL,
	"visitor_key" text NOT NULL,
	CONSTRAINT "share_view_visitors_share_id_day_visitor_key_pk" PRIMARY KEY("share_id","day","visitor_key")
);
--> statement-breakpoint
ALTER TABLE "share_events" ALTER COLUMN "actor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "share_view_days" ADD CONSTRAINT "share_view_days_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_view_referrers" ADD CONSTRAINT "share_view_referrers_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_view_totals" ADD CONSTRAINT "share_view_totals_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_view_visitors" ADD CONSTRAINT "share_view_visitors_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_view_visitors_day_idx" ON "share_view_visitors" USING btree ("day");