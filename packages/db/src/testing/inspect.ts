import { DomainError } from "@sharelinks/core";
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
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

/** Awaits a promise expected to fail with a DomainError and hands the error back. */
export const domainError = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};
