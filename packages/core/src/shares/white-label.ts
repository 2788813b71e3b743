import { z } from "zod";
import { DEFAULT_PRIMARY_COLOR } from "../constants";
import { followsTextRule, text } from "../text";

export const shareWhiteLabelSchema = z
  .strictObject({
    company_name: text({ max: 120 }).optional(),
    logo_url: z
      .url({ protocol: /^https$/, error: "logo_url must be an https URL" })
      .max(2048)
      .superRefine(followsTextRule())
      .optional(),
    primary_color: z
      .string()
      .regex(/^#[0-9A-Fa-f]{6}$/, "primary_color must look like #RRGGBB")
      .optional(),
    hide_powered_by: z.boolean().optional(),
  })
  .meta({ id: "ShareWhiteLabel" });

export type ShareWhiteLabel = z.infer<typeof shareWhiteLabelSchema>;

/** What the public page renders with: every field decided. */
export interface EffectiveWhiteLabel {
  company_name: string;
  logo_url: string | null;
  primary_color: string;
  hide_powered_by: boolean;
}

export { DEFAULT_PRIMARY_COLOR } from "../constants";

/** Per-share override wins field by field over the brand's defaults; the brand's name is the last resort. */
export const mergeWhiteLabel = (
  brandName: string,
  brandDefaults: ShareWhiteLabel | null,
  override: ShareWhiteLabel | null,
): EffectiveWhiteLabel => {
  // Field by field with `??`, not object spread: a key present but undefined in
  // the override must not erase the brand's value.
  const pick = <K extends keyof ShareWhiteLabel>(key: K) => override?.[key] ?? brandDefaults?.[key];
  return {
    company_name: pick("company_name") ?? brandName,
    logo_url: pick("logo_url") ?? null,
    primary_color: pick("primary_color") ?? DEFAULT_PRIMARY_COLOR,
    hide_powered_by: pick("hide_powered_by") ?? false,
  };
};
