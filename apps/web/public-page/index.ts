import type { PublicShare, PublicSharePreview } from "@sharelinks/core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PasswordPage, type PasswordProblem, PreviewPage } from "./gate";
import { ExpiredPage, NotFoundPage, SharePage, ViewLimitPage } from "./page";

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
 * except the brand's own logo. React escapes every interpolated value.
 * The caller picks the HTTP status (200 / 410 / 404) and headers.
 */
export const renderPublicSharePage = (input: PublicSharePageInput): string => {
  const element = (() => {
    switch (input.kind) {
      case "ok":
        return createElement(SharePage, { share: input.share, now: input.now });
      case "preview":
        return createElement(PreviewPage, { preview: input.preview });
      case "password":
        return createElement(PasswordPage, input);
      case "expired":
        return createElement(ExpiredPage);
      case "view_limit":
        return createElement(ViewLimitPage);
      default:
        return createElement(NotFoundPage);
    }
  })();
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
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
