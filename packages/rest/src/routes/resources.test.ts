import { randomUUID } from "node:crypto";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addReport,
  addSchedule,
  type Harness,
  type Member,
  provisionTenant,
  RESULTS,
  startHarness,
  type Tenant,
} from "../test-support/harness";

describe.each(testDatabaseKinds())("resources on %s", (kind) => {
  let h: Harness;
  let t: Tenant;
  let other: Tenant;
  let member: Member;
  beforeAll(async () => {
    h = await startHarness(kind);
    t = await provisionTenant(h, 1);
    other = await provisionTenant(h, 1);
    member = t.members[0] as Member;
  });
  afterAll(() => h.close());

  it("GET /v1/reports lists the brand's reports without their results, and nothing of another brand", async () => {
    h.clock.advance(1000);
    const running = await addReport(h, t.brandId, t.manager.id, {
      status: "running",
      completed_at: undefined,
      title: "Later",
    });
    const res = await h.request("GET", "/v1/reports", { key: member.key });
    expect(res.status).toBe(200);
    expect(res.json.object).toBe("list");
    expect(res.json.has_more).toBe(false);
    expect(res.json.data.map((r: { id: string }) => r.id)).toEqual([running, t.reportId]);
    const report = res.json.data[1];
    expect(report).toEqual({
      object: "report",
      id: t.reportId,
      brand_id: t.brandId,
      title: "AI visibility, March",
      status: "completed",
      created_by: t.manager.id,
      created_at: expect.any(String),
      completed_at: expect.any(String),
    });
    expect(res.json.data[0].completed_at).toBeNull();
    // The rows are the detail endpoint's.
    const detail = await h.request("GET", `/v1/reports/${t.reportId}`, { key: member.key });
    expect(detail.json.results).toEqual(RESULTS);
    expect(JSON.stringify(res.json)).not.toContain(other.reportId);
  });

  it("GET /v1/reports/{id}: 200 for the brand's, 404 for another brand's or unknown, 400 for a non-UUID", async () => {
    const ok = await h.request("GET", `/v1/reports/${t.reportId}`, { key: member.key });
    expect(ok.status).toBe(200);
    expect(ok.json.id).toBe(t.reportId);
    for (const id of [other.reportId, randomUUID()]) {
      const res = await h.request("GET", `/v1/reports/${id}`, { key: member.key });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await h.request("GET", "/v1/reports/abc", { key: member.key })).status).toBe(400);
  });

  it("GET /v1/scheduled-reports lists schedules without their runs (the detail has them)", async () => {
    const empty = await addSchedule(h, t.brandId, t.manager.id, 0);
    const res = await h.request("GET", "/v1/scheduled-reports", { key: member.key });
    expect(res.status).toBe(200);
    const ids = res.json.data.map((s: { id: string }) => s.id);
    expect(ids).toContain(t.scheduleId);
    expect(ids).toContain(empty);
    expect(ids).not.toContain(other.scheduleId);
    const schedule = res.json.data.find((s: { id: string }) => s.id === t.scheduleId);
    expect(schedule).toMatchObject({
      object: "scheduled_report",
      brand_id: t.brandId,
      name: "Weekly visibility",
      cadence: "weekly",
      created_by: t.manager.id,
    });
    expect(schedule.runs).toBeUndefined();
    const detail = await h.request("GET", `/v1/scheduled-reports/${t.scheduleId}`, { key: member.key });
    expect(detail.json.runs).toHaveLength(1);
    expect(detail.json.runs[0]).toMatchObject({
      object: "report_run",
      scheduled_report_id: t.scheduleId,
      status: "completed",
      results: RESULTS,
    });
  });

  it.each([
    ["/v1/reports", "report"],
    ["/v1/scheduled-reports", "schedule"],
  ] as const)("%s pages with limit, starting_after and has_more, newest first", async (path, kind) => {
    const brand = await provisionTenant(h, 1);
    const key = (brand.members[0] as Member).key;
    for (let i = 0; i < 4; i++) {
      h.clock.advance(1000);
      if (kind === "report") await addReport(h, brand.brandId, brand.manager.id, { title: `r${i}` });
      else await addSchedule(h, brand.brandId, brand.manager.id, 2);
    }
    const all = await h.request("GET", `${path}?limit=100`, { key });
    const ids: string[] = all.json.data.map((item: { id: string }) => item.id);
    expect(ids.length).toBe(5);
    expect(all.json.has_more).toBe(false);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const res = await h.request("GET", `${path}?limit=2${after ? `&starting_after=${after}` : ""}`, {
        key,
      });
      expect(res.status).toBe(200);
      const page: string[] = res.json.data.map((item: { id: string }) => item.id);
      seen.push(...page);
      after = page.at(-1) ?? null;
      if (!res.json.has_more) break;
      expect(page).toHaveLength(2);
    }
    expect(seen).toEqual(ids);
    for (const bad of [
      "limit=0",
      "limit=101",
      "limit=abc",
      `starting_after=${randomUUID()}`,
      "starting_after=x",
    ]) {
      const res = await h.request("GET", `${path}?${bad}`, { key });
      expect(res.status, bad).toBe(400);
      expect(res.json.error.code).toBe("validation_error");
    }
    // Another brand's id is no cursor here.
    const foreign = kind === "report" ? t.reportId : t.scheduleId;
    expect((await h.request("GET", `${path}?starting_after=${foreign}`, { key })).status).toBe(400);
  });

  it("GET /v1/scheduled-reports/{id}: 200 / 404 / 400", async () => {
    expect(
      (await h.request("GET", `/v1/scheduled-reports/${t.scheduleId}`, { key: member.key })).status,
    ).toBe(200);
    expect(
      (await h.request("GET", `/v1/scheduled-reports/${other.scheduleId}`, { key: member.key })).status,
    ).toBe(404);
    expect(
      (await h.request("GET", `/v1/scheduled-reports/${randomUUID()}`, { key: member.key })).status,
    ).toBe(404);
    expect((await h.request("GET", "/v1/scheduled-reports/1", { key: member.key })).status).toBe(400);
  });

  it("all four need an API key", async () => {
    for (const path of [
      "/v1/reports",
      `/v1/reports/${t.reportId}`,
      "/v1/scheduled-reports",
      `/v1/scheduled-reports/${t.scheduleId}`,
    ]) {
      expect((await h.request("GET", path)).status).toBe(401);
    }
  });
});
