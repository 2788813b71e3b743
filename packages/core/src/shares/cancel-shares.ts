import type { Actor } from "../actor";
import type { ShareDeps } from "./deps";
import { mayRemove } from "./remove-share";
import { shareEvent } from "./rules";
import type { CancelSharesInput } from "./schemas";

export type CancelStatus = "cancelled" | "not_found" | "forbidden";

export interface CancelResult {
  share_id: string;
  status: CancelStatus;
}

/**
 * POST /v1/shares/cancel: each id judged like remove-one, partial success is
 * normal. One result per distinct id, in request order, all in one transaction.
 */
export const cancelShares = async (
  deps: ShareDeps,
  actor: Actor,
  input: CancelSharesInput,
): Promise<CancelResult[]> => {
  const ids = [...new Set(input.share_ids.map((id) => id.toLowerCase()))];
  return deps.shares.transaction(async (tx) => {
    const now = deps.clock.now();
    const results: CancelResult[] = [];
    const doomed: string[] = [];
    for (const id of ids) {
      const share = await tx.findById(id);
      if (!share || share.brandId !== actor.brandId) {
        results.push({ share_id: id, status: "not_found" });
      } else if (!mayRemove(actor, share)) {
        results.push({ share_id: id, status: "forbidden" });
      } else {
        await tx.recordEvent(
          shareEvent(deps, actor, share, "cancelled", now, { oldExpiresAt: share.expiresAt }),
        );
        doomed.push(id);
        results.push({ share_id: id, status: "cancelled" });
      }
    }
    if (doomed.length > 0) await tx.delete(doomed);
    return results;
  });
};
