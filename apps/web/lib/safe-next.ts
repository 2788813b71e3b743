/**
 * Where to go after signing in: `next` read as a URL relative to this site
 * (`new URL(next, origin)`), kept only when it stays on this origin, and then
 * only its path, query and fragment; anything else (another host, `//host`,
 * `/\host`, a tab or newline the browser would strip, another scheme) is `/`.
 */
export const safeNext = (next: string | null | undefined, origin: string): string => {
  if (!next) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never back to the sign-in page itself.
  return url.pathname === "/sign-in" ? "/" : path;
};
