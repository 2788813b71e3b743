import type { MeOutput } from "@sharelinks/api";
import { DEFAULT_PRIMARY_COLOR } from "@sharelinks/core/constants";

/**
 * The colour an empty "Primary colour" field means: the brand's default, else
 * the product default. `auth.me` serves the brand as `{id, name}` today; once
 * it adds `brand.primary_color` (the brand's white-label colour, null when
 * unset) this reads it. Until then: null, and the swatch says "the brand's
 * colour" instead of showing one that may not apply.
 */
export const brandDefaultColour = (me: MeOutput | undefined): string | null => {
  const brand = me?.brand as (MeOutput["brand"] & { primary_color?: string | null }) | undefined;
  if (!brand || !("primary_color" in brand)) return null;
  return brand.primary_color ?? DEFAULT_PRIMARY_COLOR;
};
