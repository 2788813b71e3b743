import type { RequestHeaders } from "@sharelinks/edge";

const header = (headers: RequestHeaders, name: string): string | null => {
  const value = headers[name];
  return typeof value === "string" ? value : null;
};

/**
 * Why a state-changing request may not have come from the app's own pages, or
 * null when it did. A browser names the page's origin in `Origin` on every
 * POST; when it does not, `Sec-Fetch-Site` (which page scripts cannot set)
 * must say `same-origin`. Neither: not a browser request of ours. The body must
 * be JSON, which a cross-site form cannot send without a CORS preflight (and
 * none is ever granted).
 */
export const crossOriginProblem = (headers: RequestHeaders, publicOrigin: string): string | null => {
  const contentType = header(headers, "content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (contentType !== "application/json")
    return "Mutations must be JSON POSTs (Content-Type: application/json)";
  const origin = header(headers, "origin");
  if (origin !== null) return origin === publicOrigin ? null : "Origin does not match this site";
  const site = header(headers, "sec-fetch-site");
  if (site === "same-origin") return null;
  return "Cross-site request refused: no Origin or Sec-Fetch-Site: same-origin";
};
