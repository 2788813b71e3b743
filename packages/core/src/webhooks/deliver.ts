import { maxAttempts, nextAttemptAt } from "./backoff";
import type { WebhookDeliveryDeps } from "./deps";
import type { AttemptRecord } from "./ports";

export type AttemptOutcome = "succeeded" | "retry_scheduled" | "failed" | "skipped";

/**
 * One attempt of one delivery (the worker's job): sign and POST the payload,
 * then record the outcome and, on failure, when to try again (the store
 * queues that attempt in the same transaction). Safe to run twice: a
 * delivery that is no longer pending is left alone, and every attempt carries
 * the same `webhook-id`, so a receiver can drop repeats.
 */
export const attemptWebhookDelivery = async (
  deps: WebhookDeliveryDeps,
  deliveryId: string,
): Promise<AttemptOutcome> => {
  const loaded = await deps.store.loadAttempt(deliveryId);
  if (loaded?.delivery.status !== "pending") return "skipped";
  const { delivery, endpoint } = loaded;
  const base = {
    deliveryId: delivery.id,
    endpointId: endpoint.id,
    disableAfter: deps.policy.disableAfterFailedDeliveries,
  };

  if (endpoint.disabledAt) {
    await deps.store.recordAttempt({
      ...base,
      at: deps.clock.now(),
      attempts: delivery.attempts,
      status: "failed",
      nextAttemptAt: null,
      responseStatus: null,
      durationMs: null,
      error: "Endpoint disabled",
      endpointOutcome: "none",
    });
    return "failed";
  }

  const response = await deps.sender.send({
    url: endpoint.url,
    secret: deps.secretCipher.decrypt(endpoint.secretCiphertext),
    messageId: delivery.eventId,
    timestamp: deps.clock.now(),
    body: JSON.stringify(delivery.payload),
  });
  const at = deps.clock.now();
  const attempts = delivery.attempts + 1;
  const common = { ...base, at, attempts, responseStatus: response.status, durationMs: response.durationMs };

  let record: AttemptRecord;
  if (response.ok) {
    record = { ...common, status: "succeeded", nextAttemptAt: null, error: null, endpointOutcome: "success" };
  } else {
    // A manual retry past the schedule gets that one attempt only.
    const next =
      attempts < maxAttempts(deps.policy)
        ? nextAttemptAt(deps.policy, attempts, at, (deps.random01 ?? Math.random)())
        : null;
    record = {
      ...common,
      status: next ? "pending" : "failed",
      nextAttemptAt: next,
      error: response.error ?? `HTTP ${response.status}`,
      endpointOutcome: next ? "none" : "exhausted",
    };
  }
  await deps.store.recordAttempt(record);
  return record.status === "succeeded"
    ? "succeeded"
    : record.status === "pending"
      ? "retry_scheduled"
      : "failed";
};
