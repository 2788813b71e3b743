import type { Clock } from "../clock";
import { DomainError } from "../errors";
import type { RandomSource } from "../random";
import type { TokenCipher } from "../shares/token-cipher";
import type { IdempotencyStore } from "./ports";
import { IDEMPOTENCY_STALE_RUNNING_MS, IDEMPOTENCY_WINDOW_MS } from "./request";

export interface IdempotencyDeps {
  store: IdempotencyStore;
  clock: Clock;
  random: RandomSource;
  /**
   * Stored answers are encrypted: some carry a secret shown once (a share's
   * URL, a new API key, a webhook signing secret) and the database never holds
   * one in plaintext. Replaying them needs them back, so this is reversible.
   */
  cipher: TokenCipher;
}

/** An answer as the adapter sends it: status, the headers the work set, the body. */
export interface IdempotentAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export interface IdempotentRequest {
  scope: string;
  keyHash: string;
  fingerprint: string;
}

export interface IdempotentResult {
  answer: IdempotentAnswer;
  /** True when this is the first request's answer given again. */
  replayed: boolean;
}

export const IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";
export const IDEMPOTENCY_KEY_IN_PROGRESS = "idempotency_key_in_progress";

const reused = () =>
  new DomainError("conflict", "This Idempotency-Key was used for a different request", {
    reason: IDEMPOTENCY_KEY_REUSED,
  });

const inProgress = () =>
  new DomainError("conflict", "A request with this Idempotency-Key is still being processed; retry later", {
    reason: IDEMPOTENCY_KEY_IN_PROGRESS,
  });

interface StoredAnswer {
  h: Record<string, string>;
  b: string | null;
}

/**
 * Runs `work` at most once per key and request within the window
 * (docs/api.md, "Idempotency-Key"):
 * - first time: claims the key, runs the work, keeps its answer (a 5xx is not
 *   kept: the key is released so a retry runs the work);
 * - same key, same request, done: the first answer again, work not run;
 * - same key, same request, still running: 409 `idempotency_key_in_progress`;
 * - same key, another request: 409 `idempotency_key_reused`.
 * `work` must not throw for an ordinary failure: it answers with it (4xx are
 * answers too, and are kept). Failing to keep the answer after the work ran
 * does not turn the work's answer into an error: it is reported to `onStoreError`
 * and the key frees itself after IDEMPOTENCY_STALE_RUNNING_MS.
 */
export const runIdempotent = async (
  deps: IdempotencyDeps,
  request: IdempotentRequest,
  work: () => Promise<IdempotentAnswer>,
  onStoreError: (error: unknown) => void = () => {},
): Promise<IdempotentResult> => {
  const now = deps.clock.now();
  const claimId = deps.random.uuid();
  const claim = await deps.store.claim({
    ...request,
    claimId,
    now,
    expiredBefore: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS),
    staleBefore: new Date(now.getTime() - IDEMPOTENCY_STALE_RUNNING_MS),
  });
  if (!claim.claimed) {
    const { existing } = claim;
    if (existing.fingerprint !== request.fingerprint) throw reused();
    if (existing.state === "running" || existing.status === null || existing.response === null)
      throw inProgress();
    const stored = JSON.parse(deps.cipher.decrypt(existing.response)) as StoredAnswer;
    return { answer: { status: existing.status, headers: stored.h, body: stored.b }, replayed: true };
  }

  let answer: IdempotentAnswer;
  try {
    answer = await work();
  } catch (error) {
    await deps.store.release(request.scope, request.keyHash, claimId).catch(onStoreError);
    throw error;
  }
  try {
    if (answer.status >= 500) {
      await deps.store.release(request.scope, request.keyHash, claimId);
    } else {
      const stored: StoredAnswer = { h: answer.headers, b: answer.body };
      await deps.store.complete(
        request.scope,
        request.keyHash,
        claimId,
        answer.status,
        deps.cipher.encrypt(JSON.stringify(stored)),
      );
    }
  } catch (error) {
    onStoreError(error);
  }
  return { answer, replayed: false };
};
