"use client";

import { DEFAULT_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrorsOf, shareLimitOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Alert, Button, Disclosure } from "../ui";
import { ExpiryField } from "./expiry-field";
import { daysValue, hasBrandingError, nounOf, type ResourceRef } from "./resource";
import { configFrom, emptyWhiteLabel, type WhiteLabelDraft, WhiteLabelFields } from "./white-label-fields";

/** The caller has no link on this resource yet: expiry, optional branding, "Create link". */
export function CreateLinkForm({
  resource,
  atCap,
  limit,
  brandColor,
}: {
  resource: ResourceRef;
  atCap: boolean;
  limit: number;
  brandColor: string | null;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [days, setDays] = useState(String(DEFAULT_EXPIRATION_DAYS));
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
  const limitHit = shareLimitOf(create.error);
  const brandingError = hasBrandingError(errors);
  const bannerError =
    create.error && !limitHit && !errors.expiration_days && !brandingError ? create.error : null;
  const busy = submitting || create.isPending;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSubmitting(true);
    const white_label_config = configFrom(branding);
    create.mutate({
      resource,
      expiration_days: daysValue(days),
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
      <ExpiryField value={days} onChange={setDays} error={errors.expiration_days} />
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
