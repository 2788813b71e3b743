"use client";

import type { ViewSummary } from "@sharelinks/core";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

/** The API answers at most this many ids per call (core's MAX_SUMMARY_SHARES). */
const CHUNK = 100;

/**
 * View summaries of a list of links, one query per 100 links; a link with no
 * entry was never opened. Refreshes every minute: views arrive continuously.
 */
export function useViewSummaries(shareIds: readonly string[]): {
  summaryOf: (shareId: string) => ViewSummary | null;
  loading: boolean;
} {
  const trpc = useTRPC();
  const ids = [...shareIds].slice(0, CHUNK * 5);
  const first = ids.slice(0, CHUNK);
  // Link lists load 20 at a time; beyond 100 loaded links the later ones share one more call.
  const rest = ids.slice(CHUNK, CHUNK * 2);
  const a = useQuery({
    ...trpc.analytics.summarizeViews.queryOptions({ share_ids: first }),
    enabled: first.length > 0,
    refetchInterval: 60_000,
  });
  const b = useQuery({
    ...trpc.analytics.summarizeViews.queryOptions({ share_ids: rest }),
    enabled: rest.length > 0,
    refetchInterval: 60_000,
  });
  const byId = new Map<string, ViewSummary>();
  for (const summary of [...(a.data?.summaries ?? []), ...(b.data?.summaries ?? [])])
    byId.set(summary.share_id, summary);
  return {
    summaryOf: (shareId) => byId.get(shareId.toLowerCase()) ?? null,
    loading: a.isLoading || b.isLoading,
  };
}
