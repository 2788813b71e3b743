"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { bulkRevokeOutcome } from "./bulk-outcome";

/**
 * Selecting links and revoking them in one request (`shares.cancelShares`):
 * the state and the mutation behind My links and a share panel's teammates'
 * links. `ids` are the links that may be selected right now; a selection of
 * links that left the list (revoked, filtered away) is dropped silently.
 */
export function useLinkSelection(ids: readonly string[]) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);

  const selectedIds = ids.filter((id) => selected.has(id));
  const allSelected = ids.length > 0 && selectedIds.length === ids.length;

  const revoke = useMutation(
    trpc.shares.cancelShares.mutationOptions({
      onSuccess: async ({ results }) => {
        await invalidate();
        setConfirming(false);
        setSelected(new Set());
        const said = bulkRevokeOutcome(results);
        toast(said.toast);
        setOutcome(said.note);
      },
    }),
  );

  const clear = () => setSelected(new Set());

  return {
    selectedIds,
    allSelected,
    /** Why some of the last bulk revoke's links were not revoked, or null. */
    outcome,
    isSelected: (id: string) => selected.has(id),
    toggle: (id: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    toggleAll: () => setSelected(allSelected ? new Set() : new Set(ids)),
    clear,
    /** Clears the selection and the last outcome (the list changed under it). */
    reset: () => {
      clear();
      setOutcome(null);
    },
    askToRevoke: () => setConfirming(true),
    dialog: {
      open: confirming,
      count: selectedIds.length,
      pending: revoke.isPending,
      error: revoke.error,
      onConfirm: () => {
        if (!revoke.isPending) revoke.mutate({ share_ids: selectedIds });
      },
      onClose: () => {
        setConfirming(false);
        revoke.reset();
      },
    },
  };
}

export type LinkSelection = ReturnType<typeof useLinkSelection>;
