import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { REPORT_STATUSES, type ReportRun, RUN_STATUSES } from "../reports/report";
import { buildBrand, buildReport, buildRun, buildSchedule, resultRow, sampleResultRows } from "../testing";
import { resultRowArbitrary } from "../testing/arbitraries";
import { buildReportSnapshot, buildScheduledReportSnapshot } from "./snapshot";

const brand = buildBrand();
const now = new Date("2025-03-10T09:00:00.000Z");

const expectConflict = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("conflict");
    return;
  }
  expect.fail("expected a conflict");
};

describe("buildReportSnapshot", () => {
  it.each(REPORT_STATUSES.filter((status) => status !== "completed"))(
    "refuses a %s report with a conflict",
    (status) => {
      expectConflict(() => buildReportSnapshot(buildReport(brand, { status, completedAt: null }), now));
    },
  );

  it("freezes title, times, summary, per-engine breakdown and rows of a completed report", () => {
    const report = buildReport(brand);
    expect(buildReportSnapshot(report, now)).toEqual({
      kind: "report",
      title: "AI visibility: CRM prompts, March",
      generated_at: "2025-03-01T08:20:00.000Z",
      snapshot_at: "2025-03-10T09:00:00.000Z",
      summary: { total: 8, mentioned: 5, visibility_rate: 0.625, average_position: 2.5 },
      engines: [
        { engine: "chatgpt", total: 3, mentioned: 2, visibility_rate: 0.6667, average_position: 3 },
        { engine: "gemini", total: 2, mentioned: 1, visibility_rate: 0.5, average_position: null },
        { engine: "perplexity", total: 3, mentioned: 2, visibility_rate: 0.6667, average_position: 2 },
      ],
      results: sampleResultRows(),
    });
  });

  it("falls back to the creation time when a completed report lacks a completion time", () => {
    const report = buildReport(brand, { completedAt: null });
    expect(buildReportSnapshot(report, now).generated_at).toBe("2025-03-01T08:00:00.000Z");
  });

  it("shares a completed report with no rows as an empty summary", () => {
    const snapshot = buildReportSnapshot(buildReport(brand, { results: [] }), now);
    expect(snapshot.summary).toEqual({ total: 0, mentioned: 0, visibility_rate: 0, average_position: null });
    expect(snapshot.engines).toEqual([]);
  });

  it("holds for any rows: rate in [0,1], mentioned <= total, engine totals add up", () => {
    fc.assert(
      fc.property(fc.array(resultRowArbitrary, { maxLength: 40 }), (results) => {
        const { summary, engines } = buildReportSnapshot(buildReport(brand, { results }), now);
        expect(summary.visibility_rate).toBeGreaterThanOrEqual(0);
        expect(summary.visibility_rate).toBeLessThanOrEqual(1);
        expect(summary.mentioned).toBeLessThanOrEqual(summary.total);
        expect(engines.reduce((sum, e) => sum + e.total, 0)).toBe(summary.total);
      }),
    );
  });
});

describe("buildScheduledReportSnapshot", () => {
  const scheduleId = "00000000-0000-4000-8000-00000000aaaa";
  const at = (iso: string) => new Date(`2025-03-${iso}Z`);
  const mentions = (...positions: (number | null | false)[]) =>
    positions.map((position, i) =>
      position === false
        ? resultRow({
            prompt: `p${i}`,
            engine: i % 2 ? "claude" : "chatgpt",
            mentioned: false,
            position: null,
          })
        : resultRow({ prompt: `p${i}`, engine: i % 2 ? "claude" : "chatgpt", position }),
    );
  // Stored out of order on purpose: the snapshot must sort by completion time.
  const newest = buildRun(scheduleId, { completedAt: at("05T06:12:00"), results: mentions(1, 2) });
  const failed = buildRun(scheduleId, {
    status: "failed",
    completedAt: at("04T06:03:00"),
    results: mentions(false, false, false, false, false),
  });
  const oldest = buildRun(scheduleId, {
    completedAt: at("03T06:10:00"),
    results: mentions(3, false, false, false),
  });
  const running = buildRun(scheduleId, { status: "running", completedAt: null, results: mentions(1, 1, 1) });
  const schedule = buildSchedule(brand, { id: scheduleId, runs: [newest, failed, oldest, running] });

  it("rolls up only completed runs: failed and running runs are left out", () => {
    const snapshot = buildScheduledReportSnapshot(schedule, now);
    expect(snapshot.run_count).toBe(2);
    // 6 rows from the two completed runs, 3 mentioned at positions 3, 1, 2.
    expect(snapshot.summary).toEqual({ total: 6, mentioned: 3, visibility_rate: 0.5, average_position: 2 });
    expect(snapshot.engines).toEqual([
      { engine: "chatgpt", total: 3, mentioned: 2, visibility_rate: 0.6667, average_position: 2 },
      { engine: "claude", total: 3, mentioned: 1, visibility_rate: 0.3333, average_position: 2 },
    ]);
  });

  it("trends one point per completed run, oldest first", () => {
    expect(buildScheduledReportSnapshot(schedule, now).trend).toEqual([
      { run_id: oldest.id, completed_at: "2025-03-03T06:10:00.000Z", visibility_rate: 0.25 },
      { run_id: newest.id, completed_at: "2025-03-05T06:12:00.000Z", visibility_rate: 1 },
    ]);
  });

  it("shows the newest completed run's rows, generated when that run finished", () => {
    const snapshot = buildScheduledReportSnapshot(schedule, now);
    expect(snapshot.results).toEqual(newest.results);
    expect(snapshot.generated_at).toBe("2025-03-05T06:12:00.000Z");
    expect(snapshot).toMatchObject({
      kind: "scheduled",
      title: "Weekly CRM visibility",
      cadence: "weekly",
      snapshot_at: "2025-03-10T09:00:00.000Z",
    });
  });

  it("gives the default fixture's numbers: two completed runs at 0.25 and 0.75", () => {
    const snapshot = buildScheduledReportSnapshot(buildSchedule(brand), now);
    expect(snapshot.trend.map((point) => point.visibility_rate)).toEqual([0.25, 0.75]);
    expect(snapshot.summary).toMatchObject({ total: 8, mentioned: 4, visibility_rate: 0.5 });
  });

  it("refuses a schedule whose runs all failed or are still running", () => {
    expectConflict(() =>
      buildScheduledReportSnapshot(buildSchedule(brand, { runs: [failed, running] }), now),
    );
  });

  it("refuses a schedule that never ran", () => {
    expectConflict(() => buildScheduledReportSnapshot(buildSchedule(brand, { runs: [] }), now));
  });

  it("does not reorder the schedule's own runs", () => {
    const runs = [newest, oldest];
    buildScheduledReportSnapshot(buildSchedule(brand, { runs }), now);
    expect(runs).toEqual([newest, oldest]);
  });

  it("holds for any mix of runs", () => {
    const runArbitrary = fc
      .record({
        status: fc.constantFrom(...RUN_STATUSES),
        finishedAtMinute: fc.integer({ min: 0, max: 100_000 }),
        results: fc.array(resultRowArbitrary, { maxLength: 12 }),
      })
      .map(
        ({ status, finishedAtMinute, results }): ReportRun =>
          buildRun(scheduleId, {
            status,
            completedAt: status === "running" ? null : new Date(now.getTime() - finishedAtMinute * 60_000),
            results,
          }),
      );
    fc.assert(
      fc.property(fc.array(runArbitrary, { maxLength: 8 }), (runs) => {
        const completed = runs.filter((run) => run.status === "completed");
        const build = () => buildScheduledReportSnapshot(buildSchedule(brand, { runs }), now);
        if (completed.length === 0) {
          expectConflict(build);
          return;
        }
        const snapshot = build();
        const { summary, engines, trend } = snapshot;
        expect(summary.visibility_rate).toBeGreaterThanOrEqual(0);
        expect(summary.visibility_rate).toBeLessThanOrEqual(1);
        expect(summary.mentioned).toBeLessThanOrEqual(summary.total);
        expect(summary.total).toBe(completed.reduce((sum, run) => sum + run.results.length, 0));
        expect(engines.reduce((sum, e) => sum + e.total, 0)).toBe(summary.total);
        expect(snapshot.run_count).toBe(completed.length);
        expect(trend).toHaveLength(completed.length);
        const times = trend.map((point) => point.completed_at);
        expect([...times].sort()).toEqual(times);
        for (const point of trend) {
          expect(point.visibility_rate).toBeGreaterThanOrEqual(0);
          expect(point.visibility_rate).toBeLessThanOrEqual(1);
        }
        expect(snapshot.generated_at).toBe(times.at(-1));
      }),
    );
  });
});
