/**
 * The host of a `Referer` header, lowercased, or null when there is none
 * worth counting (absent, not http(s), unparsable). Paths and queries are
 * dropped: they may carry someone else's private data.
 */
export const referrerHost = (referer: string | undefined): string | null => {
  if (referer === undefined || referer.length === 0 || referer.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return url.hostname.length > 0 && url.hostname.length <= 253 ? url.hostname.toLowerCase() : null;
};
