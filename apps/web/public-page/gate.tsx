/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { PublicSharePreview } from "@sharelinks/core";
import { safeLogoUrl } from "./format";
import { Brand, Document, themeOf } from "./page";

/** The branded frame shared by the preview and the password form: the brand's name, logo and colour only. */
function Gate({ preview, children }: { preview: PublicSharePreview; children: React.ReactNode }) {
  const wl = preview.white_label;
  const company = wl.company_name.trim() || "Shared report";
  const logoUrl = safeLogoUrl(wl.logo_url);
  const title = `${preview.title} · ${company}`;
  return (
    <Document
      title={title}
      theme={themeOf(wl.primary_color)}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:title" content={preview.title} />
          <meta property="og:site_name" content={company} />
          <meta property="og:description" content={`A report shared by ${company}.`} />
          {logoUrl && <meta property="og:image" content={logoUrl} />}
          <meta name="twitter:card" content="summary" />
        </>
      }
    >
      <header className="topbar">
        <div className="wrap">
          <Brand name={company} logoUrl={logoUrl} />
          <span className="badge">Read-only shared report</span>
        </div>
      </header>
      <main className="status-page">
        <div className="status-card">
          <h1>{preview.title}</h1>
          {children}
        </div>
      </main>
    </Document>
  );
}

/** What a bot or link unfurler sees: title and brand (with Open Graph tags), never a number of the report. */
export function PreviewPage({ preview }: { preview: PublicSharePreview }) {
  return (
    <Gate preview={preview}>
      <p>Open the link in a browser to see the report.</p>
    </Gate>
  );
}

export type PasswordProblem = "none" | "invalid" | "throttled";

/**
 * The password form of a protected link: no report data before it is
 * unlocked. It posts back to the same address; success sets the link's
 * unlock cookie and redirects to it.
 */
export function PasswordPage({
  preview,
  problem,
  retryAfterSeconds,
}: {
  preview: PublicSharePreview;
  problem: PasswordProblem;
  retryAfterSeconds?: number;
}) {
  return (
    <Gate preview={preview}>
      <p>This link is protected. Enter the password you were given.</p>
      {problem === "invalid" && (
        <p role="alert" className="status-code">
          That password is not right. Try again.
        </p>
      )}
      {problem === "throttled" && (
        <p role="alert" className="status-code">
          Too many wrong passwords. Try again in {retryAfterSeconds ?? 60} seconds.
        </p>
      )}
      <form method="post" className="password-form">
        <label htmlFor="share-password">Password</label>{" "}
        <input
          id="share-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          minLength={1}
          maxLength={128}
        />{" "}
        <button type="submit">Unlock</button>
      </form>
    </Gate>
  );
}
