import type {
  AttemptRecord,
  DeliveryQuery,
  Page,
  StoredWebhookEvent,
  WebhookDelivery,
  WebhookDeliveryStore,
  WebhookEndpoint,
  WebhookRepository,
} from "@sharelinks/core";
import { validationError } from "@sharelinks/core";
import { and, asc, desc, eq, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { isUuid } from "../ids";
import type { JobSlot } from "../jobs/job-slot";
import { webhookDeliveries, webhookEndpoints } from "../schema";
import { enabledEndpointsOf, fanOutOn } from "./webhook-outbox";
import { deliveryFromRow, endpointFromRow } from "./webhook-rows";

/** Endpoints, the delivery log and the delivery worker's writes, on PostgreSQL/PGlite. */
export class DrizzleWebhookRepository implements WebhookRepository, WebhookDeliveryStore {
  constructor(
    private readonly db: Database,
    private readonly jobs: JobSlot,
  ) {}

  async insertEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    await this.db.orm.insert(webhookEndpoints).values(endpoint);
  }

  countEndpoints(brandId: string): Promise<number> {
    return this.db.orm.$count(webhookEndpoints, eq(webhookEndpoints.brandId, brandId));
  }

  async listEndpoints(brandId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.db.orm
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.brandId, brandId))
      .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
    return rows.map(endpointFromRow);
  }

  async findEndpoint(endpointId: string): Promise<WebhookEndpoint | null> {
    if (!isUuid(endpointId)) return null;
    const [row] = await this.db.orm
      .select()
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.id, endpointId));
    return row ? endpointFromRow(row) : null;
  }

  async deleteEndpoint(endpointId: string): Promise<void> {
    await this.db.orm.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  }

  async updateSecret(endpointId: string, secretCiphertext: string): Promise<void> {
    await this.db.orm
      .update(webhookEndpoints)
      .set({ secretCiphertext })
      .where(eq(webhookEndpoints.id, endpointId));
  }

  async enableEndpoint(endpointId: string): Promise<void> {
    await this.db.orm
      .update(webhookEndpoints)
      .set({ disabledAt: null, disabledReason: null, failedDeliveriesInRow: 0 })
      .where(eq(webhookEndpoints.id, endpointId));
  }

  async listDeliveries(query: DeliveryQuery): Promise<Page<WebhookDelivery>> {
    const filters = [eq(webhookDeliveries.endpointId, query.endpointId)];
    if (query.startingAfter !== null) {
      const cursor = isUuid(query.startingAfter) ? await this.findDelivery(query.startingAfter) : null;
      if (!cursor || cursor.endpointId !== query.endpointId)
        throw validationError("starting_after is not a delivery of this endpoint");
      const after = or(
        lt(webhookDeliveries.createdAt, cursor.createdAt),
        and(eq(webhookDeliveries.createdAt, cursor.createdAt), lt(webhookDeliveries.id, cursor.id)),
      );
      if (after) filters.push(after);
    }
    const rows = await this.db.orm
      .select()
      .from(webhookDeliveries)
      .where(and(...filters))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(query.limit + 1);
    return { items: rows.slice(0, query.limit).map(deliveryFromRow), hasMore: rows.length > query.limit };
  }

  async findDelivery(deliveryId: string): Promise<WebhookDelivery | null> {
    if (!isUuid(deliveryId)) return null;
    const [row] = await this.db.orm
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId));
    return row ? deliveryFromRow(row) : null;
  }

  /** Pending again with its job, in one transaction; only one of two concurrent retries wins. */
  requeueDelivery(deliveryId: string, now: Date): Promise<boolean> {
    return this.db.orm.transaction(async (tx) => {
      const [row] = await tx
        .update(webhookDeliveries)
        .set({ status: "pending", nextAttemptAt: now })
        .where(and(eq(webhookDeliveries.id, deliveryId), ne(webhookDeliveries.status, "pending")))
        .returning({ id: webhookDeliveries.id });
      if (!row) return false;
      await this.jobs.queue.sendWithin(tx, "webhooks.deliver", { delivery_id: row.id });
      return true;
    });
  }

  async loadAttempt(deliveryId: string) {
    if (!isUuid(deliveryId)) return null;
    const [row] = await this.db.orm
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId));
    return row ? { delivery: deliveryFromRow(row.delivery), endpoint: endpointFromRow(row.endpoint) } : null;
  }

  /** The attempt's outcome, the endpoint's failure run and the next attempt's job: one transaction. */
  recordAttempt(record: AttemptRecord): Promise<void> {
    return this.db.orm.transaction(async (tx) => {
      await tx
        .update(webhookDeliveries)
        .set({
          status: record.status,
          attempts: record.attempts,
          lastAttemptAt: record.at,
          nextAttemptAt: record.nextAttemptAt,
          lastResponseStatus: record.responseStatus,
          lastDurationMs: record.durationMs === null ? null : Math.round(record.durationMs),
          lastError: record.error,
        })
        .where(eq(webhookDeliveries.id, record.deliveryId));
      if (record.nextAttemptAt) {
        await this.jobs.queue.sendWithin(
          tx,
          "webhooks.deliver",
          { delivery_id: record.deliveryId },
          { startAfter: record.nextAttemptAt },
        );
      }
      if (record.endpointOutcome === "success") {
        await tx
          .update(webhookEndpoints)
          .set({ failedDeliveriesInRow: 0 })
          .where(
            and(eq(webhookEndpoints.id, record.endpointId), ne(webhookEndpoints.failedDeliveriesInRow, 0)),
          );
      } else if (record.endpointOutcome === "exhausted") {
        // One statement, so concurrent attempts count exactly and only one disables.
        const run = sql`${webhookEndpoints.failedDeliveriesInRow} + 1`;
        await tx
          .update(webhookEndpoints)
          .set({
            failedDeliveriesInRow: run,
            disabledAt: sql`case when ${webhookEndpoints.disabledAt} is null and ${run} >= ${record.disableAfter} then ${record.at.toISOString()}::timestamptz else ${webhookEndpoints.disabledAt} end`,
            disabledReason: sql`case when ${webhookEndpoints.disabledAt} is null and ${run} >= ${record.disableAfter} then ${`${record.disableAfter} deliveries in a row failed every attempt`} else ${webhookEndpoints.disabledReason} end`,
          })
          .where(eq(webhookEndpoints.id, record.endpointId));
      }
    });
  }

  fanOut(event: StoredWebhookEvent): Promise<number> {
    return this.db.orm.transaction(async (tx) =>
      fanOutOn(tx, this.jobs, event, await enabledEndpointsOf(tx, event.brand_id)),
    );
  }
}
