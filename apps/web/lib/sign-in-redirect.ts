/**
 * Sending the browser to sign in, and back afterwards. The return target is
 * the page the user was on; the reason says why they are asked again.
 */

/** Pages anyone may open: a dead session never sends them away. */
const PUBLIC_PREFIXES = ["/sign-in", "/docs"];

export const isPublicPath = (pathname: string) =>
  PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

export type SignInReason = "expired";

export const signInUrl = (returnTo: string, reason?: SignInReason) => {
  const params = new URLSearchParams();
  if (returnTo && returnTo !== "/" && !returnTo.startsWith("/sign-in")) params.set("next", returnTo);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return `/sign-in${query ? `?${query}` : ""}`;
};

/**
 * The session cookie is httpOnly and the browser drops it when it expires, so
 * "your session expired" cannot be read from it. Sign-in remembers when the
 * session ends (a time, not a secret); sign-out forgets it.
 */
const SESSION_ENDS_KEY = "sharelinks.session_ends_at";

export const rememberSessionEnd = (expiresAt: string) => {
  try {
    window.localStorage.setItem(SESSION_ENDS_KEY, expiresAt);
  } catch {
    // storage disabled: the sign-in page just will not say why
  }
};

export const forgetSessionEnd = () => {
  try {
    window.localStorage.removeItem(SESSION_ENDS_KEY);
  } catch {
    // nothing to forget
  }
};

/** True when this browser had a session that has since run out. */
export const sessionHasEnded = (now = Date.now()): boolean => {
  try {
    const endsAt = window.localStorage.getItem(SESSION_ENDS_KEY);
    return endsAt !== null && Date.parse(endsAt) <= now;
  } catch {
    return false;
  }
};

/** From anywhere in the dashboard: to sign in, coming back to this page afterwards. */
export const redirectToSignIn = (reason?: SignInReason) => {
  if (typeof window === "undefined") return;
  const { pathname, search } = window.location;
  if (isPublicPath(pathname)) return;
  window.location.assign(signInUrl(`${pathname}${search}`, reason));
};
