"use client";

import type { ShareWhiteLabel } from "@sharelinks/core";
import type { CSSProperties } from "react";
import { LIMITS } from "@/lib/limits";
import { Field } from "../ui";
import "./white-label-fields.css";

export interface WhiteLabelDraft {
  company_name: string;
  logo_url: string;
  primary_color: string;
  hide_powered_by: boolean;
}

export const emptyWhiteLabel = (): WhiteLabelDraft => ({
  company_name: "",
  logo_url: "",
  primary_color: "",
  hide_powered_by: false,
});

export const draftFrom = (config: ShareWhiteLabel | null | undefined): WhiteLabelDraft => ({
  company_name: config?.company_name ?? "",
  logo_url: config?.logo_url ?? "",
  primary_color: config?.primary_color ?? "",
  hide_powered_by: config?.hide_powered_by ?? false,
});

/** Only what the user filled in; null when nothing is overridden (brand defaults apply). */
export const configFrom = (draft: WhiteLabelDraft): ShareWhiteLabel | null => {
  const config: ShareWhiteLabel = {};
  if (draft.company_name.trim()) config.company_name = draft.company_name.trim();
  if (draft.logo_url.trim()) config.logo_url = draft.logo_url.trim();
  if (draft.primary_color.trim()) config.primary_color = draft.primary_color.trim();
  if (draft.hide_powered_by) config.hide_powered_by = true;
  return Object.keys(config).length > 0 ? config : null;
};

const HEX = /^#[0-9A-Fa-f]{6}$/;

/**
 * The four white-label overrides. Errors are keyed by API path
 * (`white_label_config.logo_url`). `brandColor` is the brand's default
 * colour, what an empty colour field means; null when the dashboard does not
 * know it, and then the swatch says "brand colour" instead of guessing one.
 */
export function WhiteLabelFields({
  value,
  onChange,
  errors,
  disabled,
  brandColor = null,
}: {
  value: WhiteLabelDraft;
  onChange: (next: WhiteLabelDraft) => void;
  errors: Record<string, string>;
  disabled?: boolean;
  brandColor?: string | null;
}) {
  const chosen = HEX.test(value.primary_color) ? value.primary_color : null;
  const applied = chosen ?? (brandColor && HEX.test(brandColor) ? brandColor : null);
  const set = <K extends keyof WhiteLabelDraft>(key: K, next: WhiteLabelDraft[K]) =>
    onChange({ ...value, [key]: next });
  const err = (key: string) => errors[`white_label_config.${key}`];
  return (
    <div className="stack-sm">
      <Field
        label="Company name"
        optional
        error={err("company_name")}
        hint="Shown in the page header instead of your brand name."
      >
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={LIMITS.companyName}
            value={value.company_name}
            disabled={disabled}
            onChange={(event) => set("company_name", event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Logo URL"
        optional
        error={err("logo_url")}
        hint="An https:// address of a PNG, SVG or JPEG."
      >
        {(props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={LIMITS.logoUrl}
            value={value.logo_url}
            disabled={disabled}
            onChange={(event) => set("logo_url", event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Primary colour"
        optional
        error={err("primary_color")}
        hint={`Hex value such as #0E7490. Leave empty for the brand colour${brandColor ? ` (${brandColor})` : ""}.`}
      >
        {(props) => (
          <div className="color-row">
            {/* The swatch shows the colour the page will use: the chosen one, else the brand's. */}
            <span
              className={applied ? "swatch" : "swatch swatch-brand"}
              style={applied ? ({ "--swatch": applied } as CSSProperties) : undefined}
              data-testid="colour-swatch"
              data-colour={applied ?? "brand"}
              title={applied ?? "The brand's colour"}
            >
              <input
                type="color"
                aria-label="Pick primary colour"
                value={(applied ?? "#808080").toLowerCase()}
                disabled={disabled}
                onChange={(event) => set("primary_color", event.target.value.toUpperCase())}
              />
            </span>
            <input
              {...props}
              type="text"
              placeholder="#RRGGBB"
              spellCheck={false}
              autoCapitalize="characters"
              maxLength={7}
              value={value.primary_color}
              disabled={disabled}
              onChange={(event) => set("primary_color", event.target.value)}
            />
          </div>
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={value.hide_powered_by}
          disabled={disabled}
          onChange={(event) => set("hide_powered_by", event.target.checked)}
        />
        <span>Hide “Powered by sharelinks”</span>
      </label>
      {err("hide_powered_by") ? <p className="field-error">{err("hide_powered_by")}</p> : null}
    </div>
  );
}
