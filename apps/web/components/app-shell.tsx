"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { personName } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { Spinner } from "./ui";

const NAV = [
  { href: "/reports", label: "Reports", icon: "M4 19V9m6 10V5m6 14v-7m4 7H2" },
  { href: "/schedules", label: "Schedules", icon: "M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" },
  {
    href: "/links",
    label: "My links",
    icon: "M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1",
  },
  {
    href: "/api-keys",
    label: "API keys",
    icon: "M15 7a4 4 0 1 1-3.46 6H9l-2 2-2-2 2-2h4.54A4 4 0 0 1 15 7Zm1 3h.01",
  },
  { href: "/docs", label: "API docs", icon: "M7 4h8l4 4v12H7zM15 4v4h4M10 13h6M10 17h6" },
] as const;

function NavIcon({ d }: { d: string }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo() {
  return (
    <span className="logo">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <rect width="24" height="24" rx="6" fill="currentColor" />
        <path
          d="M10.5 13.5a3 3 0 0 0 4.24 0l2.3-2.3a3 3 0 0 0-4.24-4.24l-.7.7M13.5 10.5a3 3 0 0 0-4.24 0l-2.3 2.3a3 3 0 0 0 4.24 4.24l.7-.7"
          fill="none"
          stroke="#fff"
          strokeWidth="1.8"
          strokeLinecap="round"
        />
      </svg>
      <span>sharelinks</span>
    </span>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const me = useQuery(trpc.auth.me.queryOptions());
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // A full navigation drops every cached query and in-flight request with the session.
      onSettled: () => {
        queryClient.cancelQueries();
        window.location.assign("/sign-in");
      },
    }),
  );

  // Close the phone menu whenever the route changes.
  useEffect(() => {
    if (pathname) setMenuOpen(false);
  }, [pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className={menuOpen ? "sidebar open" : "sidebar"}>
        <div className="sidebar-top">
          <Link href="/reports" className="brand-link" aria-label="sharelinks home">
            <Logo />
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="primary-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="sr-only">{menuOpen ? "Close menu" : "Open menu"}</span>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path
                d={menuOpen ? "M6 6l12 12M18 6 6 18" : "M4 7h16M4 12h16M4 17h16"}
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          </button>
        </div>
        <nav id="primary-nav" className="nav" aria-label="Primary">
          {me.data ? (
            <div className="workspace" title={me.data.brand.name}>
              <span className="workspace-mark" aria-hidden="true">
                {me.data.brand.name.trim().charAt(0).toUpperCase() || "•"}
              </span>
              <span className="workspace-name">{me.data.brand.name}</span>
            </div>
          ) : (
            <div className="workspace workspace-loading" aria-hidden="true" />
          )}
          <ul>
            {NAV.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className={active ? "nav-link active" : "nav-link"}
                    aria-current={active ? "page" : undefined}
                  >
                    <NavIcon d={item.icon} />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="account">
            {me.data ? (
              <>
                <div className="account-who">
                  <span className="avatar" aria-hidden="true">
                    {personName(me.data.user).charAt(0).toUpperCase()}
                  </span>
                  <span className="account-text">
                    <span className="account-name" data-testid="signed-in-user">
                      {personName(me.data.user)}
                    </span>
                    <span className="account-meta">
                      {me.data.user.email} · {me.data.user.role === "manager" ? "Manager" : "Member"}
                    </span>
                  </span>
                </div>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm signout"
                  onClick={() => signOut.mutate()}
                  disabled={signOut.isPending}
                >
                  {signOut.isPending ? <Spinner /> : null}
                  Sign out
                </button>
              </>
            ) : me.isPending ? (
              <Spinner label="Loading account" />
            ) : null}
          </div>
        </nav>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** The signed-in user's role and id, for permission-aware UI. */
export const useMe = () => {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions());
};
