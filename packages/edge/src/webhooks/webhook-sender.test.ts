import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookSender } from "./webhook-sender";

const SECRET = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real local receiver; `answer` decides each response. */
const receiver = async (answer: (req: Received, res: import("node:http").ServerResponse) => void) => {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry = {
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(entry);
      answer(entry, res);
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
};

const dev = createWebhookSender({ policy: { allowPrivate: true } });
const request = (url: string) => ({
  url,
  secret: SECRET,
  messageId: "0b7c1c4e-9a57-4f55-8f55-4d7f7b1b0a01",
  timestamp: new Date(),
  body: JSON.stringify({
    type: "share.created",
    timestamp: "2025-03-10T09:00:00.000Z",
    data: { share_id: "s" },
  }),
});

describe("webhook sender", () => {
  it("signs so that standardwebhooks' Webhook.verify accepts the delivery", async () => {
    const r = await receiver((_req, res) => res.writeHead(204).end());
    const outcome = await dev.send(request(`${r.url}/hook`));
    expect(outcome).toMatchObject({ ok: true, status: 204, error: null });
    const [got] = r.received;
    expect(got?.headers["webhook-id"]).toBe("0b7c1c4e-9a57-4f55-8f55-4d7f7b1b0a01");
    expect(got?.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(SECRET).verify(got?.body ?? "", got?.headers as Record<string, string>);
    expect(verified).toEqual(JSON.parse(request("").body));
    // A different secret does not verify.
    const other = `whsec_${Buffer.from("another-secret-of-32-bytes-long!").toString("base64")}`;
    expect(() =>
      new Webhook(other).verify(got?.body ?? "", got?.headers as Record<string, string>),
    ).toThrow();
  });

  it("does not follow redirects: a 3xx is a failed attempt", async () => {
    const r = await receiver((req, res) =>
      req.path === "/hook" ? res.writeHead(302, { location: "/elsewhere" }).end() : res.writeHead(200).end(),
    );
    const outcome = await dev.send(request(`${r.url}/hook`));
    expect(outcome).toMatchObject({ ok: false, status: 302, error: "HTTP 302 (redirects are not followed)" });
    expect(r.received.map((x) => x.path)).toEqual(["/hook"]);
  });

  it("reads at most 64 KB of an answer and times out a receiver that does not answer", async () => {
    const big = await receiver((_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(16 * 1024, 97);
      // Never ends on its own: the sender stops reading after 64 KB.
      const timer = setInterval(() => res.write(chunk), 1);
      res.on("close", () => clearInterval(timer));
    });
    expect(await dev.send(request(`${big.url}/big`))).toMatchObject({ ok: true, status: 200 });

    const silent = await receiver(() => {});
    const quick = createWebhookSender({ policy: { allowPrivate: true }, timeoutMs: 300 });
    const outcome = await quick.send(request(`${silent.url}/slow`));
    expect(outcome).toMatchObject({ ok: false, status: null, error: "Timed out after 0.3 s" });
  });

  it("refuses loopback, private, link-local and metadata addresses before connecting", async () => {
    const r = await receiver((_req, res) => res.writeHead(200).end());
    const strict = createWebhookSender({
      policy: { allowPrivate: false },
      resolve: async (host) =>
        ({
          "private.example": ["10.0.0.7"],
          "metadata.example": ["169.254.169.254"],
          "v6.example": ["fd00:ec2::254"],
          "mixed.example": ["93.184.216.34", "127.0.0.1"],
        })[host] ?? [],
    });
    const port = new URL(r.url).port;
    const refused = async (url: string) => (await strict.send(request(url))).error;
    expect(await refused(`${r.url}/hook`)).toBe("Refused URL: Must use https");
    expect(await refused(`https://127.0.0.1:${port}/`)).toMatch(/^Refused URL: Must not point at a loopback/);
    expect(await refused(`https://[::1]:${port}/`)).toMatch(/^Refused URL/);
    expect(await refused("https://localhost/")).toMatch(/^Refused URL/);
    expect(await refused("https://private.example/")).toBe(
      "Refused address 10.0.0.7: loopback, private, link-local or metadata",
    );
    expect(await refused("https://metadata.example/")).toMatch(/^Refused address 169\.254\.169\.254/);
    expect(await refused("https://v6.example/")).toMatch(/^Refused address fd00:ec2::254/);
    expect(await refused("https://mixed.example/")).toMatch(/^Refused address 127\.0\.0\.1/);
    expect(await refused("https://nowhere.example/")).toBe("DNS lookup of nowhere.example found no address");
    // Under WEBHOOK_ALLOW_PRIVATE_URLS, loopback only: a private address is still refused.
    const devResolve = createWebhookSender({
      policy: { allowPrivate: true },
      resolve: async () => ["10.0.0.7"],
    });
    expect((await devResolve.send(request("https://private.example/"))).error).toMatch(
      /^Refused address 10\.0\.0\.7/,
    );
    expect(r.received).toEqual([]);
  });
});
