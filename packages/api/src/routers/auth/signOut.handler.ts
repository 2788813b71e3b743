import { signOut } from "@sharelinks/core";
import type { TRPCContext } from "../../trpc";

/** Idempotent: signing out without a session still clears the cookie. */
export const signOutHandler = async ({
  ctx,
}: {
  ctx: Pick<TRPCContext, "services" | "sessionToken" | "clearSessionCookie">;
}) => {
  if (ctx.sessionToken) await signOut(ctx.services.accounts, ctx.sessionToken);
  ctx.clearSessionCookie();
  return { signedOut: true as const };
};
