"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "./trpc";

/** After any share mutation every share list (a resource's panel, My links) is stale. */
export const useInvalidateShares = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.shares.pathFilter());
};
