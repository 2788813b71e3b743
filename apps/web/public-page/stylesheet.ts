import { createHash } from "node:crypto";
import { PUBLIC_PAGE_CSS } from "./styles";

/**
 * The public page's stylesheet as its own file, named by its content:
 * `/shared/assets/page-<hash>.css`. A recipient's browser fetches it once and
 * keeps it (immutable), and every page, status page and password form after
 * that is HTML alone: about 7.7 kB less per view than inlining it, which was
 * half of every page written, sent and parsed (docs/benchmarks.md, "Public page").
 * Only the brand's three colours stay inline, as custom properties.
 */
const bytes = Buffer.from(PUBLIC_PAGE_CSS.trim(), "utf8");
const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);

export const PAGE_STYLESHEET = {
  bytes,
  /** Also its ETag. */
  hash,
  href: `/shared/assets/page-${hash}.css`,
} as const;

/** Where the page's assets live: two path segments, so no token path (one segment) can collide. */
export const PAGE_ASSETS_PREFIX = "/shared/assets/";

const STYLESHEET_PATH = /^\/shared\/assets\/page-([0-9a-f]{16})\.css$/;

/**
 * What an asset path names: this build's stylesheet, an earlier or later
 * build's (a page rendered by another instance during a rolling deploy), or
 * nothing we serve.
 */
export const stylesheetOf = (path: string): "current" | "other-build" | null => {
  const match = STYLESHEET_PATH.exec(path);
  if (!match) return null;
  return match[1] === hash ? "current" : "other-build";
};
