import { describe, expect, it } from "vitest";
import { buildBrand, buildReport, buildRun, buildSchedule } from "./fixtures";
import { createInMemoryResourceReader } from "./in-memory-resource-reader";

describe("createInMemoryResourceReader", () => {
  const acme = buildBrand({ name: "Acme" });
  const globex = buildBrand({ name: "Globex" });

  it("finds a report only for its own brand", async () => {
    const reader = createInMemoryResourceReader();
    const report = reader.addReport(buildReport(acme));
    expect((await reader.findReport(acme.id, report.id))?.title).toBe(report.title);
    expect(await reader.findReport(globex.id, report.id)).toBeNull();
    expect(await reader.findReport(acme.id, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("finds a scheduled report only for its own brand, and never a report under that name", async () => {
    const reader = createInMemoryResourceReader();
    const schedule = reader.addScheduledReport(buildSchedule(acme));
    const report = reader.addReport(buildReport(acme));
    expect((await reader.findScheduledReport(acme.id, schedule.id))?.runs).toHaveLength(4);
    expect(await reader.findScheduledReport(globex.id, schedule.id)).toBeNull();
    expect(await reader.findScheduledReport(acme.id, report.id)).toBeNull();
    expect(await reader.findReport(acme.id, schedule.id)).toBeNull();
  });

  it("appends runs to their schedule", async () => {
    const reader = createInMemoryResourceReader();
    const schedule = reader.addScheduledReport(buildSchedule(acme, { runs: [] }));
    const run = reader.addRun(buildRun(schedule.id));
    expect((await reader.findScheduledReport(acme.id, schedule.id))?.runs.map((r) => r.id)).toEqual([run.id]);
    expect(() => reader.addRun(buildRun("00000000-0000-4000-8000-000000000000"))).toThrow(/does not exist/);
  });

  it("isolates stored reports from the objects handed in and out", async () => {
    const reader = createInMemoryResourceReader();
    const report = reader.addReport(buildReport(acme));
    report.title = "edited by the test";
    const found = await reader.findReport(acme.id, report.id);
    expect(found?.title).toBe("AI visibility: CRM prompts, March");
    found?.results.pop();
    expect((await reader.findReport(acme.id, report.id))?.results).toHaveLength(8);
  });

  it("replaces a report on update and refuses unknown or duplicate ids", async () => {
    const reader = createInMemoryResourceReader();
    const report = reader.addReport(buildReport(acme));
    reader.updateReport({ ...report, status: "failed" });
    expect((await reader.findReport(acme.id, report.id))?.status).toBe("failed");
    expect(() => reader.addReport(report)).toThrow(/already exists/);
    expect(() => reader.updateReport(buildReport(acme))).toThrow(/does not exist/);
  });
});
