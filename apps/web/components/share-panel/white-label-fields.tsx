"use client";

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

export interface WhiteLabelConfig {
  company_name?: string;
  logo_url?: string;
  primary_color?: string;
  hide_powered_by?: boolean;
}

export const draftFrom = (config: WhiteLabelConfig | null | undefined): WhiteLabelDraft => ({
  company_name: config?.company_name ?? "",
  logo_url: config?.logo_url ?? "",
  primary_color: config?.primary_color ?? "",
  hide_powered_by: config?.hide_powered_by ?? false,
});

/** Only what the user filled in; null when nothing is overridden (brand defaults apply). */
export const configFrom = (draft: WhiteLabelDraft): WhiteLabelConfig | null => {
  const config: WhiteLabelConfig = {};
  if (draft.company_name.trim()) config.company_name = draft.company_name.trim();
  if (draft.logo_url.trim()) config.logo_url = draft.logo_url.trim();
  if (draft.primary_color.trim()) config.primary_color = draft.primary_color.trim();
  if (draft.hide_powered_by) config.hide_powered_by = true;
  return Object.keys(config).length > 0 ? config : null;
};

const HEX = /^#[0-9A-Fa-f]{6}$/;

/** The four white-label overrides. Errors are keyed by API path (`white_label_config.logo_url`). */
export function WhiteLabelFields({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: WhiteLabelDraft;
  onChange: (next: WhiteLabelDraft) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
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
            maxLength={200}
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
        hint="Hex value such as #0E7490. Leave empty for the brand colour."
      >
        {(props) => (
          <div className="color-row">
            <input
              type="color"
              aria-label="Pick primary colour"
              value={HEX.test(value.primary_color) ? value.primary_color.toLowerCase() : "#4f46e5"}
              disabled={disabled}
              onChange={(event) => set("primary_color", event.target.value.toUpperCase())}
            />
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
