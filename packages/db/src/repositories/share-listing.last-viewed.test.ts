import { createReport, createShare, createVisitorKeyer, listMyShares, ViewRecorder } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createManualClock,
  createTenant,
  reusedTestDatabase,
  sampleResults,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";

describe.each(testDatabaseKinds())("My links by last view on %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;
  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("lists the last viewed first, never-opened links last (newest first), page by page", async () => {
    const tenant = await createTenant(t.services);
    const owner = tenant.actor(tenant.manager);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      const report = await createReport(t.services.provisioning, tenant.brand.id, {
        title: `Report ${i}`,
        created_by: tenant.manager.id,
        status: "completed",
        completed_at: clock.now().toISOString(),
        results: sampleResults(2),
      });
      ids.push((await createShare(t.services.shares, owner, { type: "report", id: report.id }, {})).share.id);
    }
    const [s0, s1, s2, s3, s4] = ids as [string, string, string, string, string];
    const recorder = new ViewRecorder({
      sink: t.services.viewSink,
      visitorKey: createVisitorKeyer("listing-test-secret-0123456789abcdef"),
      isBot: (ua) => ua.startsWith("Twitterbot"),
      nowMs: () => clock.now().getTime(),
    });
    // s1 viewed, then s3, then s1 again: s1 is the last viewed. s4 only saw a bot.
    for (const id of [s1, s3, s1]) {
      clock.advance(1000);
      recorder.record(id, "198.51.100.1", CHROME, undefined);
      await recorder.flush();
    }
    recorder.record(s4, "198.51.100.2", "Twitterbot/1.0", undefined);
    await recorder.flush();

    const expected = [s1, s3, s4, s2, s0];
    const all = await listMyShares(t.services.shares, owner, {
      status: "all",
      sort: "last_viewed",
      limit: 10,
    });
    expect(all.items.map((v) => v.share.id)).toEqual(expected);
    for (const size of [1, 2, 3]) {
      const walked: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listMyShares(t.services.shares, owner, {
          status: "all",
          sort: "last_viewed",
          limit: size,
          ...(cursor && { starting_after: cursor }),
        });
        walked.push(...page.items.map((v) => v.share.id));
        if (!page.hasMore) break;
        cursor = page.items.at(-1)?.share.id;
      }
      expect(walked).toEqual(expected);
    }
  });
});
