import { createHash } from "node:crypto";
import { validationError } from "../errors";

/** The request header a client names a write with (docs/api.md, "Idempotency-Key"). */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** The response header of an answer given again rather than computed again. */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** How long a key holds its first answer. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * How long a key may stay "running" before a retry of the same request may
 * take it over: a request past every deadline of the server (the transaction
 * deadline, the shutdown timeout) died with its process. Far longer than any
 * answer takes, so a slow first request is never run twice.
 */
export const IDEMPOTENCY_STALE_RUNNING_MS = 10 * 60 * 1000;

// Visible ASCII and the space: what a header carries unambiguously on every client.
const PRINTABLE = /^[\x20-\x7e]+$/;

/**
 * The header's value, or null when the request carries none. 1-255 printable
 * ASCII characters; anything else is the caller's mistake (400), never
 * silently ignored: a client that thinks it is protected must learn it is not.
 */
export const parseIdempotencyKey = (value: string | string[] | undefined): string | null => {
  if (value === undefined) return null;
  const key = Array.isArray(value) ? value.join(", ") : value;
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !PRINTABLE.test(key)) {
    throw validationError(
      `${IDEMPOTENCY_KEY_HEADER} must be 1-${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters`,
      { reason: "invalid_idempotency_key", header: IDEMPOTENCY_KEY_HEADER },
    );
  }
  return key;
};

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** What the store keeps of the key: fixed size whatever the client sent. */
export const hashIdempotencyKey = (key: string): string => sha256(key);

/**
 * "The same request": method, path (with its query) and the body's exact
 * bytes. A retry sends the same bytes; a client that re-serializes differently
 * is sending a different request, and is told so (409 reused) rather than
 * getting an answer to something it did not ask.
 */
export const requestFingerprint = (method: string, pathWithQuery: string, body: string): string =>
  // The path's length makes the split unambiguous: no character can move from path to body unnoticed.
  sha256(`${method.toUpperCase()}\n${pathWithQuery.length}:${pathWithQuery}\n${body}`);
