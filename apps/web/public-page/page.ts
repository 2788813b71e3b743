import type { PublicShare, Snapshot } from "@sharelinks/core";
import { engineBarsHtml, enginePositionsHtml, trendChartHtml } from "./charts";
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
import { EM_DASH, type Html, html } from "./html";
import { resultsMatrixHtml } from "./results-matrix";
import { PAGE_STYLESHEET } from "./stylesheet";

interface Theme {
  brand: string;
  ink: string;
  onBrand: string;
  /** The page's style elements for these colours (the shared stylesheet's link, the colours inline), as text and as UTF-8 bytes. */
  style: { text: string; bytes: Uint8Array };
}

/** The only dynamic CSS: three validated #RRGGBB values, so nothing user-typed reaches the stylesheet. */
const themeCss = (brand: string, ink: string, onBrand: string) =>
  `:root{--brand:${brand};--brand-ink:${ink};--on-brand:${onBrand}}`;

const encoder = new TextEncoder();
const themes = new Map<string, Theme>();
/** Few brand colours, each worked out once (inkOf's search, the encoded elements); 256 kept at most. */
export const themeOf = (color: string | null | undefined): Theme => {
  const brand = safeColor(color);
  let theme = themes.get(brand);
  if (theme === undefined) {
    if (themes.size >= 256) themes.clear();
    const ink = inkOf(brand);
    const onBrand = textOn(brand);
    const text = `<link rel="stylesheet" href="${PAGE_STYLESHEET.href}"/><style>${themeCss(brand, ink, onBrand)}</style>`;
    theme = { brand, ink, onBrand, style: { text, bytes: encoder.encode(text) } };
    themes.set(brand, theme);
  }
  return theme;
};

/**
 * A rendered document in three parts: the markup before the style elements,
 * the style elements (shared by every page of the same colours, already
 * encoded) and the markup after them. The server writes the three as they are.
 */
export interface DocumentParts {
  before: string;
  style: { text: string; bytes: Uint8Array };
  after: string;
}

/**
 * The whole document. Nothing in the head a header or the stylesheet already
 * says: the logo needs no preload hint (its <img> is the body's first element,
 * in the same packet), and `color-scheme` is the stylesheet's. Every byte here
 * is sent with every view.
 */
export const documentParts = ({
  title,
  theme,
  body,
  head = null,
}: {
  title: string;
  theme: Theme;
  body: Html;
  /** Extra head elements (the preview's Open Graph tags). */
  head?: Html | null;
}): DocumentParts => ({
  before:
    html`<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><meta name="robots" content="noindex, nofollow"/><meta name="referrer" content="no-referrer"/><title>${title}</title>${head}`
      .value,
  style: theme.style,
  after: html`</head><body>${body}</body></html>`.value,
});

/** The top bar of a branded page: logo (or monogram), company name, the read-only badge. */
export const topbarHtml = (name: string, logoUrl: string | null): Html =>
  html`<header class="topbar"><div class="wrap">${
    logoUrl
      ? html`<img class="logo" src="${logoUrl}" alt="${`${name} logo`}" referrerPolicy="no-referrer"/>`
      : html`<span class="monogram" aria-hidden="true">${(name.trim()[0] ?? "•").toUpperCase()}</span>`
  }<span class="company">${name}</span><span class="badge">Read-only shared report</span></div></header>`;

const statHtml = (label: string, value: string | Html, note?: string, accent = false): Html =>
  html`<li class="stat"><p class="stat-label">${label}</p><p class="${accent ? "stat-value accent" : "stat-value"}">${value}</p>${
    note ? html`<p class="stat-note">${note}</p>` : null
  }</li>`;

const summaryHtml = (snapshot: Snapshot): Html => {
  const { summary } = snapshot;
  return html`<ul class="stats" aria-label="Summary">${[
    statHtml("Visibility rate", formatPercent(summary.visibility_rate), "of answers mention the brand", true),
    statHtml("Mentions", `${summary.mentioned}`, `out of ${summary.total} answers`),
    statHtml(
      "Average position",
      summary.average_position === null ? EM_DASH : `#${formatPosition(summary.average_position)}`,
      "when mentioned",
    ),
    snapshot.kind === "scheduled"
      ? statHtml("Runs", `${snapshot.run_count}`, `${snapshot.cadence} schedule`)
      : statHtml("Engines", `${snapshot.engines.length}`, "AI engines checked"),
  ]}</ul>`;
};

const timeHtml = (iso: string, text: string) => html`<time dateTime="${iso}">${text}</time>`;

export const sharePageParts = ({ share, now }: { share: PublicShare; now: Date }): DocumentParts => {
  const { snapshot, white_label: wl } = share;
  const company = wl.company_name.trim() || "Shared report";
  const logoUrl = safeLogoUrl(wl.logo_url);
  const isSchedule = snapshot.kind === "scheduled";
  const expiresInDays = daysUntil(share.expires_at, now);
  const resultsNote =
    snapshot.kind === "scheduled"
      ? `From the latest completed run, ${formatDateTimeUtc(snapshot.generated_at)}.`
      : `${snapshot.results.length} answers across ${snapshot.engines.length} engines.`;
  const expiryNotice =
    expiresInDays <= EXPIRY_NOTICE_DAYS
      ? ` (${expiresInDays === 0 ? "today" : `in ${expiresInDays} day${expiresInDays === 1 ? "" : "s"}`})`
      : "";

  const hero = html`<section class="hero" aria-labelledby="report-title"><p class="eyebrow">${
    snapshot.kind === "scheduled" ? `Scheduled report · ${snapshot.cadence}` : "Report"
  }</p><h1 id="report-title">${share.title}</h1><p class="meta"><span>Snapshot taken ${timeHtml(
    snapshot.snapshot_at,
    formatDateTimeUtc(snapshot.snapshot_at),
  )}</span><span>Data from ${timeHtml(snapshot.generated_at, formatDateTimeUtc(snapshot.generated_at))}</span></p></section>`;

  const engines = html`<section class="card" aria-labelledby="engines-title"><h2 id="engines-title">Visibility by engine</h2><p class="sub">Share of answers that mention the brand${
    isSchedule ? ", over all runs" : ""
  }.</p>${engineBarsHtml(snapshot.engines)}${
    snapshot.engines.length > 0
      ? html`<h3 class="minor">Average position when mentioned</h3>${enginePositionsHtml(snapshot.engines)}`
      : null
  }</section>`;

  const trend =
    snapshot.kind === "scheduled"
      ? html`<section class="card" aria-labelledby="trend-title"><h2 id="trend-title">Visibility trend</h2><p class="sub">Visibility rate of each completed run.</p>${trendChartHtml(snapshot.trend)}</section>`
      : null;

  const results = html`<section class="card" aria-labelledby="results-title"><h2 id="results-title">Results</h2><p class="sub">${resultsNote}</p>${resultsMatrixHtml(
    { results: snapshot.results, caption: `Results of ${share.title} by prompt and engine` },
  )}</section>`;

  const footer = html`<footer><div class="wrap"><span>This link expires on ${timeHtml(
    share.expires_at,
    formatDateUtc(share.expires_at),
  )}${expiryNotice}.</span>${
    wl.hide_powered_by ? null : html`<span class="powered">Powered by <strong>sharelinks</strong></span>`
  }</div></footer>`;

  return documentParts({
    title: `${share.title} · ${company}`,
    theme: themeOf(wl.primary_color),
    body: html`${topbarHtml(company, logoUrl)}<main><div class="wrap">${hero}${summaryHtml(snapshot)}<div class="${
      isSchedule ? "grid" : "grid single"
    }">${engines}${trend}</div>${results}</div></main>${footer}`,
  });
};

const CLOCK_ICON = html`<svg width="56" height="56" viewBox="0 0 56 56" aria-hidden="true"><circle cx="28" cy="28" r="26" fill="#FEF3C7"></circle><circle cx="28" cy="28" r="15" fill="none" stroke="#B45309" stroke-width="3"></circle><path d="M28 20v9l6 4" fill="none" stroke="#B45309" stroke-width="3" stroke-linecap="round"></path></svg>`;

const MISSING_ICON = html`<svg width="56" height="56" viewBox="0 0 56 56" aria-hidden="true"><circle cx="28" cy="28" r="26" fill="#F3F4F6"></circle><path d="M22 34l12-12M25 19h-2a8 8 0 0 0 0 16h2M31 37h2a8 8 0 0 0 0-16h-2" fill="none" stroke="#4B5563" stroke-width="3" stroke-linecap="round"></path></svg>`;

const statusPageParts = (title: string, code: string, icon: Html, lines: readonly string[]): DocumentParts =>
  documentParts({
    title,
    theme: themeOf(null),
    body: html`<main class="status-page"><div class="status-card">${icon}<div class="status-code">${code}</div><h1>${title}</h1>${lines.map(
      (line) => html`<p>${line}</p>`,
    )}</div></main>`,
  });

export const expiredPageParts = (): DocumentParts =>
  statusPageParts("This link has expired", "Error 410 · Link expired", CLOCK_ICON, [
    "The report behind this link is no longer shared publicly.",
    "Ask the person who sent it to extend the link or share a new one.",
  ]);

export const viewLimitPageParts = (): DocumentParts =>
  statusPageParts("This link has been used up", "Error 410 · View limit reached", CLOCK_ICON, [
    "This link could be opened a limited number of times, and it has been.",
    "Ask the person who sent it for a new link.",
  ]);

export const notFoundPageParts = (): DocumentParts =>
  statusPageParts("Link not found", "Error 404 · Not found", MISSING_ICON, [
    "This share link does not exist or has been revoked by its owner.",
    "Check that you copied the whole address, or ask for a new link.",
  ]);
