import { randomUUID } from "node:crypto";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { BodyTooLargeError } from "@sharelinks/edge";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleRestRequest } from "./handler";
import { arbitraries, type Ids } from "./handler.property.arbitraries";
import { errorSchema } from "./schemas";
import { type Harness, type Member, provisionTenant, startHarness } from "./test-support/harness";
import { createFetchHandler } from "./transports/fetch";
import type { RestRequest } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const KNOWN_STATUSES = new Set([200, 201, 204, 400, 401, 403, 404, 405, 409, 410, 413, 422, 429, 503]);

/** What the API promises for every request whatever it is. */
const assertEnvelope = (
  status: number,
  correlationId: string | null,
  text: string | null,
  method: string,
) => {
  expect(KNOWN_STATUSES.has(status), `unexpected status ${status}: ${text}`).toBe(true);
  expect(correlationId).toMatch(UUID);
  if (method === "HEAD" || status === 204) {
    expect(text ?? "").toBe("");
    return;
  }
  const json = JSON.parse(text ?? "");
  if (status >= 400) {
    const envelope = errorSchema.parse(json);
    expect(envelope.request_id).toBe(correlationId);
  }
};

describe.each(testDatabaseKinds())("property: any request gets an envelope, never a 500, on %s", (kind) => {
  let h: Harness;
  let ids: Ids;
  /** The share the generators aim at, minted again whenever a request may have removed it. */
  const renewShare = async () => {
    const res = await h.request("POST", `/v1/reports/${ids.tenant.reportId}/shares`, {
      key: (ids.tenant.members[0] as Member).key,
      body: { rotate: true, expiration_days: 365 },
    });
    expect(res.status).toBe(201);
    ids.shareId = res.json.id;
    ids.token = res.json.access_token;
  };

  beforeAll(async () => {
    h = await startHarness(kind, { checkResponses: false });
    ids = { tenant: await provisionTenant(h, 2), shareId: "", token: "" };
    await renewShare();
  });
  afterAll(() => h.close());

  it("through handleRestRequest (in process)", async () => {
    const errors = () => h.logs.records().filter((r) => r.level === 50);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        arbitraries(() => ids),
        async (r) => {
          const headers: Record<string, string> = { ...r.headers };
          const credential = r.authorization(r.path);
          if (credential !== undefined) headers.authorization = credential;
          const request: RestRequest = {
            method: r.method,
            path: r.path,
            query: new URLSearchParams(r.query),
            headers,
            clientIp: "203.0.113.7",
            readBody: async (limit) => {
              const text = r.body ?? "";
              if (Buffer.byteLength(text) > limit) throw new BodyTooLargeError(limit);
              return text;
            },
          };
          const response = await handleRestRequest(request, h.ctx);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 300 && r.method !== "GET" && r.method !== "HEAD") await renewShare();
          assertEnvelope(
            response.status,
            response.headers["X-Correlation-ID"] ?? null,
            response.body,
            r.method,
          );
          expect(response.status).not.toBe(500);
        },
      ),
      { numRuns: 2500 },
    );
    expect(errors()).toEqual([]);
    // The generators reach past routing and auth into the use cases, not just the 404/405/401 paths.
    for (const status of [200, 201, 204, 400, 401, 403, 404, 405, 422])
      expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
  }, 300_000);

  it("through the fetch handler", async () => {
    const handler = createFetchHandler(h.ctx);
    await fc.assert(
      fc.asyncProperty(
        arbitraries(() => ids),
        async (r) => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(r.headers)) {
            if (name === "content-length" || name === "host") continue;
            try {
              headers.set(name, value);
            } catch {
              // not a legal header value for fetch: skip it
            }
          }
          const credential = r.authorization(r.path);
          if (credential !== undefined) {
            try {
              headers.set("authorization", credential);
            } catch {
              // not a legal header value for fetch
            }
          }
          const hasBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD";
          let request: Request;
          try {
            request = new Request(`http://api.test${r.path}${r.query ? `?${r.query}` : ""}`, {
              method: r.method,
              headers,
              ...(hasBody && { body: r.body }),
            });
          } catch {
            return; // fetch refuses this method (TRACE, CONNECT...) before it reaches us
          }
          const response = await handler(request);
          const text = await response.text();
          if (response.status < 300 && r.method !== "GET" && r.method !== "HEAD") await renewShare();
          assertEnvelope(response.status, response.headers.get("x-correlation-id"), text, r.method);
        },
      ),
      { numRuns: 500 },
    );
  }, 300_000);

  it("a fresh request id per request", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const res = await h.request("GET", `/v1/nope/${randomUUID()}`);
      seen.add(res.headers.get("x-correlation-id") as string);
    }
    expect(seen.size).toBe(50);
  });
});
