import {
  type Brand,
  readBrand,
  type SharePolicy,
  type ShareWhiteLabel,
  updateBrandSettings,
  updateBrandSettingsInputSchema,
} from "@sharelinks/core";
import { iso } from "../present";
import { authedProcedure } from "../trpc";

/** The caller's brand as `GET /v1/brand` shows it (without REST's `object` tag). */
export interface BrandItem {
  id: string;
  name: string;
  /** The brand's white-label defaults; null when it has none (the product's apply). */
  white_label: ShareWhiteLabel | null;
  share_policy: SharePolicy;
  created_at: string;
}

const presentBrand = (brand: Brand): BrandItem => ({
  id: brand.id,
  name: brand.name,
  white_label: brand.whiteLabel,
  share_policy: brand.sharePolicy,
  created_at: iso(brand.createdAt),
});

/** Mirrors `GET`/`PATCH /v1/brand` (docs/protection.md): everyone reads, managers change the policy. */
export const brandRouter = {
  getBrand: authedProcedure.query(
    async ({ ctx }): Promise<BrandItem> => presentBrand(await readBrand(ctx.services.accounts, ctx.actor)),
  ),

  updateBrand: authedProcedure
    .input(updateBrandSettingsInputSchema)
    .mutation(
      async ({ ctx, input }): Promise<BrandItem> =>
        presentBrand(await updateBrandSettings(ctx.services.accounts, ctx.actor, input)),
    ),
};
