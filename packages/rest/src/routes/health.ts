import { serviceUnavailable } from "@sharelinks/core";
import { defineRoute, type Route } from "../route";
import { healthSchema } from "../schemas";

const OK = JSON.stringify({ status: "ok" });

class PingTimeout extends Error {}

const pingWithin = async (ping: () => Promise<unknown>, timeoutMs: number) => {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new PingTimeout(`database ping took over ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

export const healthRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/healthz",
    operationId: "liveness",
    summary: "Liveness",
    description:
      "200 while the process can serve; sends no query. 503 `service_unavailable` when database work has waited past the client-side deadline (the pool is wedged), so a supervisor restarts the instance.",
    tag: "Operations",
    auth: "none",
    usesDatabase: false,
    responses: { 200: { description: "Alive.", schema: healthSchema } },
    handle: ({ ctx }) => {
      if (ctx.services.db.wedged?.()) throw serviceUnavailable(undefined, "Database connections are wedged");
      return { status: 200, json: OK };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/readyz",
    operationId: "readiness",
    summary: "Readiness",
    description:
      "Pings the database with a short timeout: 200, or 503 `service_unavailable` while it is unreachable, and from the moment the server starts shutting down (graceful drain).",
    tag: "Operations",
    auth: "none",
    responses: { 200: { description: "Ready.", schema: healthSchema } },
    async handle({ ctx }) {
      if (ctx.draining()) throw serviceUnavailable(undefined, "Shutting down");
      try {
        await pingWithin(() => ctx.services.db.ping(), ctx.readyTimeoutMs);
      } catch (error) {
        throw Object.assign(serviceUnavailable(undefined, "Database is unreachable"), {
          cause: error,
        });
      }
      return { status: 200, json: OK };
    },
  }),
];
