/** The dashboard's session cookie: the one definition of its name. */
export const SESSION_COOKIE = "sl_session";

/**
 * Reads one cookie without a parser dependency: the header is small and we need
 * a single name. A value that does not decode (`%zz`) is treated as absent:
 * a browser holding a mangled cookie must still be able to sign in.
 */
export const readCookie = (header: string | null | undefined, name: string): string | null => {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
};

/** httpOnly, SameSite=Lax; Secure whenever the public URL is https (everywhere but local http). */
export const sessionCookie = (token: string, expiresAt: Date, secure: boolean) =>
  [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");

export const clearedSessionCookie = (secure: boolean) =>
  [
    `${SESSION_COOKIE}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
