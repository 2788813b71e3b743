CREATE TABLE "share_expiry_reminders" (
	"share_id" uuid PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"days" integer NOT NULL,
	"handled_at" timestamp with time zone NOT NULL,
	"email_pending" boolean DEFAULT false NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "share_expiry_reminders_days_check" CHECK ("share_expiry_reminders"."days" in (1, 7))
);
--> statement-breakpoint
ALTER TABLE "share_expiry_reminders" ADD CONSTRAINT "share_expiry_reminders_share_id_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_expiry_reminders_email_pending_idx" ON "share_expiry_reminders" USING btree ("share_id") WHERE "share_expiry_reminders"."email_pending";