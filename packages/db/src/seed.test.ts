import {
  authenticateApiKey,
  createShare,
  listResourceShares,
  type ScheduledReportSnapshot,
  signIn,
} from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brands, users } from "./schema";
import { DEMO_EMAIL, DEMO_OTHER_BRAND_EMAIL, DEMO_PASSWORD, type DemoSeed, seedDemo } from "./seed";
import { reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "./testing";

describe.each(testDatabaseKinds())("demo seed over %s", (kind) => {
  let t: TestDatabase;
  let seed: DemoSeed;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind);
    seed = await seedDemo(t.services);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("returns a working sign-in and API key for the demo manager", async () => {
    expect(seed).toMatchObject({ seeded: true, email: DEMO_EMAIL, password: DEMO_PASSWORD });
    const session = await signIn(t.services.accounts, { email: DEMO_EMAIL, password: DEMO_PASSWORD });
    expect(session.user.role).toBe("manager");
    const caller = await authenticateApiKey(t.services.accounts, seed.apiKey as string);
    expect(caller.userId).toBe(session.user.id);
  });

  it("creates two brands, their people, reports in every state and a schedule with mixed runs", async () => {
    const allBrands = await t.db.orm.select().from(brands);
    expect(allBrands.map((b) => b.name).sort()).toEqual(["Acme Analytics", "Globex"]);
    const people = await t.db.orm.select().from(users);
    expect(people).toHaveLength(4);
    expect(people.every((p) => p.passwordHash?.startsWith("$argon2id$"))).toBe(true);

    const demo = people.find((p) => p.email === DEMO_EMAIL)!;
    const catalog = t.services.provisioning.catalog;
    const reports = await catalog.listReports(demo.brandId);
    expect(reports.map((r) => r.status).sort()).toEqual(["completed", "completed", "running"]);
    expect(
      reports[0]?.results.every((r) => ["chatgpt", "perplexity", "gemini", "claude"].includes(r.engine)),
    ).toBe(true);

    const [schedule] = await catalog.listScheduledReports(demo.brandId);
    expect(schedule?.runs.map((r) => r.status)).toEqual([
      "completed",
      "completed",
      "failed",
      "completed",
      "running",
    ]);

    const actor = { userId: demo.id, brandId: demo.brandId, role: demo.role, requestId: null };
    const view = await createShare(t.services.shares, actor, { type: "scheduled", id: schedule!.id }, {});
    const snapshot = view.share.snapshot as ScheduledReportSnapshot;
    expect(snapshot.run_count).toBe(3);
    expect(snapshot.trend).toHaveLength(3);

    // A teammate already shared the completed CRM report.
    const crm = reports.find((r) => r.title.startsWith("CRM"))!;
    const teammates = await listResourceShares(t.services.shares, actor, { type: "report", id: crm.id });
    expect(teammates).toHaveLength(1);
    expect(teammates[0]?.accessToken).toBeNull();

    const globex = people.find((p) => p.email === DEMO_OTHER_BRAND_EMAIL)!;
    expect(await catalog.listReports(globex.brandId)).toHaveLength(1);
  });

  it("does nothing the second time", async () => {
    const again = await seedDemo(t.services);
    expect(again).toEqual({ seeded: false, email: DEMO_EMAIL, password: DEMO_PASSWORD, apiKey: null });
    expect(await t.db.orm.select().from(brands)).toHaveLength(2);
  });
});
