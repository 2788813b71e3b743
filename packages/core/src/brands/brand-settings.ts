import type { Brand } from "../accounts/account";
import type { AccountDeps } from "../accounts/deps";
import type { Actor } from "../actor";
import { canManageShares } from "../actor";
import { forbidden, notFound } from "../errors";
import { changeSharePolicy, type UpdateBrandSettingsInput } from "./share-policy";

/**
 * GET /v1/brand: the caller's own brand, policy included. Every user of the
 * brand may read it (members see the rules their links follow); the caller's
 * brand is the only one addressable, so no other brand can be named.
 */
export const readBrand = async (deps: Pick<AccountDeps, "accounts">, actor: Actor): Promise<Brand> => {
  const brand = await deps.accounts.findBrand(actor.brandId);
  if (!brand) throw notFound("Brand");
  return brand;
};

/**
 * PATCH /v1/brand: managers change the share policy; members get 403. The
 * change is merged and checked (default <= max) under the brand's row lock, so
 * two managers changing different fields at once both keep their change.
 */
export const updateBrandSettings = async (
  deps: Pick<AccountDeps, "accounts">,
  actor: Actor,
  input: UpdateBrandSettingsInput,
): Promise<Brand> => {
  if (!canManageShares(actor)) throw forbidden("Only managers can change the brand's share policy");
  const brand = await deps.accounts.updateBrandSharePolicy(actor.brandId, (current) =>
    changeSharePolicy(current, input.share_policy),
  );
  if (!brand) throw notFound("Brand");
  return brand;
};
