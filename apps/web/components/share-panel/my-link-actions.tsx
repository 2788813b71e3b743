"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Button, ConfirmDialog } from "../ui";
import { nounOf, type ResourceRef } from "./resource";

/** Rotate (new address, same settings) and revoke the caller's link, each behind a confirmation. */
export function MyLinkActions({ resource }: { resource: ResourceRef }) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [dialog, setDialog] = useState<"rotate" | "revoke" | null>(null);
  const rotate = useMutation(
    trpc.shares.createShare.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setDialog(null);
        toast("New link created. The old link no longer works.");
      },
    }),
  );
  const revoke = useMutation(
    trpc.shares.revokeMyShares.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setDialog(null);
        toast("Your link was revoked");
      },
    }),
  );

  return (
    <>
      <div className="action-row">
        <Button onClick={() => setDialog("rotate")}>Rotate link</Button>
        <Button variant="danger-ghost" onClick={() => setDialog("revoke")}>
          Revoke my link
        </Button>
      </div>
      <ConfirmDialog
        open={dialog === "rotate"}
        title="Rotate this link?"
        confirmLabel="Rotate link"
        cancelLabel="Keep current link"
        pending={rotate.isPending}
        error={rotate.error}
        onClose={() => {
          setDialog(null);
          rotate.reset();
        }}
        onConfirm={() => rotate.mutate({ resource, rotate: true, keep_settings: true })}
      >
        <p>
          You get a new address and <strong>the current link stops working immediately</strong>: anyone who
          opens it will see “Link not found”. Send the new link to the people who should keep access.
        </p>
        <p className="muted small">Branding and remaining time are kept.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "revoke"}
        title="Revoke your link?"
        confirmLabel="Revoke link"
        cancelLabel="Keep link"
        pending={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          setDialog(null);
          revoke.reset();
        }}
        onConfirm={() => revoke.mutate(resource)}
      >
        <p>
          The link stops working immediately. Your teammates' links to this {nounOf(resource)} are not
          affected.
        </p>
      </ConfirmDialog>
    </>
  );
}
