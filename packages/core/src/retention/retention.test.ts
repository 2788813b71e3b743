import { describe, expect, it } from "vitest";
import { createFakeClock } from "../testing/fake-clock";
import type { RetentionStore } from "./ports";
import { DEFAULT_RETENTION_POLICY, retentionCutoffs, runRetention } from "./retention";

const NOW = "2025-03-10T09:00:00.000Z";

describe("retentionCutoffs", () => {
  it("keeps sessions until they expire, expired shares 90 days and audit events 400 days by default", () => {
    expect(retentionCutoffs(new Date(NOW), DEFAULT_RETENTION_POLICY)).toEqual({
      sessionsExpiredBefore: new Date(NOW),
      sharesExpiredBefore: new Date("2024-12-10T09:00:00.000Z"),
      auditEventsBefore: new Date("2024-02-04T09:00:00.000Z"),
    });
  });

  it("follows the configured days", () => {
    const cutoffs = retentionCutoffs(new Date(NOW), { expiredShareRetentionDays: 1, auditRetentionDays: 2 });
    expect(cutoffs.sharesExpiredBefore).toEqual(new Date("2025-03-09T09:00:00.000Z"));
    expect(cutoffs.auditEventsBefore).toEqual(new Date("2025-03-08T09:00:00.000Z"));
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
    };
    const report = await runRetention({ store, clock: createFakeClock(NOW) }, DEFAULT_RETENTION_POLICY);
    expect(report).toEqual({ sessions: 3, shares: 2, auditEvents: 1 });
    expect(asked).toEqual([
      ["sessions", "2025-03-10T09:00:00.000Z"],
      ["shares", "2024-12-10T09:00:00.000Z"],
      ["audit", "2024-02-04T09:00:00.000Z"],
    ]);
  });
});
