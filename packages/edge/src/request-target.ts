/**
 * A request target in origin form (`/path?query`). An absolute-form target
 * (`GET http://host/path HTTP/1.1`, which proxies send and clients may) keeps
 * only its path and query: the authority in it is never trusted or used.
 * Null for anything else (`*`, garbage): the caller answers 400.
 */
export const originForm = (target: string): string | null => {
  if (target.charCodeAt(0) === 47 /* / */) return target;
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
};

/** The path of an origin-form target, without its query string. */
export const pathOf = (target: string): string => {
  const q = target.indexOf("?");
  return q === -1 ? target : target.slice(0, q);
};

/** The raw query string of an origin-form target ("" when there is none). */
export const queryOf = (target: string): string => {
  const q = target.indexOf("?");
  return q === -1 ? "" : target.slice(q + 1);
};
