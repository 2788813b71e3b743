import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { shareEvents, shares } from "../schema";

/** Straight-from-the-table reads for assertions, bypassing the repositories under test. */

export const shareRow = async (db: Database, shareId: string) => {
  const [row] = await db.orm.select().from(shares).where(eq(shares.id, shareId));
  return row ?? null;
};

export const eventsOf = (db: Database, shareId: string) =>
  db.orm
    .select()
    .from(shareEvents)
    .where(eq(shareEvents.shareId, shareId))
    .orderBy(asc(shareEvents.at), asc(shareEvents.type));
