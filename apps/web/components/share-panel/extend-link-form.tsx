"use client";

import type { ShareItem } from "@sharelinks/api";
import { DEFAULT_EXPIRATION_DAYS, MAX_EXPIRATION_DAYS, MIN_EXPIRATION_DAYS } from "@sharelinks/core/expiry";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, fieldErrorsOf } from "@/lib/errors";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Alert, Button, Field } from "../ui";
import { daysValue } from "./resource";

/** A new expiry, counted from now (never from the old expiry). */
export function ExtendLinkForm({ share }: { share: ShareItem }) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [days, setDays] = useState(String(DEFAULT_EXPIRATION_DAYS));
  const extend = useMutation(
    trpc.shares.extendShare.mutationOptions({
      onSuccess: async (updated) => {
        await invalidate();
        toast(`Link now expires ${formatLocal(updated.expires_at)}`);
      },
    }),
  );
  const errors = fieldErrorsOf(extend.error);

  return (
    <form
      className="extend-form"
      noValidate
      aria-label="Extend your link"
      onSubmit={(event) => {
        event.preventDefault();
        if (!extend.isPending) extend.mutate({ share_id: share.id, expiration_days: daysValue(days) });
      }}
    >
      <Field label="Extend to this many days from now" error={errors.expiration_days}>
        {(props) => (
          <div className="inline-form">
            <input
              {...props}
              name="extend_days"
              type="number"
              inputMode="numeric"
              min={MIN_EXPIRATION_DAYS}
              max={MAX_EXPIRATION_DAYS}
              className="input-days"
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
            <Button type="submit" loading={extend.isPending}>
              Extend
            </Button>
          </div>
        )}
      </Field>
      {extend.error && !errors.expiration_days ? (
        <Alert tone="error">{errorMessage(extend.error)}</Alert>
      ) : null}
    </form>
  );
}
