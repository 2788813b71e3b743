"use client";

import type { BrandItem } from "@sharelinks/api";
import { MAX_EXPIRATION_DAYS, MIN_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrorsOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useToast } from "../toast";
import { Alert, Button, Field } from "../ui";

type Policy = BrandItem["share_policy"];
type DayField = "default_expiration_days" | "max_expiration_days";

/** "" means no limit (null); anything else goes to the server as typed, so it explains what is wrong. */
const daysOrNull = (raw: string): number | null => (raw.trim() === "" ? null : Number(raw.trim()));
const draftOf = (days: number | null) => (days === null ? "" : String(days));

const DAY_FIELDS: Array<{ name: DayField; label: string; hint: string }> = [
  {
    name: "default_expiration_days",
    label: "Default expiry (days)",
    hint: "What a new link gets when its creator doesn't choose. Empty: 30 days, or the maximum if lower.",
  },
  {
    name: "max_expiration_days",
    label: "Maximum expiry (days)",
    hint: `No link can be created or extended beyond this. Empty: no limit (${MAX_EXPIRATION_DAYS} days).`,
  },
];

/**
 * The brand's share policy: managers edit it, members see the same fields
 * read-only (they are the rules their links follow).
 */
export function SharePolicyForm({ policy, canEdit }: { policy: Policy; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [days, setDays] = useState<Record<DayField, string>>({
    default_expiration_days: draftOf(policy.default_expiration_days),
    max_expiration_days: draftOf(policy.max_expiration_days),
  });
  const [requirePassword, setRequirePassword] = useState(policy.require_password);
  const save = useMutation(
    trpc.brand.updateBrand.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.brand.getBrand.queryFilter());
        toast("Link policy saved");
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const fieldError = (name: DayField) => errors[name] ?? errors[`share_policy.${name}`];
  const banner = save.error && !fieldError("default_expiration_days") && !fieldError("max_expiration_days");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!canEdit || save.isPending) return;
    save.mutate({
      share_policy: {
        default_expiration_days: daysOrNull(days.default_expiration_days),
        max_expiration_days: daysOrNull(days.max_expiration_days),
        require_password: requirePassword,
      },
    });
  };

  return (
    <form
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label="Link policy"
      data-testid="share-policy-form"
    >
      {canEdit ? null : (
        <Alert tone="info" title="Only managers can change these rules">
          They apply to every link you create or extend.
        </Alert>
      )}
      {DAY_FIELDS.map(({ name, label, hint }) => (
        <Field key={name} label={label} optional hint={hint} error={fieldError(name)}>
          {(props) => (
            <input
              {...props}
              name={name}
              type="number"
              inputMode="numeric"
              min={MIN_EXPIRATION_DAYS}
              max={MAX_EXPIRATION_DAYS}
              step={1}
              className="input-days"
              value={days[name]}
              readOnly={!canEdit}
              disabled={!canEdit}
              onChange={(event) => setDays((current) => ({ ...current, [name]: event.target.value }))}
            />
          )}
        </Field>
      ))}
      <label className="check">
        <input
          type="checkbox"
          name="require_password"
          checked={requirePassword}
          disabled={!canEdit}
          onChange={(event) => setRequirePassword(event.target.checked)}
        />
        <span>Require a password on every new link</span>
      </label>
      {banner ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      {canEdit ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save policy
          </Button>
        </div>
      ) : null}
    </form>
  );
}
