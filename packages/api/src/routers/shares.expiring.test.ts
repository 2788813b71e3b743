import { describe, expect, it } from "vitest";
import { backendKinds, useWorld } from "../test-support/harness";

const DAY = 86_400_000;

/** What the dashboard's "Expiring soon" list asks for, and its one-click extend (docs/webhooks.md, share.expiring). */
describe.each(backendKinds())("shares router: expiring soon (%s)", (kind) => {
  const t = useWorld(kind, "each");

  it("lists the caller's active links within 7 days of expiry; one extend takes a link off the list", async () => {
    const soon = await t.alice.api.shares.createShare({
      resource: t.reportRef,
      rotate: true,
      expiration_days: 5,
    });
    await t.alice.api.shares.createShare({
      resource: { type: "scheduled", id: t.world.schedule.id },
      rotate: true,
      expiration_days: 30,
    });
    await t.bob.api.shares.createShare({ resource: t.reportRef, rotate: true, expiration_days: 2 });

    const listed = await t.alice.api.shares.listMyShares({ status: "expiring", limit: 50 });
    expect(listed.items.map((item) => item.id)).toEqual([soon.id]);

    const extended = await t.alice.api.shares.extendShare({ share_id: soon.id, expiration_days: 30 });
    expect(new Date(extended.expires_at).getTime()).toBe(t.world.clock.now().getTime() + 30 * DAY);
    expect((await t.alice.api.shares.listMyShares({ status: "expiring", limit: 50 })).items).toEqual([]);

    // 23 days on, the 30-day links are inside the window; a day past expiry, a link is no longer "expiring".
    t.world.clock.advance(23 * DAY + 1);
    expect((await t.alice.api.shares.listMyShares({ status: "expiring", limit: 50 })).items).toHaveLength(2);
    t.world.clock.advance(8 * DAY);
    expect((await t.alice.api.shares.listMyShares({ status: "expiring", limit: 50 })).items).toEqual([]);
  });
});
