import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/server/session-cookie";

/**
 * Whether the browser sent a session cookie. Only a hint (the cookie may be
 * stale); the first authed tRPC call decides, and clears a dead cookie.
 */
export const hasSessionCookie = async (): Promise<boolean> =>
  Boolean((await cookies()).get(SESSION_COOKIE)?.value);
