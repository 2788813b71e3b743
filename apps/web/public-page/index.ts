import type { PublicShare, PublicSharePreview } from "@sharelinks/core";
import { type PasswordProblem, passwordPageHtml, previewPageHtml } from "./gate";
import { expiredPageHtml, notFoundPageHtml, sharePageHtml, viewLimitPageHtml } from "./page";

export type PublicSharePageInput =
  | { kind: "ok"; share: PublicShare; now: Date }
  | { kind: "preview"; preview: PublicSharePreview }
  | { kind: "password"; preview: PublicSharePreview; problem: PasswordProblem; retryAfterSeconds?: number }
  | { kind: "expired" }
  | { kind: "view_limit" }
  | { kind: "not_found" };

/**
 * The public share page as a complete HTML document: static markup only (no
 * client script), inline CSS and SVG, nothing fetched from third parties
 * except the brand's own logo. Built with public-page/html.ts, which escapes
 * every interpolated value; a render costs tens of microseconds.
 * The caller picks the HTTP status (200 / 410 / 404) and headers.
 */
export const renderPublicSharePage = (input: PublicSharePageInput): string => {
  switch (input.kind) {
    case "ok":
      return sharePageHtml(input).value;
    case "preview":
      return previewPageHtml(input).value;
    case "password":
      return passwordPageHtml(input).value;
    case "expired":
      return expiredPageHtml().value;
    case "view_limit":
      return viewLimitPageHtml().value;
    default:
      return notFoundPageHtml().value;
  }
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
