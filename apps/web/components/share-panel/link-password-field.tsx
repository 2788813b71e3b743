"use client";

import { Field } from "../ui";

export const LINK_PASSWORD = { min: 8, max: 128 } as const;

/** A link's password: readers type it on the public page before they see anything. */
export function LinkPasswordField({
  label = "Password",
  value,
  onChange,
  error,
  required,
}: {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The brand's policy requires one: the field is no longer optional. */
  required: boolean;
}) {
  return (
    <Field
      label={label}
      optional={!required}
      error={error}
      hint={
        required
          ? `Your brand requires a password on every link (${LINK_PASSWORD.min}-${LINK_PASSWORD.max} characters).`
          : `Readers must enter it to see the report (${LINK_PASSWORD.min}-${LINK_PASSWORD.max} characters).`
      }
    >
      {(props) => (
        <input
          {...props}
          name="link_password"
          type="password"
          autoComplete="new-password"
          maxLength={LINK_PASSWORD.max}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
