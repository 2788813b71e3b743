"use client";

import type { AppRouter } from "@sharelinks/api";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { type ReactNode, useState } from "react";
import { ToastProvider } from "@/components/toast";
import { isUnauthorized, trpcCodeOf } from "./errors";
import { redirectToSignIn } from "./sign-in-redirect";
import { TRPCProvider } from "./trpc";

const CLIENT_ERRORS = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PARSE_ERROR",
]);

const makeQueryClient = () =>
  new QueryClient({
    queryCache: new QueryCache({
      // The cookie was sent and refused: the session ended (expired, or signed out elsewhere).
      onError: (error) => {
        if (isUnauthorized(error)) redirectToSignIn("expired");
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // Signing in with a wrong password is UNAUTHORIZED too, and must stay on the page.
        if (mutation.options.mutationKey?.flat().includes("signIn")) return;
        if (isUnauthorized(error)) redirectToSignIn("expired");
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again.
        retry: (failureCount, error) => !CLIENT_ERRORS.has(trpcCodeOf(error) ?? "") && failureCount < 2,
      },
    },
  });

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          // The server refuses batches of more than 20 procedures.
          maxItems: 20,
          fetch: (url, options) => fetch(url, { ...options, credentials: "include" }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ToastProvider>{children}</ToastProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
