import { signIn, signOut } from "@sharelinks/core";
import { iso } from "../../present";
import type { TRPCContext } from "../../trpc";
import { loadMe, type MeOutput } from "./me.handler";
import type { SignInInput } from "./signIn.schema";

type SignInContext = Pick<TRPCContext, "services" | "sessionToken" | "setSessionCookie" | "guardSignIn">;

/** The session token goes into the cookie only; it is never part of the response body. */
export const signInHandler = async ({
  ctx,
  input,
}: {
  ctx: SignInContext;
  input: SignInInput;
}): Promise<MeOutput & { expiresAt: string }> => {
  await ctx.guardSignIn?.();
  const session = await signIn(ctx.services.accounts, input);
  // A previous session on this browser is replaced, not left lingering.
  if (ctx.sessionToken) await signOut(ctx.services.accounts, ctx.sessionToken);
  ctx.setSessionCookie(session.token, session.expiresAt);
  const me = await loadMe(ctx.services, session.user.id);
  return { ...me, expiresAt: iso(session.expiresAt) };
};
