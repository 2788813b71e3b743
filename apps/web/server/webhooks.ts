import { lookup } from "node:dns/promises";
import {
  DEFAULT_WEBHOOK_RETRY_POLICY,
  type HostResolver,
  systemClock,
  type WebhookRetryPolicy,
} from "@sharelinks/core";
import {
  type JobQueue,
  type JobQueueLogger,
  type Services,
  startWebhookRelay,
  type WebhookRelay,
  webhookDeliveryJob,
  webhookExpiryScanJob,
} from "@sharelinks/db";
import { createWebhookSender } from "@sharelinks/edge";
import type { AppConfig } from "./env";
import { createSmtpMailer } from "./mailer";

/** Every address of a host, as the system resolver sees it (the create-time check). */
export const systemResolver: HostResolver = {
  async resolve(host) {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  },
};

export interface WebhookJobOptions {
  /** Tests shorten the schedule; default: core's (about a day). */
  retryPolicy?: WebhookRetryPolicy;
  /** How often the outbox relay runs on this instance. */
  relayIntervalMs?: number;
}

/**
 * Webhooks on the job queue: the delivery job (one signed attempt, the next
 * one queued by the store), the once-a-minute expiry scan (with the expiry
 * reminders and, when SMTP_URL is set, the owners' emails), and the outbox
 * relay on this instance. Call `define` before the queue starts and `start`
 * after (the relay queues delivery jobs).
 */
export const webhookJobs = (
  config: AppConfig,
  services: Services,
  logger: JobQueueLogger,
  options: WebhookJobOptions = {},
) => {
  let relay: WebhookRelay | null = null;
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.smtpFrom) : undefined;
  return {
    define(queue: JobQueue) {
      queue.define(
        webhookDeliveryJob({
          store: services.webhooks.webhooks,
          sender: createWebhookSender({ policy: { allowPrivate: config.webhookAllowPrivateUrls } }),
          clock: systemClock,
          secretCipher: services.webhooks.secretCipher,
          policy: options.retryPolicy ?? DEFAULT_WEBHOOK_RETRY_POLICY,
        }),
      );
      queue.define(
        webhookExpiryScanJob(services.db, systemClock, logger, {
          ...(mailer && { mailer }),
          dashboardUrl: `${config.publicBaseUrl}/links`,
        }),
      );
      services.jobs.bind(queue);
    },
    start() {
      relay = startWebhookRelay(services.db, services.jobs, logger, options.relayIntervalMs);
      return relay;
    },
    stop() {
      relay?.stop();
      mailer?.close();
    },
  };
};
