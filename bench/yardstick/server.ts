import { createHash, randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import { DEFAULT_PRIMARY_COLOR } from "@sharelinks/core/constants";
import postgres from "postgres";

/**
 * The yardstick: the least a server can do to answer `GET /v1/shared/{token}`.
 * Bare node:http + postgres.js, no framework, no logging, no rate limiting:
 *
 *  - one prepared lookup per request, as the shipped repository ran before it
 *    batched the reads of one event-loop turn (same columns, same join);
 *  - the same pool size as the shipped server (createDb's default, 10);
 *  - the same 200 body (share_type, title, expires_at, effective white label,
 *    snapshot) and the same headers (X-Correlation-ID, Cache-Control,
 *    Referrer-Policy, X-Robots-Tag, X-Content-Type-Options);
 *  - 404 for a malformed or unknown token, 410 once expired.
 *
 * Env: DATABASE_URL, PORT (3901), HOST (127.0.0.1), POOL_SIZE (10), SEARCH_PATH
 * (the bench sets `bench_copy, public`: the yardstick reads a copy of the rows).
 */

const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("yardstick: DATABASE_URL is required\n");
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3901);
const host = process.env.HOST ?? "127.0.0.1";
const poolSize = Number(process.env.POOL_SIZE ?? 10);

const sql = postgres(url, {
  max: poolSize,
  idle_timeout: 30,
  connect_timeout: 3,
  onnotice: () => {},
  connection: {
    application_name: "sharelinks-yardstick",
    // The bench points the yardstick at its own copy of the rows (bench/lib/yardstick-copy.ts).
    ...(process.env.SEARCH_PATH && { search_path: process.env.SEARCH_PATH }),
  },
});

const PREFIX = "/v1/shared/";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface WhiteLabel {
  company_name?: string;
  logo_url?: string;
  primary_color?: string;
  hide_powered_by?: boolean;
}

interface Row {
  resource_type: "report" | "scheduled";
  snapshot: { title: string };
  white_label: WhiteLabel | null;
  expires_at: Date;
  brand_name: string;
  brand_white_label: WhiteLabel | null;
}

const send = (res: ServerResponse, status: number, requestId: string, body: string) => {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Correlation-ID": requestId,
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
};

const failure = (code: string, message: string, requestId: string) =>
  JSON.stringify({ error: { code, message }, request_id: requestId });

/** One lookup per request: the columns, join and filter the shipped repository reads (it batches them per turn). */
const lookup = (tokenHash: string) =>
  sql<Row[]>`
    select "shares"."resource_type", "shares"."snapshot", "shares"."white_label", "shares"."expires_at",
      "brands"."name" as brand_name, "brands"."white_label" as brand_white_label
    from "shares" inner join "brands" on "brands"."id" = "shares"."brand_id"
    where "shares"."token_hash" = ${tokenHash} limit ${1}`;

const server = createServer((req, res) => {
  const requestId = randomUUID();
  const path = req.url ?? "/";
  if (path === "/healthz") {
    send(res, 200, requestId, '{"status":"ok"}');
    return;
  }
  if (req.method !== "GET" || !path.startsWith(PREFIX)) {
    send(res, 404, requestId, failure("not_found", "No such route", requestId));
    return;
  }
  const q = path.indexOf("?");
  const token = path.slice(PREFIX.length, q === -1 ? undefined : q);
  if (!TOKEN.test(token)) {
    send(res, 404, requestId, failure("not_found", "Share link not found", requestId));
    return;
  }
  const tokenHash = createHash("sha256").update(token).digest("base64url");
  lookup(tokenHash).then(
    ([row]) => {
      if (!row) {
        send(res, 404, requestId, failure("not_found", "Share link not found", requestId));
        return;
      }
      if (row.expires_at.getTime() < Date.now()) {
        send(res, 410, requestId, failure("gone", "Share link has expired", requestId));
        return;
      }
      const own = row.white_label;
      const brand = row.brand_white_label;
      const body = JSON.stringify({
        share_type: row.resource_type,
        title: row.snapshot.title,
        expires_at: row.expires_at.toISOString(),
        white_label: {
          company_name: own?.company_name ?? brand?.company_name ?? row.brand_name,
          logo_url: own?.logo_url ?? brand?.logo_url ?? null,
          primary_color: own?.primary_color ?? brand?.primary_color ?? DEFAULT_PRIMARY_COLOR,
          hide_powered_by: own?.hide_powered_by ?? brand?.hide_powered_by ?? false,
        },
        snapshot: row.snapshot,
      });
      send(res, 200, requestId, body);
    },
    () => send(res, 503, requestId, failure("service_unavailable", "Database unavailable", requestId)),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  process.stdout.write(`yardstick listening on http://${host}:${port} (pool ${poolSize})\n`);
});

const shutdown = () => {
  server.close();
  server.closeIdleConnections();
  void sql.end({ timeout: 2 }).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
