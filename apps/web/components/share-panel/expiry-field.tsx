"use client";

import { DEFAULT_EXPIRATION_DAYS, MAX_EXPIRATION_DAYS, MIN_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { Field } from "../ui";
import "./expiry-field.css";

const PRESETS = [7, DEFAULT_EXPIRATION_DAYS, 90, MAX_EXPIRATION_DAYS];

/**
 * Days until the new link expires: a number field and the usual choices as
 * chips, none beyond the brand's maximum. The server holds the maximum; the
 * field only says it (a typed number beyond it gets the server's sentence).
 */
export function ExpiryField({
  value,
  onChange,
  error,
  max = null,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The brand's `max_expiration_days`; null for none. */
  max?: number | null;
}) {
  const upper = max ?? MAX_EXPIRATION_DAYS;
  const presets = PRESETS.filter((preset) => preset <= upper);
  return (
    <Field
      label="Expires after (days)"
      error={error}
      hint={
        max === null
          ? `Between ${MIN_EXPIRATION_DAYS} and ${MAX_EXPIRATION_DAYS} days.`
          : `Between ${MIN_EXPIRATION_DAYS} and ${max} days (your brand's maximum).`
      }
    >
      {(props) => (
        <div className="days-row">
          <input
            {...props}
            name="expiration_days"
            type="number"
            inputMode="numeric"
            min={MIN_EXPIRATION_DAYS}
            max={upper}
            step={1}
            className="input-days"
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
          <fieldset className="presets">
            <legend className="sr-only">Expiry presets</legend>
            {presets.map((preset) => (
              <button
                key={preset}
                type="button"
                className={value === String(preset) ? "chip active" : "chip"}
                aria-pressed={value === String(preset)}
                onClick={() => onChange(String(preset))}
              >
                {preset === MAX_EXPIRATION_DAYS ? "1 year" : `${preset} days`}
              </button>
            ))}
          </fieldset>
        </div>
      )}
    </Field>
  );
}
