import type { Database } from "./client";
import { users } from "./schema";

/** Whether anyone can sign in yet: the server's start line points at the onboarding CLI until someone can. */
export const hasAnyUser = async (db: Pick<Database, "orm">): Promise<boolean> => {
  const rows = await db.orm.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
};
