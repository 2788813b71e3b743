import type { SharePolicy, ShareWhiteLabel } from "@sharelinks/core";
import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/** A tenant. Its white label is the default every share's public page starts from. */
export const brands = pgTable("brands", {
  id: id(),
  name: text("name").notNull(),
  whiteLabel: jsonb("white_label").$type<ShareWhiteLabel>(),
  /** Managers' expiry and password policy for new links (docs/protection.md); null means none. */
  sharePolicy: jsonb("share_policy").$type<SharePolicy>(),
  createdAt: createdAt(),
});
