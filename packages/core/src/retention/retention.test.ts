import { describe, expect, it } from "vitest";
import { createFakeClock } from "../testing/fake-clock";
import type { RetentionStore } from "./ports";
import { DEFAULT_RETENTION_POLICY, retentionCutoffs, runRetention } from "./retention";

const NOW = "2025-03-10T09:00:00.000Z";

describe("retentionCutoffs", () => {
  it("keeps sessions until they expire, expired shares 90 days, audit events 400 days, deliveries 30 days and visitor keys of today and yesterday by default", () => {
    expect(retentionCutoffs(new Date(NOW), DEFAULT_RETENTION_POLICY)).toEqual({
      sessionsExpiredBefore: new Date(NOW),
      sharesExpiredBefore: new Date("2024-12-10T09:00:00.000Z"),
      auditEventsBefore: new Date("2024-02-04T09:00:00.000Z"),
      webhookDeliveriesCreatedBefore: new Date("2025-02-08T09:00:00.000Z"),
      visitorKeysBeforeDay: "2025-03-09",
      idempotencyKeysBefore: new Date("2025-03-09T09:00:00.000Z"),
    });
  });

  it("follows the configured days", () => {
    const cutoffs = retentionCutoffs(new Date(NOW), {
      expiredShareRetentionDays: 1,
      auditRetentionDays: 2,
      webhookDeliveryRetentionDays: 3,
      visitorKeyRetentionDays: 5,
    });
    expect(cutoffs.sharesExpiredBefore).toEqual(new Date("2025-03-09T09:00:00.000Z"));
    expect(cutoffs.auditEventsBefore).toEqual(new Date("2025-03-08T09:00:00.000Z"));
    expect(cutoffs.webhookDeliveriesCreatedBefore).toEqual(new Date("2025-03-07T09:00:00.000Z"));
    expect(cutoffs.visitorKeysBeforeDay).toBe("2025-03-06");
  });

  it("counts visitor-key days in UTC: just after midnight, yesterday's keys are still kept", () => {
    const cutoffs = retentionCutoffs(new Date("2025-03-10T00:00:00.001Z"), DEFAULT_RETENTION_POLICY);
    expect(cutoffs.visitorKeysBeforeDay).toBe("2025-03-09");
    const lastInstant = retentionCutoffs(new Date("2025-03-09T23:59:59.999Z"), DEFAULT_RETENTION_POLICY);
    expect(lastInstant.visitorKeysBeforeDay).toBe("2025-03-08");
  });
});

describe("runRetention", () => {
  it("asks the store to delete each kind past its cutoff and reports the counts", async () => {
    const asked: [string, string][] = [];
    const deleting =
      (kind: string, count: number) =>
      async (before: Date): Promise<number> => {
        asked.push([kind, before.toISOString()]);
        return count;
      };
    const store: RetentionStore = {
      deleteSessionsExpiredBefore: deleting("sessions", 3),
      deleteSharesExpiredBefore: deleting("shares", 2),
      deleteAuditEventsBefore: deleting("audit", 1),
      deleteFinishedWebhookDeliveriesBefore: deleting("deliveries", 4),
      deleteVisitorKeysBefore: async (day: string) => {
        asked.push(["visitor keys", day]);
        return 5;
      },
      deleteIdempotencyKeysBefore: deleting("idempotency", 6),
    };
    const report = await runRetention({ store, clock: createFakeClock(NOW) }, DEFAULT_RETENTION_POLICY);
    expect(report).toEqual({
      sessions: 3,
      shares: 2,
      auditEvents: 1,
      webhookDeliveries: 4,
      visitorKeys: 5,
      idempotencyKeys: 6,
    });
    expect(asked).toEqual([
      ["sessions", "2025-03-10T09:00:00.000Z"],
      ["shares", "2024-12-10T09:00:00.000Z"],
      ["audit", "2024-02-04T09:00:00.000Z"],
      ["deliveries", "2025-02-08T09:00:00.000Z"],
      ["visitor keys", "2025-03-09"],
      // Idempotency keys live their 24 h window, whatever the policy says.
      ["idempotency", "2025-03-09T09:00:00.000Z"],
    ]);
  });
});
