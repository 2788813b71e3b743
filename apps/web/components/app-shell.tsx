"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { personName } from "@/lib/format";
import { forgetSessionEnd } from "@/lib/sign-in-redirect";
import { useTRPC } from "@/lib/trpc";
import { Logo } from "./logo";
import { Icons, Spinner } from "./ui";
import "./app-shell.css";

const NAV = [
  { href: "/reports", label: "Reports", Icon: Icons.ReportIcon },
  { href: "/schedules", label: "Schedules", Icon: Icons.ScheduleIcon },
  { href: "/links", label: "My links", Icon: Icons.LinkIcon },
  { href: "/api-keys", label: "API keys", Icon: Icons.KeyIcon },
  { href: "/settings/webhooks", label: "Webhooks", Icon: Icons.WebhookIcon },
  { href: "/settings/policy", label: "Link policy", Icon: Icons.ShieldIcon },
  { href: "/docs", label: "API docs", Icon: Icons.DocIcon },
] as const;

/**
 * The phone menu closes on a route change, on Escape (focus goes back to the
 * toggle) and on a click outside it.
 */
const usePhoneMenu = () => {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const sidebarRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (pathname) setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (sidebarRef.current && !sidebarRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return { open, setOpen, toggleRef, sidebarRef, pathname };
};

export function AppShell({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const menu = usePhoneMenu();
  const me = useQuery(trpc.auth.me.queryOptions());
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // A full navigation drops every cached query and in-flight request with the session.
      onSettled: () => {
        forgetSessionEnd();
        queryClient.cancelQueries();
        window.location.assign("/sign-in");
      },
    }),
  );

  return (
    <div className={menu.open ? "shell menu-open" : "shell"}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside ref={menu.sidebarRef} className={menu.open ? "sidebar open" : "sidebar"}>
        <div className="sidebar-top">
          <Link href="/reports" className="brand-link" aria-label="sharelinks home">
            <Logo />
          </Link>
          <button
            ref={menu.toggleRef}
            type="button"
            className="menu-toggle"
            aria-expanded={menu.open}
            aria-controls="primary-nav"
            onClick={() => menu.setOpen((open) => !open)}
          >
            <span className="sr-only">{menu.open ? "Close menu" : "Open menu"}</span>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path
                d={menu.open ? "M6 6l12 12M18 6 6 18" : "M4 7h16M4 12h16M4 17h16"}
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
            {NAV.map(({ href, label, Icon }) => {
              const active = menu.pathname === href || menu.pathname.startsWith(`${href}/`);
              return (
                <li key={href}>
                  <Link
                    href={href}
                    className={active ? "nav-link active" : "nav-link"}
                    aria-current={active ? "page" : undefined}
                  >
                    <span className="nav-icon">
                      <Icon />
                    </span>
                    {label}
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
            ) : (
              <Link className="btn btn-secondary btn-sm" href="/sign-in">
                Sign in
              </Link>
            )}
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
