"use client";

import type { ShareItem } from "@sharelinks/api";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage, fieldErrorsOf } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Alert, Button, Disclosure } from "../ui";
import { LINK_PASSWORD, LinkPasswordField } from "./link-password-field";

/**
 * Set, change or remove the caller's link password. A change signs every
 * reader out of the page (their unlock cookie no longer matches).
 */
export function LinkPasswordForm({
  share,
  passwordRequired,
}: {
  share: Pick<ShareItem, "id" | "has_password">;
  /** The brand requires a password: removing it is not offered. */
  passwordRequired: boolean;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [tooShort, setTooShort] = useState(false);
  const update = useMutation(
    trpc.shares.updateShare.mutationOptions({
      onSuccess: async (_share, input) => {
        await invalidate();
        setPassword("");
        setOpen(false);
        toast(input.password === null ? "Password removed" : "Password saved");
      },
    }),
  );
  const errors = fieldErrorsOf(update.error);
  const fieldError = tooShort ? `Use at least ${LINK_PASSWORD.min} characters.` : errors.password;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    // The same bound as the server, said before a round trip.
    if (password.length < LINK_PASSWORD.min) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    update.mutate({ share_id: share.id, password });
  };

  return (
    <Disclosure
      label={share.has_password ? "Password: on" : "Password: off"}
      note={share.has_password ? "Change or remove" : "Optional"}
      open={open || Boolean(fieldError)}
      onToggle={() => setOpen((was) => !was)}
    >
      <form className="stack-sm" onSubmit={onSubmit} noValidate aria-label="Link password">
        <LinkPasswordField
          label={share.has_password ? "New password" : "Password"}
          value={password}
          onChange={(value) => {
            setPassword(value);
            setTooShort(false);
          }}
          error={fieldError}
          required
        />
        {update.error && !errors.password ? <Alert tone="error">{errorMessage(update.error)}</Alert> : null}
        <div className="action-row">
          <Button
            type="submit"
            variant="primary"
            loading={update.isPending && update.variables?.password !== null}
          >
            {share.has_password ? "Change password" : "Set password"}
          </Button>
          {share.has_password && !passwordRequired ? (
            <Button
              variant="danger-ghost"
              loading={update.isPending && update.variables?.password === null}
              onClick={() => update.mutate({ share_id: share.id, password: null })}
            >
              Remove password
            </Button>
          ) : null}
        </div>
      </form>
    </Disclosure>
  );
}
