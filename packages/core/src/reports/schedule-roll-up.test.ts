import { describe, expect, it } from "vitest";
import { buildBrand, buildRun, buildSchedule, resultRow } from "../testing";
import { completedRunsOf, rollUpSchedule } from "./schedule-roll-up";

const brand = buildBrand();
const scheduleId = "00000000-0000-4000-8000-00000000bbbb";
const at = (day: string) => new Date(`2025-03-${day}Z`);

describe("rollUpSchedule", () => {
  // Stored out of order on purpose: the roll-up sorts by completion time.
  const newest = buildRun(scheduleId, {
    completedAt: at("05T06:12:00"),
    results: [resultRow({ engine: "claude", position: 1 }), resultRow({ engine: "chatgpt", position: 2 })],
  });
  const failed = buildRun(scheduleId, { status: "failed", completedAt: at("04T06:03:00") });
  const oldest = buildRun(scheduleId, {
    completedAt: at("03T06:10:00"),
    results: [resultRow({ position: 3 }), resultRow({ mentioned: false, position: null }), resultRow()],
  });
  const running = buildRun(scheduleId, { status: "running", completedAt: null });
  const schedule = buildSchedule(brand, { id: scheduleId, runs: [newest, failed, oldest, running] });

  it("counts completed runs only, oldest completion first, without reordering the schedule", () => {
    const rollUp = rollUpSchedule(schedule);
    expect(rollUp.completedRuns.map((run) => run.id)).toEqual([oldest.id, newest.id]);
    expect(rollUp.latest?.id).toBe(newest.id);
    expect(schedule.runs.map((run) => run.id)).toEqual([newest.id, failed.id, oldest.id, running.id]);
  });

  it("summarizes every completed row, rounded, engines in alphabetical order", () => {
    const { summary, engines } = rollUpSchedule(schedule);
    expect(summary).toEqual({ total: 5, mentioned: 4, visibility_rate: 0.8, average_position: 1.75 });
    expect(engines).toEqual([
      { engine: "chatgpt", total: 4, mentioned: 3, visibility_rate: 0.75, average_position: 2 },
      { engine: "claude", total: 1, mentioned: 1, visibility_rate: 1, average_position: 1 },
    ]);
  });

  it("trends one point per completed run", () => {
    expect(rollUpSchedule(schedule).trend).toEqual([
      { run_id: oldest.id, completed_at: "2025-03-03T06:10:00.000Z", visibility_rate: 0.6667 },
      { run_id: newest.id, completed_at: "2025-03-05T06:12:00.000Z", visibility_rate: 1 },
    ]);
  });

  it("is empty, not an error, before the first run completes", () => {
    expect(rollUpSchedule({ runs: [failed, running] })).toEqual({
      completedRuns: [],
      latest: null,
      summary: { total: 0, mentioned: 0, visibility_rate: 0, average_position: null },
      engines: [],
      trend: [],
    });
  });

  it("leaves out a run marked completed without a completion time", () => {
    const odd = buildRun(scheduleId, { completedAt: null });
    expect(completedRunsOf([odd, oldest]).map((run) => run.id)).toEqual([oldest.id]);
  });
});
