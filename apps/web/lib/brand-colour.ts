import type { BrandItem } from "@sharelinks/api";
import { DEFAULT_PRIMARY_COLOR } from "@sharelinks/core/constants";

/**
 * The colour an empty "Primary colour" field means, i.e. what the public page
 * will use: the brand's white-label colour (`brand.getBrand`), else the
 * product default. Null while the brand is not loaded yet: the swatch then
 * says "the brand's colour" instead of showing one that may not apply.
 */
export const brandDefaultColour = (brand: Pick<BrandItem, "white_label"> | undefined): string | null => {
  if (!brand) return null;
  return brand.white_label?.primary_color ?? DEFAULT_PRIMARY_COLOR;
};
