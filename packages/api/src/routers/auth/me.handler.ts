import { type Actor, type Brand, type Role, type User, unauthorized } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";

export interface MeOutput {
  user: { id: string; email: string; name: string | null; role: Role };
  brand: { id: string; name: string };
}

export const presentMe = (user: User, brand: Brand): MeOutput => ({
  user: { id: user.id, email: user.email, name: user.name, role: user.role },
  brand: { id: brand.id, name: brand.name },
});

/** Loads the signed-in user and their brand; a user whose account vanished is signed out in effect. */
export const loadMe = async (services: Pick<ApiServices, "accounts">, userId: string): Promise<MeOutput> => {
  const user = await services.accounts.accounts.findUser(userId);
  if (!user) throw unauthorized();
  const brand = await services.accounts.accounts.findBrand(user.brandId);
  if (!brand) throw unauthorized();
  return presentMe(user, brand);
};

export const meHandler = ({ ctx }: { ctx: { services: Pick<ApiServices, "accounts">; actor: Actor } }) =>
  loadMe(ctx.services, ctx.actor.userId);
