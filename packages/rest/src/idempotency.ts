import {
  hashIdempotencyKey,
  IDEMPOTENT_REPLAYED_HEADER,
  type IdempotencyDeps,
  parseIdempotencyKey,
  requestFingerprint,
  runIdempotent,
} from "@sharelinks/core";
import type { EdgeLogger } from "@sharelinks/edge";
import type { HttpMethod } from "./route";
import type { RestHeaders } from "./types";

/** The methods that change something: each accepts `Idempotency-Key` (docs/api.md). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set<HttpMethod>(["POST", "PATCH", "DELETE"]);

/** Whose keys these are: the API key's id, or the admin token's one namespace. */
export const ADMIN_IDEMPOTENCY_SCOPE = "admin";

export interface IdempotentCall {
  scope: string;
  key: string;
  method: string;
  path: string;
  query: URLSearchParams;
  /** The body exactly as received ("" for routes that take none). */
  body: string;
}

export interface Answer {
  status: number;
  body: string | null;
}

/** The request's key: null when absent (or not a write), 400 when malformed. */
export const idempotencyKeyOf = (method: string, headers: RestHeaders): string | null =>
  IDEMPOTENT_METHODS.has(method) ? parseIdempotencyKey(headers["idempotency-key"]) : null;

/**
 * Runs a write at most once per key (core's `runIdempotent`): `execute` is the
 * route with its failures already turned into answers (4xx are kept like any
 * answer, 5xx release the key). The headers the route set are kept with the
 * answer and set again on a replay, which carries `Idempotent-Replayed: true`.
 */
export const runWithIdempotencyKey = async (
  deps: IdempotencyDeps,
  logger: EdgeLogger,
  call: IdempotentCall,
  headers: Record<string, string>,
  requestId: string,
  execute: () => Promise<Answer>,
): Promise<Answer> => {
  const query = call.query.toString();
  const { answer, replayed } = await runIdempotent(
    deps,
    {
      scope: call.scope,
      keyHash: hashIdempotencyKey(call.key),
      fingerprint: requestFingerprint(call.method, query ? `${call.path}?${query}` : call.path, call.body),
    },
    async () => {
      const before = { ...headers };
      const { status, body } = await execute();
      const set: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) if (before[name] !== value) set[name] = value;
      return { status, headers: set, body };
    },
    (error) =>
      logger.warn({ err: error, request_id: requestId }, "idempotency: the answer could not be kept"),
  );
  if (!replayed) return { status: answer.status, body: answer.body };
  Object.assign(headers, answer.headers);
  if (answer.body === null) delete headers["Content-Type"];
  headers[IDEMPOTENT_REPLAYED_HEADER] = "true";
  return {
    status: answer.status,
    body: answer.status >= 400 ? restamped(answer.body, requestId) : answer.body,
  };
};

/**
 * A replayed error envelope names this request, as every error does
 * (`request_id` = `X-Correlation-ID`, what support looks up in the logs); the
 * rest of it is the first answer's. The envelope is `{error, request_id}` in
 * that order, so re-serializing changes nothing else.
 */
const restamped = (body: string | null, requestId: string): string | null => {
  if (body === null) return null;
  const envelope = JSON.parse(body) as { error: unknown; request_id?: string };
  return envelope.request_id === undefined ? body : JSON.stringify({ ...envelope, request_id: requestId });
};
