import { describe, expect, it } from "vitest";
import { backendKinds, expectTRPCError, signedIn, useWorld } from "../test-support/harness";

describe.each(backendKinds())("schedules router (%s)", (kind) => {
  const t = useWorld(kind, "once");

  it("lists scheduled reports with run counts", async () => {
    const schedules = await t.alice.api.schedules.listScheduledReports();
    expect(schedules.map((s) => s.id).sort()).toEqual([t.world.schedule.id, t.world.emptySchedule.id].sort());
    expect(schedules.find((s) => s.id === t.world.schedule.id)).toMatchObject({
      name: "Weekly pulse",
      cadence: "weekly",
      run_count: 3,
      completed_run_count: 2,
      last_completed_at: "2025-02-15T09:30:00.000Z",
    });
    expect(schedules.find((s) => s.id === t.world.emptySchedule.id)).toMatchObject({
      run_count: 0,
      last_completed_at: null,
    });
  });

  it("returns one schedule with every run, oldest first", async () => {
    const schedule = await t.alice.api.schedules.getScheduledReport({ id: t.world.schedule.id });
    expect(schedule.runs.map((r) => r.status)).toEqual(["completed", "failed", "completed"]);
    expect(schedule.runs[2]).toMatchObject({
      started_at: "2025-02-15T09:00:00.000Z",
      completed_at: "2025-02-15T09:30:00.000Z",
      result_count: 2,
      summary: { visibility_rate: 1 },
    });
    expect(schedule.runs[1]).toMatchObject({ completed_at: null, result_count: 0 });
  });

  it("serves core's roll-up of the completed runs, so the dashboard only draws it", async () => {
    const schedule = await t.alice.api.schedules.getScheduledReport({ id: t.world.schedule.id });
    const [first, , third] = schedule.runs;
    expect(schedule.roll_up).toEqual({
      summary: { total: 4, mentioned: 3, visibility_rate: 0.75, average_position: 1.3333 },
      engines: [
        { engine: "chatgpt", total: 2, mentioned: 2, visibility_rate: 1, average_position: 1 },
        { engine: "perplexity", total: 2, mentioned: 1, visibility_rate: 0.5, average_position: 2 },
      ],
      trend: [
        { run_id: first?.id, completed_at: "2025-02-01T09:30:00.000Z", visibility_rate: 0.5 },
        { run_id: third?.id, completed_at: "2025-02-15T09:30:00.000Z", visibility_rate: 1 },
      ],
      latest_run_id: third?.id,
    });
    const empty = await t.alice.api.schedules.getScheduledReport({ id: t.world.emptySchedule.id });
    expect(empty.roll_up).toEqual({
      summary: { total: 0, mentioned: 0, visibility_rate: 0, average_position: null },
      engines: [],
      trend: [],
      latest_run_id: null,
    });
  });

  it("answers NOT_FOUND for another brand's schedule", async () => {
    const outsider = await signedIn(t.world.services, t.world.other.user);
    await expectTRPCError(
      outsider.api.schedules.getScheduledReport({ id: t.world.schedule.id }),
      "NOT_FOUND",
    );
  });
});
