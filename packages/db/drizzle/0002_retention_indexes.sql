-- IF NOT EXISTS: on a large database an operator may build these first with
-- CREATE INDEX CONCURRENTLY (no write lock), and this migration then skips them.
-- See docs/operations.md, "Indexes".
CREATE INDEX IF NOT EXISTS "sessions_expires_at_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "share_events_brand_id_at_idx" ON "share_events" USING btree ("brand_id","at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "share_events_at_idx" ON "share_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "shares_brand_id_idx" ON "shares" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "shares_expires_at_idx" ON "shares" USING btree ("expires_at");