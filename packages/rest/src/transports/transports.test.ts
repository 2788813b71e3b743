import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRestContext, type RestContext } from "../context";
import {
  ADMIN_TOKEN,
  captureLogger,
  type Harness,
  type Member,
  PUBLIC_BASE_URL,
  provisionTenant,
  startHarness,
  type Tenant,
} from "../test-support/harness";
import { createFetchHandler } from "./fetch";
import { createNodeHandler } from "./node";

const raw = (port: number, payload: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.on("data", (chunk) => {
      data += chunk.toString("utf8");
    });
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
    socket.write(payload);
    setTimeout(() => socket.end(), 500);
  });

describe("transports over a real database", () => {
  let h: Harness;
  let t: Tenant;
  let member: Member;
  let small: RestContext;
  let smallServer: Server;
  let smallPort: number;

  beforeAll(async () => {
    h = await startHarness("pglite");
    t = await provisionTenant(h, 1);
    member = t.members[0] as Member;
    small = createRestContext({
      services: h.services,
      publicBaseUrl: PUBLIC_BASE_URL,
      adminToken: ADMIN_TOKEN,
      logger: captureLogger().logger,
      maxBodyBytes: 1024,
      rateLimits: { publicPerIpPerMinute: 1 },
    });
    smallServer = createServer(createNodeHandler(small));
    await new Promise<void>((resolve) => smallServer.listen(0, "127.0.0.1", resolve));
    smallPort = (smallServer.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      smallServer.close(() => resolve());
      smallServer.closeAllConnections();
    });
    await small.close();
    await h.close();
  });

  describe("createNodeHandler", () => {
    it("refuses a declared Content-Length over the limit without reading it: 413, Connection: close", async () => {
      const body = JSON.stringify({ expiration_days: 5, pad: "x".repeat(2048) });
      const res = await fetch(`http://127.0.0.1:${smallPort}/v1/reports/${t.reportId}/shares`, {
        method: "POST",
        headers: { authorization: `Bearer ${member.key}`, "content-type": "application/json" },
        body,
      });
      expect(res.status).toBe(413);
      expect(res.headers.get("connection")).toBe("close");
      const json = await res.json();
      expect(json.error.code).toBe("payload_too_large");
      expect(json.error.details).toEqual({ limit_bytes: 1024 });
    });

    it("refuses a chunked body once it passes the limit", async () => {
      const chunk = `${"x".repeat(600)}`;
      const payload =
        `POST /v1/reports/${t.reportId}/shares HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${member.key}\r\n` +
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
        `${chunk.length.toString(16)}\r\n${chunk}\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`;
      const response = await raw(smallPort, payload);
      expect(response).toMatch(/^HTTP\/1\.1 413/);
      expect(response).toContain("payload_too_large");
    });

    it("accepts absolute-form request targets", async () => {
      const response = await raw(
        smallPort,
        "GET http://api.example.test/healthz HTTP/1.1\r\nHost: api.example.test\r\nConnection: close\r\n\r\n",
      );
      expect(response).toMatch(/^HTTP\/1\.1 200/);
      expect(response).toMatch(/x-correlation-id: [0-9a-f-]{36}/i);
    });

    it("HEAD gets the GET's headers and no body", async () => {
      const res = await fetch(`${h.baseUrl}/v1/shares`, {
        method: "HEAD",
        headers: { authorization: `Bearer ${member.key}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await res.text()).toBe("");
    });
  });

  describe("createFetchHandler", () => {
    it("serves the same contract: create, read, revoke, errors", async () => {
      const handler = createFetchHandler(h.ctx);
      const created = await handler(
        new Request(`http://whatever.test/v1/reports/${t.reportId}/shares`, {
          method: "POST",
          headers: { authorization: `Bearer ${member.key}`, "content-type": "application/json" },
          body: JSON.stringify({ expiration_days: 3 }),
        }),
      );
      expect(created.status).toBe(201);
      const share = await created.json();
      expect(share.share_url).toBe(`${PUBLIC_BASE_URL}/shared/${share.access_token}`);
      expect(created.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);

      const read = await handler(new Request(`http://whatever.test/v1/shared/${share.access_token}`));
      expect(read.status).toBe(200);
      expect(read.headers.get("referrer-policy")).toBe("no-referrer");
      expect((await read.json()).share_type).toBe("report");

      const head = await handler(
        new Request(`http://whatever.test/v1/shared/${share.access_token}`, { method: "HEAD" }),
      );
      expect(head.status).toBe(200);
      expect(await head.text()).toBe("");

      const revoked = await handler(
        new Request(`http://whatever.test/v1/reports/${t.reportId}/shares`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${member.key}` },
        }),
      );
      expect(revoked.status).toBe(204);
      expect(revoked.body).toBeNull();

      const gone = await handler(new Request(`http://whatever.test/v1/shared/${share.access_token}`));
      expect(gone.status).toBe(404);
      const envelope = await gone.json();
      expect(envelope.request_id).toBe(gone.headers.get("x-correlation-id"));

      const wrongMethod = await handler(new Request("http://whatever.test/v1/shares", { method: "PUT" }));
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD");

      const query = await handler(
        new Request("http://whatever.test/v1/shares?status=all&limit=1", {
          headers: { authorization: `Bearer ${member.key}` },
        }),
      );
      expect(query.status).toBe(200);
      expect((await query.json()).data.length).toBeLessThanOrEqual(1);
    });

    it("a streamed body over the limit is 413, Content-Length or not", async () => {
      const handler = createFetchHandler(small);
      const big = "x".repeat(4096);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      const res = await handler(
        new Request(`http://whatever.test/v1/reports/${t.reportId}/shares`, {
          method: "POST",
          headers: { authorization: `Bearer ${member.key}` },
          body: stream,
          duplex: "half",
        } as RequestInit),
      );
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("payload_too_large");
    });

    it("uses the clientIp option for the per-IP limit on the public route", async () => {
      const handler = createFetchHandler(small, {
        clientIp: (req) => req.headers.get("x-test-ip") ?? "none",
      });
      const read = (ip: string) =>
        handler(
          new Request(`http://whatever.test/v1/shared/${"q".repeat(43)}`, { headers: { "x-test-ip": ip } }),
        );
      expect((await read("192.0.2.10")).status).toBe(404);
      expect((await read("192.0.2.10")).status).toBe(429);
      expect((await read("192.0.2.11")).status).toBe(404);
    });
  });
});
