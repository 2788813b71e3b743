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
    description: "200 while the process is up; never looks at the database.",
    tag: "Operations",
    auth: "none",
    usesDatabase: false,
    responses: { 200: { description: "Alive.", schema: healthSchema } },
    handle: () => ({ status: 200, json: OK }),
  }),
  defineRoute({
    method: "GET",
    path: "/readyz",
    operationId: "readiness",
    summary: "Readiness",
    description:
      "Pings the database with a short timeout: 200, or 503 `service_unavailable` while it is unreachable.",
    tag: "Operations",
    auth: "none",
    responses: { 200: { description: "Ready.", schema: healthSchema } },
    async handle({ ctx }) {
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
