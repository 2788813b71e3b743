"use client";

import { useEffect } from "react";
import { sessionHasEnded, signInUrl } from "@/lib/sign-in-redirect";
import { Spinner } from "./ui";

/**
 * Rendered instead of the dashboard when the browser sent no session cookie.
 * A layout cannot see the URL, so the browser builds the return target; it
 * also knows whether a session it had has run out.
 */
export function SignInRedirect() {
  useEffect(() => {
    const { pathname, search } = window.location;
    window.location.replace(signInUrl(`${pathname}${search}`, sessionHasEnded() ? "expired" : undefined));
  }, []);
  return (
    <main className="center-page">
      <Spinner label="Going to sign in" />
    </main>
  );
}
