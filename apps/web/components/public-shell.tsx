import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "./logo";
import "./public-shell.css";

/** The frame of a page anyone may open (the API reference): the logo and a way to sign in. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="public-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="public-top">
        <Link href="/docs" className="brand-link" aria-label="sharelinks API reference">
          <Logo />
        </Link>
        <Link className="btn btn-secondary btn-sm" href="/sign-in?next=%2Fdocs">
          Sign in
        </Link>
      </header>
      <main id="main" className="main public-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
