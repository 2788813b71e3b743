import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backendKinds, domainCodeOf, expectTRPCError, signedIn, useWorld } from "../test-support/harness";

describe.each(backendKinds())("reports router (%s)", (kind) => {
  const t = useWorld(kind, "once");

  it("lists the brand's reports with a visibility summary, nothing from other brands", async () => {
    const reports = await t.alice.api.reports.listReports();
    expect(reports.map((r) => r.id).sort()).toEqual([t.world.report.id, t.world.runningReport.id].sort());
    expect(reports.find((r) => r.id === t.world.report.id)).toEqual({
      id: t.world.report.id,
      title: "Q1 visibility",
      status: "completed",
      created_by: t.world.alice.id,
      created_at: expect.any(String),
      completed_at: "2025-03-01T10:00:00.000Z",
      result_count: 4,
      summary: { total: 4, mentioned: 3, visibility_rate: 0.75, average_position: expect.any(Number) },
    });
    expect(reports.find((r) => r.id === t.world.runningReport.id)).toMatchObject({
      status: "running",
      completed_at: null,
    });
  });

  it("returns one report with its results and per-engine breakdown", async () => {
    const report = await t.alice.api.reports.getReport({ id: t.world.report.id });
    expect(report.results).toHaveLength(4);
    expect(report.results[0]).toEqual({
      prompt: "prompt 1",
      engine: "chatgpt",
      mentioned: true,
      position: 1,
      sentiment: "positive",
    });
    expect(report.engines.map((e) => e.engine)).toEqual(["chatgpt", "perplexity"]);
  });

  it("answers NOT_FOUND for another brand's or an unknown report, BAD_REQUEST for a non-UUID", async () => {
    const foreign = await expectTRPCError(
      t.alice.api.reports.getReport({ id: t.world.other.reportId }),
      "NOT_FOUND",
    );
    expect(domainCodeOf(foreign)).toBe("not_found");
    await expectTRPCError(t.alice.api.reports.getReport({ id: randomUUID() }), "NOT_FOUND");
    await expectTRPCError(t.alice.api.reports.getReport({ id: "42" }), "BAD_REQUEST");
    const outsider = await signedIn(t.world.services, t.world.other.user);
    expect((await outsider.api.reports.listReports()).map((r) => r.id)).toEqual([t.world.other.reportId]);
  });
});
