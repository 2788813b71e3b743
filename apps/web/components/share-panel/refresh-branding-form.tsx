"use client";

import type { ShareItem } from "@sharelinks/api";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldErrorsOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Alert, Button, Disclosure } from "../ui";
import { hasBrandingError, type ResourceRef } from "./resource";
import { configFrom, draftFrom, type WhiteLabelDraft, WhiteLabelFields } from "./white-label-fields";

/** New branding for the caller's link; saving refreshes the snapshot, the address and expiry stay. */
export function RefreshBrandingForm({
  resource,
  share,
  brandColor,
}: {
  resource: ResourceRef;
  share: ShareItem;
  brandColor: string | null;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [open, setOpen] = useState(false);
  const [branding, setBranding] = useState<WhiteLabelDraft>(() => draftFrom(share.white_label_config));
  const refresh = useMutation(
    trpc.shares.createShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setOpen(false);
        toast("Link updated with a fresh snapshot");
      },
    }),
  );
  const errors = fieldErrorsOf(refresh.error);

  return (
    <Disclosure label="Branding and snapshot" open={open} onToggle={() => setOpen((current) => !current)}>
      <form
        className="stack-sm"
        noValidate
        aria-label="Update branding"
        onSubmit={(event) => {
          event.preventDefault();
          if (!refresh.isPending) refresh.mutate({ resource, white_label_config: configFrom(branding) });
        }}
      >
        <p className="muted small">
          Saving refreshes the snapshot with the latest data; the address and expiry stay the same.
        </p>
        {refresh.error && !hasBrandingError(errors) ? (
          <Alert tone="error">{errorMessage(refresh.error)}</Alert>
        ) : null}
        <WhiteLabelFields value={branding} onChange={setBranding} errors={errors} brandColor={brandColor} />
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={refresh.isPending}>
            Save and refresh
          </Button>
        </div>
      </form>
    </Disclosure>
  );
}
