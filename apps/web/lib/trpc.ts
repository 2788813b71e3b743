"use client";

import type { AppRouter } from "@sharelinks/api";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/**
 * The dashboard's only way to the server: tRPC over `/api/trpc`, through
 * TanStack Query. `useTRPC()` gives `queryOptions` / `mutationOptions` /
 * `queryFilter` factories for every procedure.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
