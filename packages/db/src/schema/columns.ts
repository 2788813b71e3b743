import { timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Column helpers every table shares. Timestamps are `timestamptz` read back as
 * JS Dates: the domain compares instants (expiry), never wall-clock strings.
 */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Ids are minted by core's RandomSource; the default only serves hand-written SQL. */
export const id = () => uuid("id").primaryKey().defaultRandom();

export const createdAt = () => instant("created_at").notNull().defaultNow();
