import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createUser } from "@sharelinks/core";
import { createTenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FrontDoorHarness, SAME_ORIGIN, startFrontDoor } from "../test-support/front-door-harness";
import { startTracing, type Tracing } from "./tracing";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
const SERVER = 2;
const CLIENT = 3;

/** A tiny OTLP/HTTP receiver: keeps every span POSTed (JSON) to /v1/traces. */
const startReceiver = async () => {
  const spans: OtlpSpan[] = [];
  const contentTypes: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.url === "/v1/traces" && req.method === "POST") {
        contentTypes.push(String(req.headers["content-type"]));
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const resource of body.resourceSpans)
          for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { spans, contentTypes, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

const PASSWORD = "correct horse battery staple";

describe("tracing over OTLP/HTTP", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let tracing: Tracing;

  beforeAll(async () => {
    receiver = await startReceiver();
    tracing = (await startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })) as Tracing;
  });
  afterAll(async () => {
    await tracing.shutdown();
    receiver.server.close();
  });

  it("is off, loading nothing, without OTEL_EXPORTER_OTLP_ENDPOINT", async () => {
    expect(await startTracing({})).toBeNull();
  });

  it.each(testDatabaseKinds())(
    "on %s: a request's server span continues the caller's traceparent and its database spans are its children",
    async (kind) => {
      const h: FrontDoorHarness = await startFrontDoor(kind, {}, { tracing });
      try {
        const tenant = await createTenant(h.database.services);
        const email = `trace-${tenant.brand.id.slice(0, 8)}@example.test`;
        await createUser(h.database.services.provisioning, tenant.brand.id, {
          email,
          role: "member",
          password: PASSWORD,
        });
        const signIn = await fetch(`${h.base}/api/trpc/auth.signIn`, {
          method: "POST",
          headers: SAME_ORIGIN,
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
        const list = await fetch(`${h.base}/api/trpc/reports.listReports`, { headers: { cookie } });
        const reports = ((await list.json()) as { result: { data: Array<{ id: string }> } }).result.data;
        const created = await fetch(`${h.base}/api/trpc/shares.createShare`, {
          method: "POST",
          headers: { ...SAME_ORIGIN, cookie },
          body: JSON.stringify({ resource: { type: "report", id: reports[0]?.id } }),
        });
        const token = ((await created.json()) as { result: { data: { access_token: string } } }).result.data
          .access_token;

        const traceId = randomBytes(16).toString("hex");
        const callerSpanId = randomBytes(8).toString("hex");
        const read = await fetch(`${h.base}/v1/shared/${token}`, {
          headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
        });
        expect(read.status).toBe(200);
        await tracing.flush();

        const inTrace = receiver.spans.filter((span) => span.traceId === traceId);
        const server = inTrace.find((span) => span.kind === SERVER);
        expect(server).toMatchObject({ name: "GET /v1/shared/{token}", parentSpanId: callerSpanId });
        const db = inTrace.filter((span) => span.kind === CLIENT);
        expect(db.length).toBeGreaterThanOrEqual(1);
        for (const span of db) expect(span.parentSpanId).toBe(server?.spanId);
        expect(db.map((span) => span.name)).toContain("select shares");
        expect(receiver.contentTypes.every((type) => type.includes("application/json"))).toBe(true);

        // The request's access line carries the trace id beside the request id.
        const access = h.logs
          .records()
          .find((line) => line.msg === "request" && line.route === "/v1/shared/{token}");
        expect(access?.trace_id).toBe(traceId);

        // No token, cookie or email in any attribute of any span.
        const attributes = JSON.stringify(receiver.spans.map((span) => span.attributes ?? []));
        for (const secret of [token, cookie.split("=")[1] as string, email]) {
          expect(attributes).not.toContain(secret);
        }
        expect(JSON.stringify(receiver.spans.map((span) => span.name))).not.toContain(token);
      } finally {
        await h.close();
      }
    },
  );
});
