"use client";

import type { SharePolicy } from "@sharelinks/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrorsOf, shareLimitOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Alert, Button, Disclosure } from "../ui";
import { ExpiryField } from "./expiry-field";
import { LINK_PASSWORD, LinkPasswordField } from "./link-password-field";
import { policyDefaultDays } from "./policy-defaults";
import { daysValue, hasBrandingError, nounOf, type ResourceRef } from "./resource";
import { configFrom, emptyWhiteLabel, type WhiteLabelDraft, WhiteLabelFields } from "./white-label-fields";

/**
 * The caller has no link on this resource yet: expiry (starting from the
 * brand's default), a password (required when the brand's policy says so),
 * optional branding, "Create link".
 */
export function CreateLinkForm({
  resource,
  atCap,
  limit,
  brandColor,
  policy,
}: {
  resource: ResourceRef;
  atCap: boolean;
  limit: number;
  brandColor: string | null;
  /** The brand's share policy; null while it loads. */
  policy: SharePolicy | null;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  // Null until the user types: the brand's default shows once the policy has loaded.
  const [typedDays, setDays] = useState<string | null>(null);
  const days = typedDays ?? String(policyDefaultDays(policy));
  const [password, setPassword] = useState("");
  const [passwordTooShort, setPasswordTooShort] = useState(false);
  const passwordRequired = policy?.require_password ?? false;
  const [branding, setBranding] = useState<WhiteLabelDraft>(emptyWhiteLabel);
  const [showBranding, setShowBranding] = useState(false);
  // Set in the submit handler itself: React commits it before the browser delivers a second click,
  // whereas the mutation's own pending state arrives a task later.
  const [submitting, setSubmitting] = useState(false);
  const create = useMutation(
    trpc.shares.createShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        toast("Share link created");
      },
      // The cap or the resource may have changed under us: show the current counts.
      onError: () => invalidate(),
      onSettled: () => setSubmitting(false),
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const passwordError = passwordTooShort ? `Use at least ${LINK_PASSWORD.min} characters.` : errors.password;
  const limitHit = shareLimitOf(create.error);
  const brandingError = hasBrandingError(errors);
  const bannerError =
    create.error && !limitHit && !errors.expiration_days && !errors.password && !brandingError
      ? create.error
      : null;
  const busy = submitting || create.isPending;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // An empty optional password means none; a short one is said here, as the server would.
    if (password !== "" && password.length < LINK_PASSWORD.min) {
      setPasswordTooShort(true);
      return;
    }
    setPasswordTooShort(false);
    setSubmitting(true);
    const white_label_config = configFrom(branding);
    create.mutate({
      resource,
      expiration_days: daysValue(days),
      ...(password !== "" ? { password } : {}),
      ...(white_label_config ? { white_label_config } : {}),
    });
  };

  return (
    <form className="create-link stack-sm" onSubmit={onSubmit} noValidate aria-label="Create a share link">
      <h3>Create your link</h3>
      {atCap || limitHit ? (
        <Alert tone="warning" title="Link limit reached">
          All {limitHit?.limit ?? limit} links for this {nounOf(resource)} are in use across your team. Revoke
          an unused link below, or ask a manager to, before creating another.
        </Alert>
      ) : null}
      {bannerError ? <Alert tone="error">{errorMessage(bannerError)}</Alert> : null}
      <ExpiryField
        value={days}
        onChange={setDays}
        error={errors.expiration_days}
        max={policy?.max_expiration_days ?? null}
      />
      <LinkPasswordField
        value={password}
        onChange={(value) => {
          setPassword(value);
          setPasswordTooShort(false);
        }}
        error={passwordError}
        required={passwordRequired}
      />
      <Disclosure
        label="Customize branding"
        note="Optional"
        open={showBranding || brandingError}
        onToggle={() => setShowBranding((open) => !open)}
      >
        <WhiteLabelFields value={branding} onChange={setBranding} errors={errors} brandColor={brandColor} />
      </Disclosure>
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={busy} disabled={atCap}>
          Create link
        </Button>
      </div>
    </form>
  );
}
