import { randomBytes } from "node:crypto";

/**
 * Headers of the dashboard (Next.js pages) and its API (tRPC): no framing
 * anywhere (clickjacking), no MIME sniffing, no referrer to other sites.
 */
export const DASHBOARD_HEADERS = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
} as const;

/** The dashboard API answers JSON only: nothing in it may load or be framed. */
export const DASHBOARD_API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A fresh CSP nonce: 16 random bytes, base64. */
export const newNonce = () => randomBytes(16).toString("base64");

/**
 * The pages' Content-Security-Policy. Scripts only with this response's nonce
 * (Next.js puts it on its own inline and chunk scripts when it finds it in the
 * request's CSP header) and what those load ('strict-dynamic'); styles from the
 * app (inline style attributes are used for widths); images from the app and
 * https (brand logos); requests to the app only; never framed. Development
 * adds what React's dev tooling and hot reload need.
 */
export const pageCsp = (nonce: string, dev: boolean): string =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
