import type { PublicSharePreview } from "@sharelinks/core";
import { safeLogoUrl } from "./format";
import { type Html, html } from "./html";
import { type DocumentParts, documentParts, themeOf, topbarHtml } from "./page";

/** The branded frame shared by the preview and the password form: the brand's name, logo and colour only. */
const gateParts = (preview: PublicSharePreview, content: Html): DocumentParts => {
  const wl = preview.white_label;
  const company = wl.company_name.trim() || "Shared report";
  const logoUrl = safeLogoUrl(wl.logo_url);
  return documentParts({
    title: `${preview.title} · ${company}`,
    theme: themeOf(wl.primary_color),
    head: html`<meta property="og:type" content="website"/><meta property="og:title" content="${preview.title}"/><meta property="og:site_name" content="${company}"/><meta property="og:description" content="${`A report shared by ${company}.`}"/>${
      logoUrl ? html`<meta property="og:image" content="${logoUrl}"/>` : null
    }<meta name="twitter:card" content="summary"/>`,
    body: html`${topbarHtml(company, logoUrl)}<main class="status-page"><div class="status-card"><h1>${preview.title}</h1>${content}</div></main>`,
  });
};

/** What a bot or link unfurler sees: title and brand (with Open Graph tags), never a number of the report. */
export const previewPageParts = ({ preview }: { preview: PublicSharePreview }): DocumentParts =>
  gateParts(preview, html`<p>Open the link in a browser to see the report.</p>`);

export type PasswordProblem = "none" | "invalid" | "throttled";

/**
 * The password form of a protected link: no report data before it is
 * unlocked. It posts back to the same address; success sets the link's
 * unlock cookie and redirects to it.
 */
export const passwordPageParts = ({
  preview,
  problem,
  retryAfterSeconds,
}: {
  preview: PublicSharePreview;
  problem: PasswordProblem;
  retryAfterSeconds?: number;
}): DocumentParts =>
  gateParts(
    preview,
    html`<p>This link is protected. Enter the password you were given.</p>${
      problem === "invalid"
        ? html`<p role="alert" class="status-code">That password is not right. Try again.</p>`
        : null
    }${
      problem === "throttled"
        ? html`<p role="alert" class="status-code">Too many wrong passwords. Try again in ${retryAfterSeconds ?? 60} seconds.</p>`
        : null
    }<form class="password-form" method="post"><label for="share-password">Password</label> <input id="share-password" type="password" autoComplete="current-password" required="" minLength="1" maxLength="128" name="password"/> <button type="submit">Unlock</button></form>`,
  );
