/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { PublicShare, Snapshot } from "@sharelinks/core";
import type { ReactNode } from "react";
import { EngineBars, EnginePositions, TrendChart } from "./charts";
import {
  daysUntil,
  EXPIRY_NOTICE_DAYS,
  formatDateTimeUtc,
  formatDateUtc,
  formatPercent,
  formatPosition,
  inkOf,
  safeColor,
  safeLogoUrl,
  textOn,
} from "./format";
import { ResultsMatrix } from "./results-matrix";
import { PUBLIC_PAGE_CSS } from "./styles";

interface Theme {
  brand: string;
  ink: string;
  onBrand: string;
}

export const themeOf = (color: string | null | undefined): Theme => {
  const brand = safeColor(color);
  return { brand, ink: inkOf(brand), onBrand: textOn(brand) };
};

/** The only dynamic CSS: three validated #RRGGBB values, so nothing user-typed reaches the stylesheet. */
const themeCss = (theme: Theme) =>
  `:root{--brand:${theme.brand};--brand-ink:${theme.ink};--on-brand:${theme.onBrand}}`;

export function Document({
  title,
  theme,
  children,
  head,
}: {
  title: string;
  theme: Theme;
  children: ReactNode;
  /** Extra head elements (the preview's Open Graph tags). */
  head?: ReactNode;
}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
        {head}
        <style dangerouslySetInnerHTML={{ __html: `${themeCss(theme)}${PUBLIC_PAGE_CSS}` }} />
      </head>
      <body>{children}</body>
    </html>
  );
}

export function Brand({ name, logoUrl }: { name: string; logoUrl: string | null }) {
  return (
    <>
      {logoUrl ? (
        <img className="logo" src={logoUrl} alt={`${name} logo`} referrerPolicy="no-referrer" />
      ) : (
        <span className="monogram" aria-hidden="true">
          {(name.trim()[0] ?? "•").toUpperCase()}
        </span>
      )}
      <span className="company">{name}</span>
    </>
  );
}

function Stat({
  label,
  value,
  note,
  accent,
}: {
  label: string;
  value: string;
  note?: string;
  accent?: boolean;
}) {
  return (
    <li className="stat">
      <p className="stat-label">{label}</p>
      <p className={accent ? "stat-value accent" : "stat-value"}>{value}</p>
      {note ? <p className="stat-note">{note}</p> : null}
    </li>
  );
}

function Summary({ snapshot }: { snapshot: Snapshot }) {
  const { summary } = snapshot;
  return (
    <ul className="stats" aria-label="Summary">
      <Stat
        label="Visibility rate"
        value={formatPercent(summary.visibility_rate)}
        note="of answers mention the brand"
        accent
      />
      <Stat label="Mentions" value={`${summary.mentioned}`} note={`out of ${summary.total} answers`} />
      <Stat
        label="Average position"
        value={summary.average_position === null ? "—" : `#${formatPosition(summary.average_position)}`}
        note="when mentioned"
      />
      {snapshot.kind === "scheduled" ? (
        <Stat label="Runs" value={`${snapshot.run_count}`} note={`${snapshot.cadence} schedule`} />
      ) : (
        <Stat label="Engines" value={`${snapshot.engines.length}`} note="AI engines checked" />
      )}
    </ul>
  );
}

function SharePage({ share, now }: { share: PublicShare; now: Date }) {
  const { snapshot, white_label: wl } = share;
  const theme = themeOf(wl.primary_color);
  const company = wl.company_name.trim() || "Shared report";
  const logoUrl = safeLogoUrl(wl.logo_url);
  const isSchedule = snapshot.kind === "scheduled";
  const expiresInDays = daysUntil(share.expires_at, now);
  const resultsNote =
    snapshot.kind === "scheduled"
      ? `From the latest completed run, ${formatDateTimeUtc(snapshot.generated_at)}.`
      : `${snapshot.results.length} answers across ${snapshot.engines.length} engines.`;

  return (
    <Document title={`${share.title} · ${company}`} theme={theme}>
      <header className="topbar">
        <div className="wrap">
          <Brand name={company} logoUrl={logoUrl} />
          <span className="badge">Read-only shared report</span>
        </div>
      </header>
      <main>
        <div className="wrap">
          <section className="hero" aria-labelledby="report-title">
            <p className="eyebrow">
              {snapshot.kind === "scheduled" ? `Scheduled report · ${snapshot.cadence}` : "Report"}
            </p>
            <h1 id="report-title">{share.title}</h1>
            <p className="meta">
              <span>
                Snapshot taken{" "}
                <time dateTime={snapshot.snapshot_at}>{formatDateTimeUtc(snapshot.snapshot_at)}</time>
              </span>
              <span>
                Data from{" "}
                <time dateTime={snapshot.generated_at}>{formatDateTimeUtc(snapshot.generated_at)}</time>
              </span>
            </p>
          </section>

          <Summary snapshot={snapshot} />

          <div className={isSchedule ? "grid" : "grid single"}>
            <section className="card" aria-labelledby="engines-title">
              <h2 id="engines-title">Visibility by engine</h2>
              <p className="sub">
                Share of answers that mention the brand{isSchedule ? ", over all runs" : ""}.
              </p>
              <EngineBars engines={snapshot.engines} />
              {snapshot.engines.length > 0 ? (
                <>
                  <h3 className="minor">Average position when mentioned</h3>
                  <EnginePositions engines={snapshot.engines} />
                </>
              ) : null}
            </section>
            {snapshot.kind === "scheduled" ? (
              <section className="card" aria-labelledby="trend-title">
                <h2 id="trend-title">Visibility trend</h2>
                <p className="sub">Visibility rate of each completed run.</p>
                <TrendChart trend={snapshot.trend} />
              </section>
            ) : null}
          </div>

          <section className="card" aria-labelledby="results-title">
            <h2 id="results-title">Results</h2>
            <p className="sub">{resultsNote}</p>
            <ResultsMatrix
              results={snapshot.results}
              caption={`Results of ${share.title} by prompt and engine`}
            />
          </section>
        </div>
      </main>
      <footer>
        <div className="wrap">
          <span>
            This link expires on <time dateTime={share.expires_at}>{formatDateUtc(share.expires_at)}</time>
            {expiresInDays <= EXPIRY_NOTICE_DAYS
              ? ` (${expiresInDays === 0 ? "today" : `in ${expiresInDays} day${expiresInDays === 1 ? "" : "s"}`})`
              : ""}
            .
          </span>
          {wl.hide_powered_by ? null : (
            <span className="powered">
              Powered by <strong>sharelinks</strong>
            </span>
          )}
        </div>
      </footer>
    </Document>
  );
}

function ClockIcon() {
  return (
    <svg width="56" height="56" viewBox="0 0 56 56" aria-hidden="true">
      <circle cx="28" cy="28" r="26" fill="#FEF3C7" />
      <circle cx="28" cy="28" r="15" fill="none" stroke="#B45309" strokeWidth="3" />
      <path d="M28 20v9l6 4" fill="none" stroke="#B45309" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

function MissingIcon() {
  return (
    <svg width="56" height="56" viewBox="0 0 56 56" aria-hidden="true">
      <circle cx="28" cy="28" r="26" fill="#F3F4F6" />
      <path
        d="M22 34l12-12M25 19h-2a8 8 0 0 0 0 16h2M31 37h2a8 8 0 0 0 0-16h-2"
        fill="none"
        stroke="#4B5563"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}

function StatusPage({
  title,
  code,
  icon,
  children,
}: {
  title: string;
  code: string;
  icon: ReactNode;
  children: ReactNode;
}) {
  return (
    <Document title={title} theme={themeOf(null)}>
      <main className="status-page">
        <div className="status-card">
          {icon}
          <div className="status-code">{code}</div>
          <h1>{title}</h1>
          {children}
        </div>
      </main>
    </Document>
  );
}

export function ExpiredPage() {
  return (
    <StatusPage title="This link has expired" code="Error 410 · Link expired" icon={<ClockIcon />}>
      <p>The report behind this link is no longer shared publicly.</p>
      <p>Ask the person who sent it to extend the link or share a new one.</p>
    </StatusPage>
  );
}

export function ViewLimitPage() {
  return (
    <StatusPage title="This link has been used up" code="Error 410 · View limit reached" icon={<ClockIcon />}>
      <p>This link could be opened a limited number of times, and it has been.</p>
      <p>Ask the person who sent it for a new link.</p>
    </StatusPage>
  );
}

export function NotFoundPage() {
  return (
    <StatusPage title="Link not found" code="Error 404 · Not found" icon={<MissingIcon />}>
      <p>This share link does not exist or has been revoked by its owner.</p>
      <p>Check that you copied the whole address, or ask for a new link.</p>
    </StatusPage>
  );
}

export { SharePage };
