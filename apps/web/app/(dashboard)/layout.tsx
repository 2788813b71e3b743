import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";

/**
 * Without a session cookie there is nothing to show: go to sign-in before any
 * client code runs. A cookie that exists but is stale is caught by the first
 * tRPC call (UNAUTHORIZED -> sign-in), which also clears it.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const store = await cookies();
  if (!store.get("sl_session")?.value) redirect("/sign-in");
  return <AppShell>{children}</AppShell>;
}
