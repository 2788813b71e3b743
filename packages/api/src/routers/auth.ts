import {
  type Brand,
  type Role,
  signIn,
  signInInputSchema,
  signOut,
  type User,
  unauthorized,
} from "@sharelinks/core";
import { attemptGuarded } from "../guards";
import { iso } from "../present";
import { type ApiServices, authedProcedure, publicProcedure } from "../trpc";

export interface MeOutput {
  user: { id: string; email: string; name: string | null; role: Role };
  brand: { id: string; name: string };
}

const presentMe = (user: User, brand: Brand): MeOutput => ({
  user: { id: user.id, email: user.email, name: user.name, role: user.role },
  brand: { id: brand.id, name: brand.name },
});

/** Loads the signed-in user and their brand; a user whose account vanished is signed out in effect. */
const loadMe = async (services: Pick<ApiServices, "accounts">, userId: string): Promise<MeOutput> => {
  const user = await services.accounts.accounts.findUser(userId);
  if (!user) throw unauthorized();
  const brand = await services.accounts.accounts.findBrand(user.brandId);
  if (!brand) throw unauthorized();
  return presentMe(user, brand);
};

export const authRouter = {
  /** The session token goes into the cookie only; it is never part of the response body. */
  signIn: publicProcedure
    .input(signInInputSchema)
    .mutation(async ({ ctx, input }): Promise<MeOutput & { expiresAt: string }> => {
      // Only wrong passwords count against the client's sign-in budget.
      const session = await attemptGuarded(ctx.guards?.signInFailures, () =>
        signIn(ctx.services.accounts, input),
      );
      // A previous session on this browser is replaced, not left lingering.
      if (ctx.sessionToken) await signOut(ctx.services.accounts, ctx.sessionToken);
      ctx.setSessionCookie(session.token, session.expiresAt);
      const me = await loadMe(ctx.services, session.user.id);
      return { ...me, expiresAt: iso(session.expiresAt) };
    }),

  /** Idempotent: signing out without a session still clears the cookie. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await signOut(ctx.services.accounts, ctx.sessionToken);
    ctx.clearSessionCookie();
    return { signedOut: true as const };
  }),

  me: authedProcedure.query(({ ctx }) => loadMe(ctx.services, ctx.actor.userId)),
};
