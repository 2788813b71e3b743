"use client";

import type { ShareItem } from "@sharelinks/api";
import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { useInvalidateShares } from "@/lib/use-invalidate-shares";
import { useToast } from "../toast";
import { Alert, Button } from "../ui";

/**
 * Pause (the link answers "not found" until resumed, same address) or resume.
 * No confirmation: either way is one click back.
 */
export function PauseLink({ share }: { share: Pick<ShareItem, "id" | "paused_at"> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const invalidate = useInvalidateShares();
  const paused = share.paused_at !== null;
  const options = {
    onSuccess: async () => {
      await invalidate();
      toast(
        paused ? "Link resumed: it works again" : "Link paused: it shows “not found” until you resume it",
      );
    },
  };
  const pause = useMutation(trpc.shares.pauseShare.mutationOptions(options));
  const resume = useMutation(trpc.shares.resumeShare.mutationOptions(options));
  const running = paused ? resume : pause;

  return (
    <div className="stack-sm">
      <Button
        onClick={() => running.mutate({ share_id: share.id })}
        loading={running.isPending}
        data-testid={paused ? "resume-link" : "pause-link"}
      >
        {paused ? "Resume link" : "Pause link"}
      </Button>
      {running.error ? <Alert tone="error">{errorMessage(running.error)}</Alert> : null}
    </div>
  );
}
