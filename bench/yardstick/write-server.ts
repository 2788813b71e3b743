import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import {
  ACTIVE_SHARES_PER_RESOURCE,
  buildReportSnapshot,
  buildScheduledReportSnapshot,
  createAesGcmTokenCipher,
  cryptoRandom,
  DEFAULT_EXPIRATION_DAYS,
  expiresAtFrom,
  hashSecret,
  hashToken,
  isActiveAt,
  mintShareToken,
  type Report,
  type ReportRun,
  type ScheduledReport,
  type Snapshot,
  shareUrl,
} from "@sharelinks/core";
import postgres from "postgres";

/**
 * The write yardstick: the least a server can do to create, refresh and extend
 * a share on the project's schema, with the same rules, lock and audit event
 * as the shipped use cases and nothing more (bench/README.md lists the work).
 * Bare node:http + postgres.js, prepared statements, no framework, no logging,
 * no rate limiting, no schema validation beyond what the work needs.
 *
 *  POST  /v1/reports/{id}/shares, /v1/scheduled-reports/{id}/shares
 *        create (201) or, when the caller's share is active, refresh (200)
 *  PATCH /v1/reports/{id}/shares/{share_id}, .../scheduled-reports/...
 *        extend (200)
 *
 * Env: DATABASE_URL, PORT, HOST (127.0.0.1), POOL_SIZE (10), SHARE_TOKEN_SECRET,
 * PUBLIC_BASE_URL.
 */

const url = process.env.DATABASE_URL;
const secret = process.env.SHARE_TOKEN_SECRET;
if (!url || !secret) {
  process.stderr.write("write yardstick: DATABASE_URL and SHARE_TOKEN_SECRET are required\n");
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3903);
const host = process.env.HOST ?? "127.0.0.1";
const poolSize = Number(process.env.POOL_SIZE ?? 10);
const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://${host}:${port}`;
const cipher = createAesGcmTokenCipher(secret);

const sql = postgres(url, {
  max: poolSize,
  idle_timeout: 30,
  connect_timeout: 3,
  onnotice: () => {},
  connection: { application_name: "sharelinks-write-yardstick" },
});

type Kind = "report" | "scheduled";
const RESOURCE_COLUMN = { report: "report_id", scheduled: "scheduled_report_id" } as const;
const ROUTE = /^\/v1\/(reports|scheduled-reports)\/([0-9a-f-]{36})\/shares(?:\/([0-9a-f-]{36}))?$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

interface Caller {
  userId: string;
  brandId: string;
}

interface ShareRow {
  id: string;
  brand_id: string;
  owner_id: string;
  resource_type: Kind;
  report_id: string | null;
  scheduled_report_id: string | null;
  token_ciphertext: string;
  white_label: Record<string, unknown> | null;
  created_at: Date;
  expires_at: Date;
}

const authenticate = async (req: IncomingMessage): Promise<Caller> => {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "");
  if (!match) throw new Refusal(401, "unauthorized", "Missing or invalid credentials");
  const [row] = await sql<{ user_id: string; brand_id: string; revoked_at: Date | null }[]>`
    select u.id as user_id, u.brand_id, k.revoked_at
    from api_keys k inner join users u on u.id = k.user_id
    where k.key_hash = ${hashSecret(match[1] as string)}`;
  if (!row || row.revoked_at !== null)
    throw new Refusal(401, "unauthorized", "Missing or invalid credentials");
  return { userId: row.user_id, brandId: row.brand_id };
};

const notFound = (what: string) => new Refusal(404, "not_found", `${what} not found`);

/** The resource read and its frozen snapshot, outside the transaction as the shipped use case does. */
const snapshotOf = async (caller: Caller, kind: Kind, id: string, now: Date): Promise<Snapshot> => {
  if (kind === "report") {
    const [row] = await sql<Report[]>`
      select id, brand_id as "brandId", title, status, created_by as "createdBy", created_at as "createdAt",
        completed_at as "completedAt", results
      from reports where id = ${id} and brand_id = ${caller.brandId}`;
    if (!row) throw notFound("Report");
    return buildReportSnapshot(row, now);
  }
  const [schedule] = await sql<Omit<ScheduledReport, "runs">[]>`
    select id, brand_id as "brandId", name, cadence, created_by as "createdBy", created_at as "createdAt"
    from scheduled_reports where id = ${id} and brand_id = ${caller.brandId}`;
  if (!schedule) throw notFound("Scheduled report");
  const runs = await sql<ReportRun[]>`
    select id, scheduled_report_id as "scheduledReportId", status, started_at as "startedAt",
      completed_at as "completedAt", results
    from report_runs where scheduled_report_id = ${id} order by started_at, id`;
  return buildScheduledReportSnapshot({ ...schedule, runs: [...runs] }, now);
};

const lockResource = async (tx: postgres.TransactionSql, kind: Kind, id: string) => {
  const [row] =
    kind === "report"
      ? await tx`select id from reports where id = ${id} for no key update`
      : await tx`select id from scheduled_reports where id = ${id} for no key update`;
  return row !== undefined;
};

const recordEvent = (
  tx: postgres.TransactionSql,
  share: { id: string; brand_id: string },
  caller: Caller,
  type: string,
  at: Date,
  requestId: string,
  oldExpiresAt: Date | null,
  newExpiresAt: Date | null,
) => tx`
  insert into share_events (id, share_id, brand_id, actor_id, type, at, request_id, old_expires_at, new_expires_at, metadata)
  values (${randomUUID()}, ${share.id}, ${share.brand_id}, ${caller.userId}, ${type}, ${at}, ${requestId},
    ${oldExpiresAt}, ${newExpiresAt}, ${null})`;

const assertBelowCap = async (tx: postgres.TransactionSql, kind: Kind, id: string, now: Date) => {
  const [row] = await tx<{ n: number }[]>`
    select count(*)::int as n from shares where ${tx(RESOURCE_COLUMN[kind])} = ${id} and expires_at >= ${now}`;
  if ((row?.n ?? 0) >= ACTIVE_SHARES_PER_RESOURCE)
    throw new Refusal(
      400,
      "validation_error",
      `This resource already has ${ACTIVE_SHARES_PER_RESOURCE} active share links`,
      {
        reason: "share_limit_reached",
        limit: ACTIVE_SHARES_PER_RESOURCE,
      },
    );
};

const present = (share: ShareRow, token: string, isExisting: boolean) => ({
  object: share.resource_type === "report" ? "report.share" : "scheduled_report.share",
  id: share.id,
  share_type: share.resource_type,
  ...(share.resource_type === "report"
    ? { report_id: share.report_id }
    : { scheduled_report_id: share.scheduled_report_id }),
  brand_id: share.brand_id,
  owner_id: share.owner_id,
  access_token: token,
  share_url: shareUrl(publicBaseUrl, token),
  created_at: share.created_at.toISOString(),
  expires_at: share.expires_at.toISOString(),
  is_existing: isExisting,
  white_label_config: share.white_label ?? null,
});

/** Create, or refresh the caller's active share: the shipped createShare's rules, under the resource lock. */
const createOrRefresh = async (
  caller: Caller,
  kind: Kind,
  id: string,
  body: { expiration_days?: number },
  requestId: string,
) => {
  const now = new Date();
  const snapshot = await snapshotOf(caller, kind, id, now);
  const snapshotJson = JSON.stringify(snapshot);
  return sql.begin(async (tx) => {
    if (!(await lockResource(tx, kind, id)))
      throw notFound(kind === "report" ? "Report" : "Scheduled report");
    const [existing] = await tx<ShareRow[]>`
      select id, brand_id, owner_id, resource_type, report_id, scheduled_report_id, token_ciphertext,
        white_label, created_at, expires_at
      from shares where owner_id = ${caller.userId} and ${tx(RESOURCE_COLUMN[kind])} = ${id} for update`;
    if (existing && isActiveAt(existing.expires_at, now)) {
      const expiresAt =
        body.expiration_days !== undefined ? expiresAtFrom(now, body.expiration_days) : existing.expires_at;
      await tx`update shares set snapshot = ${snapshotJson}, updated_at = ${now}, expires_at = ${expiresAt}
        where id = ${existing.id}`;
      await recordEvent(tx, existing, caller, "refreshed", now, requestId, existing.expires_at, expiresAt);
      const refreshed = { ...existing, expires_at: expiresAt };
      return { status: 200, body: present(refreshed, cipher.decrypt(existing.token_ciphertext), true) };
    }
    if (existing) await tx`delete from shares where id = ${existing.id}`;
    await assertBelowCap(tx, kind, id, now);
    const token = mintShareToken(cryptoRandom);
    const share: ShareRow = {
      id: randomUUID(),
      brand_id: caller.brandId,
      owner_id: caller.userId,
      resource_type: kind,
      report_id: kind === "report" ? id : null,
      scheduled_report_id: kind === "scheduled" ? id : null,
      token_ciphertext: cipher.encrypt(token),
      white_label: null,
      created_at: now,
      expires_at: expiresAtFrom(now, body.expiration_days ?? DEFAULT_EXPIRATION_DAYS),
    };
    await tx`
      insert into shares (id, brand_id, owner_id, resource_type, report_id, scheduled_report_id, token_hash,
        token_ciphertext, snapshot, white_label, created_at, updated_at, expires_at)
      values (${share.id}, ${share.brand_id}, ${share.owner_id}, ${kind}, ${share.report_id}, ${share.scheduled_report_id},
        ${hashToken(token)}, ${share.token_ciphertext}, ${snapshotJson}, ${null}, ${now}, ${now}, ${share.expires_at})`;
    await recordEvent(tx, share, caller, "created", now, requestId, null, share.expires_at);
    return { status: 201, body: present(share, token, false) };
  });
};

/**
 * Extend: the resource named in the path is locked first (the same lock order as
 * every other writer), then the share is read under it: the owner check, a
 * revived share's cap, the new expiry and its event.
 */
const extend = async (
  caller: Caller,
  kind: Kind,
  id: string,
  shareId: string,
  body: { expiration_days?: number },
  requestId: string,
) => {
  const days = body.expiration_days;
  if (typeof days !== "number" || !Number.isInteger(days) || days < 1 || days > 365)
    throw new Refusal(400, "body_validation_error", "expiration_days must be an integer 1-365");
  return sql.begin(async (tx) => {
    if (!(await lockResource(tx, kind, id))) throw notFound("Share");
    const [share] = await tx<ShareRow[]>`
      select id, brand_id, owner_id, resource_type, report_id, scheduled_report_id, token_ciphertext,
        white_label, created_at, expires_at
      from shares where id = ${shareId} for update`;
    if (!share || share.brand_id !== caller.brandId || share[RESOURCE_COLUMN[kind]] !== id)
      throw notFound("Share");
    if (share.owner_id !== caller.userId)
      throw new Refusal(403, "forbidden", "Only the share's owner can extend it");
    const now = new Date();
    if (!isActiveAt(share.expires_at, now)) await assertBelowCap(tx, kind, id, now);
    const expiresAt = expiresAtFrom(now, days);
    await tx`update shares set expires_at = ${expiresAt}, updated_at = ${now} where id = ${shareId}`;
    await recordEvent(tx, share, caller, "extended", now, requestId, share.expires_at, expiresAt);
    return {
      status: 200,
      body: present({ ...share, expires_at: expiresAt }, cipher.decrypt(share.token_ciphertext), false),
    };
  });
};

const send = (res: ServerResponse, status: number, requestId: string, body: unknown) => {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Correlation-ID": requestId,
    "Content-Length": Buffer.byteLength(json),
  });
  res.end(json);
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

const handle = async (req: IncomingMessage, requestId: string) => {
  const match = ROUTE.exec(req.url ?? "");
  if (!match) throw new Refusal(404, "not_found", "No such route");
  const kind: Kind = match[1] === "reports" ? "report" : "scheduled";
  const id = match[2] as string;
  const shareId = match[3];
  if (req.method === "POST" && shareId === undefined) {
    const caller = await authenticate(req);
    const text = await readBody(req);
    return createOrRefresh(caller, kind, id, text ? JSON.parse(text) : {}, requestId);
  }
  if (req.method === "PATCH" && shareId !== undefined) {
    const caller = await authenticate(req);
    const text = await readBody(req);
    return extend(caller, kind, id, shareId, text ? JSON.parse(text) : {}, requestId);
  }
  // GET is only for the bench's warm-up of connections and keys.
  if (req.method === "GET") return { status: 200, body: { caller: (await authenticate(req)).userId } };
  throw new Refusal(405, "not_found", "Method not allowed");
};

const server = createServer((req, res) => {
  const requestId = randomUUID();
  if (req.url === "/healthz") {
    send(res, 200, requestId, { status: "ok" });
    return;
  }
  handle(req, requestId).then(
    (result) => send(res, result.status, requestId, result.body),
    (error: unknown) => {
      if (error instanceof Refusal) {
        send(res, error.status, requestId, {
          error: {
            code: error.code,
            message: error.message,
            ...(error.details && { details: error.details }),
          },
          request_id: requestId,
        });
        return;
      }
      process.stderr.write(`write yardstick: ${error instanceof Error ? error.stack : String(error)}\n`);
      send(res, 500, requestId, {
        error: { code: "internal_error", message: "failed" },
        request_id: requestId,
      });
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  process.stdout.write(`write yardstick listening on http://${host}:${port} (pool ${poolSize})\n`);
});

const shutdown = () => {
  server.close();
  server.closeIdleConnections();
  void sql.end({ timeout: 2 }).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
