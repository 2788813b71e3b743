import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { listMyShares, listResourceShares } from "./list-shares";
import { listMySharesQuerySchema } from "./schemas";

const MINUTE = 60_000;
const DAY = 86_400_000;

describe("listResourceShares", () => {
  const setup = async () => {
    const kit = createShareTestKit();
    const { ref } = kit.addReport();
    const alice = kit.member();
    const bob = kit.member();
    const mine = await createShare(kit.deps, alice, ref, {});
    kit.clock.advance(MINUTE);
    const bobs = await createShare(kit.deps, bob, ref, {});
    return { kit, ref, alice, bob, mine, bobs };
  };

  it("lists every teammate's active share, newest first, with only the caller's token", async () => {
    const { kit, ref, alice, mine, bobs } = await setup();
    const views = await listResourceShares(kit.deps, alice, ref);
    expect(views.map((v) => v.share.id)).toEqual([bobs.share.id, mine.share.id]);
    expect(views.map((v) => v.accessToken)).toEqual([null, mine.accessToken]);
    expect(views.every((v) => v.isExisting === false)).toBe(true);
  });

  it("withholds every token from a manager who owns none of them", async () => {
    const { kit, ref } = await setup();
    const views = await listResourceShares(kit.deps, kit.manager(), ref);
    expect(views).toHaveLength(2);
    expect(views.map((v) => v.accessToken)).toEqual([null, null]);
  });

  it("leaves expired shares out", async () => {
    const { kit, ref, alice, mine } = await setup();
    kit.clock.set(new Date(mine.share.expiresAt.getTime() + 1));
    expect((await listResourceShares(kit.deps, alice, ref)).map((v) => v.share.id)).not.toContain(
      mine.share.id,
    );
  });

  it("lists nothing for a resource nobody shared", async () => {
    const { kit, alice } = await setup();
    const { ref: quiet } = kit.addReport();
    expect(await listResourceShares(kit.deps, alice, quiet)).toEqual([]);
  });

  it("answers not_found for another brand's resource", async () => {
    const { kit, ref } = await setup();
    await expect(listResourceShares(kit.deps, kit.manager(kit.otherBrand), ref)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("listMyShares", () => {
  // Alice shares five reports a minute apart; the 2nd and 4th for one day only.
  const setup = async () => {
    const kit = createShareTestKit();
    const alice = kit.member();
    const ids: string[] = [];
    const tokens: (string | null)[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const { ref } = kit.addReport();
      const view = await createShare(kit.deps, alice, ref, { expiration_days: i % 2 === 0 ? 1 : 30 });
      ids.push(view.share.id);
      tokens.push(view.accessToken);
      kit.clock.advance(MINUTE);
    }
    // Noise: a teammate's share on alice's last report, and a stranger in another brand.
    const { ref: shared } = kit.addReport();
    await createShare(kit.deps, kit.member(), shared, {});
    const { ref: foreign } = kit.addReport(kit.otherBrand);
    await createShare(kit.deps, kit.member(kit.otherBrand), foreign, {});
    const [s1, s2, s3, s4, s5] = ids as [string, string, string, string, string];
    const list = (query: Record<string, unknown>) =>
      listMyShares(kit.deps, alice, listMySharesQuerySchema.parse(query));
    return { kit, alice, s1, s2, s3, s4, s5, tokens, list };
  };
  const idsOf = (page: { items: { share: { id: string } }[] }) => page.items.map((v) => v.share.id);

  it("lists only the caller's shares, newest first, with their tokens", async () => {
    const { s1, s2, s3, s4, s5, tokens, list } = await setup();
    const page = await list({ status: "all" });
    expect(idsOf(page)).toEqual([s5, s4, s3, s2, s1]);
    expect(page.items.map((v) => v.accessToken)).toEqual([...tokens].reverse());
    expect(page.hasMore).toBe(false);
  });

  it("lists active shares by default", async () => {
    const { kit, s1, s3, s5, list } = await setup();
    kit.clock.advance(2 * DAY);
    expect(idsOf(await list({}))).toEqual([s5, s3, s1]);
  });

  it("filters expiring: active and within 7 days of expiry (the reminders' window)", async () => {
    const { kit, s1, s2, s3, s4, s5, list } = await setup();
    expect(idsOf(await list({ status: "expiring" }))).toEqual([s4, s2]);
    kit.clock.advance(23 * DAY - 2 * MINUTE);
    // The 1-day links are expired; s1 and s3 have under 7 days left, s5 (made 2 minutes later) a minute more.
    expect(idsOf(await list({ status: "expiring" }))).toEqual([s3, s1]);
    expect(idsOf(await list({ status: "active" }))).toEqual([s5, s3, s1]);
  });

  it("filters expired and all", async () => {
    const { kit, s1, s2, s3, s4, s5, list } = await setup();
    kit.clock.advance(2 * DAY);
    expect(idsOf(await list({ status: "expired" }))).toEqual([s4, s2]);
    expect(idsOf(await list({ status: "all" }))).toEqual([s5, s4, s3, s2, s1]);
  });

  it("pages with starting_after and has_more", async () => {
    const { s1, s2, s3, s4, s5, list } = await setup();
    const first = await list({ status: "all", limit: 2 });
    expect([idsOf(first), first.hasMore]).toEqual([[s5, s4], true]);
    const second = await list({ status: "all", limit: 2, starting_after: s4 });
    expect([idsOf(second), second.hasMore]).toEqual([[s3, s2], true]);
    const third = await list({ status: "all", limit: 2, starting_after: s2 });
    expect([idsOf(third), third.hasMore]).toEqual([[s1], false]);
  });

  it("pages a filtered list without gaps or repeats", async () => {
    const { kit, s1, s3, s5, list } = await setup();
    kit.clock.advance(2 * DAY);
    const first = await list({ limit: 2 });
    expect([idsOf(first), first.hasMore]).toEqual([[s5, s3], true]);
    const second = await list({ limit: 2, starting_after: s3 });
    expect([idsOf(second), second.hasMore]).toEqual([[s1], false]);
  });

  it("says has_more is false when the last page is exactly full", async () => {
    const { list } = await setup();
    expect((await list({ status: "all", limit: 5 })).hasMore).toBe(false);
    expect((await list({ status: "all", limit: 4 })).hasMore).toBe(true);
  });

  it("lists nothing for a user who never shared", async () => {
    const { kit } = await setup();
    expect(
      await listMyShares(kit.deps, kit.manager(), listMySharesQuerySchema.parse({ status: "all" })),
    ).toEqual({
      items: [],
      hasMore: false,
    });
  });
});
