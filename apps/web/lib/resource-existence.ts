import { createCaller, createTRPCContext } from "@sharelinks/api";
import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";
import { getRuntime } from "@/server/runtime-registry";
import { SESSION_COOKIE } from "@/server/session-cookie";

export type Existence = "found" | "missing" | "unknown";

/**
 * Whether the signed-in user can open this report or schedule, asked on the
 * server before the page renders so that an unknown id is a real 404 (the
 * page's data itself still loads in the browser through tRPC). The same tRPC
 * procedure answers, with the request's session cookie, through the services
 * the server entry registered (server/runtime-registry.ts). "unknown" when it
 * cannot tell (no session, no runtime, a failure): the page then renders and
 * the browser shows what the API says.
 */
export const resourceExistence = async (type: "report" | "scheduled", id: string): Promise<Existence> => {
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!sessionToken) return "unknown";
  let runtime: ReturnType<typeof getRuntime>;
  try {
    runtime = getRuntime();
  } catch {
    return "unknown";
  }
  const caller = createCaller(
    createTRPCContext({
      services: runtime.services,
      sessionToken,
      publicBaseUrl: runtime.config.publicBaseUrl,
      // A page render cannot set cookies; a dead session is cleared by the browser's first tRPC call.
      setSessionCookie: () => {},
      clearSessionCookie: () => {},
    }),
  );
  try {
    if (type === "report") await caller.reports.getReport({ id });
    else await caller.schedules.getScheduledReport({ id });
    return "found";
  } catch (error) {
    // Not this workspace's, or not an id at all (BAD_REQUEST from the uuid check): nothing to show.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) {
      return "missing";
    }
    return "unknown";
  }
};
