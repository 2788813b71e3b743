import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { PublicShell } from "@/components/public-shell";
import { hasSessionCookie } from "@/lib/session";

/**
 * The API reference is public: with a session it sits in the dashboard's
 * shell, without one in a bare header with a way to sign in.
 */
export default async function DocsLayout({ children }: { children: ReactNode }) {
  return (await hasSessionCookie()) ? <AppShell>{children}</AppShell> : <PublicShell>{children}</PublicShell>;
}
