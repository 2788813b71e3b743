import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { SignInRedirect } from "@/components/sign-in-redirect";
import { hasSessionCookie } from "@/lib/session";
import "../styles/center-page.css";

/**
 * Without a session cookie there is nothing to show: go to sign in, keeping
 * the page as the return target. A cookie that exists but is stale is caught
 * by the first tRPC call (UNAUTHORIZED -> sign-in), which also clears it.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  if (!(await hasSessionCookie())) return <SignInRedirect />;
  return <AppShell>{children}</AppShell>;
}
