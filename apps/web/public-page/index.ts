import type { PublicShare, PublicSharePreview } from "@sharelinks/core";
import { daysUntil } from "./format";
import { type PasswordProblem, passwordPageParts, previewPageParts } from "./gate";
import {
  type DocumentParts,
  expiredPageParts,
  notFoundPageParts,
  sharePageParts,
  viewLimitPageParts,
} from "./page";

export type { DocumentParts };

export type PublicSharePageInput =
  | { kind: "ok"; share: PublicShare; now: Date }
  | { kind: "preview"; preview: PublicSharePreview }
  | { kind: "password"; preview: PublicSharePreview; problem: PasswordProblem; retryAfterSeconds?: number }
  | { kind: "expired" }
  | { kind: "view_limit" }
  | { kind: "not_found" };

/**
 * The public share page as a complete HTML document: static markup only (no
 * client script), inline SVG, one stylesheet from our own origin (cached by
 * the browser: stylesheet.ts), nothing fetched from third parties except the
 * brand's own logo. Built with public-page/html.ts, which escapes
 * every interpolated value; a render costs tens of microseconds. In parts,
 * the stylesheet between them already encoded (`renderPublicSharePageParts`),
 * for the server to write without encoding it again. The caller picks the HTTP status (200 / 410 / 404) and headers.
 */
export const renderPublicSharePageParts = (input: PublicSharePageInput): DocumentParts => {
  switch (input.kind) {
    case "ok":
      return sharePageParts(input);
    case "preview":
      return previewPageParts(input);
    case "password":
      return passwordPageParts(input);
    case "expired":
      return expiredPageParts();
    case "view_limit":
      return viewLimitPageParts();
    default:
      return notFoundPageParts();
  }
};

/**
 * The one input of a share's page besides the share: the days left before it
 * expires, which its footer counts down. A page rendered for another day is stale.
 */
export const sharePageDay = (share: PublicShare, now: Date): number => daysUntil(share.expires_at, now);

/** The same document as one string. */
export const renderPublicSharePage = (input: PublicSharePageInput): string => {
  const parts = renderPublicSharePageParts(input);
  return `${parts.before}${parts.style.text}${parts.after}`;
};

/** HTTP status that goes with each outcome, for the server's convenience. */
export const publicSharePageStatus = (
  kind: PublicSharePageInput["kind"],
  problem?: PasswordProblem,
): 200 | 401 | 404 | 410 | 429 => {
  switch (kind) {
    case "ok":
    case "preview":
      return 200;
    case "password":
      return problem === "throttled" ? 429 : 401;
    case "expired":
    case "view_limit":
      return 410;
    default:
      return 404;
  }
};
