import type { PublicShare } from "@sharelinks/core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ExpiredPage, NotFoundPage, SharePage } from "./page";

export type PublicSharePageInput =
  | { kind: "ok"; share: PublicShare; now: Date }
  | { kind: "expired" }
  | { kind: "not_found" };

/**
 * The public share page as a complete HTML document: static markup only (no
 * client script), inline CSS and SVG, nothing fetched from third parties
 * except the brand's own logo. React escapes every interpolated value.
 * The caller picks the HTTP status (200 / 410 / 404) and headers.
 */
export const renderPublicSharePage = (input: PublicSharePageInput): string => {
  const element =
    input.kind === "ok"
      ? createElement(SharePage, { share: input.share, now: input.now })
      : input.kind === "expired"
        ? createElement(ExpiredPage)
        : createElement(NotFoundPage);
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
};

/** HTTP status that goes with each outcome, for the server's convenience. */
export const publicSharePageStatus = (kind: PublicSharePageInput["kind"]): 200 | 404 | 410 =>
  kind === "ok" ? 200 : kind === "expired" ? 410 : 404;
