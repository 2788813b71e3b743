import { describe, expect, it } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { pauseShare, resumeShare } from "./pause-share";
import { readPublicShare } from "./read-public-share";

const setup = async (cap?: number) => {
  const kit = createShareTestKit(cap === undefined ? {} : { activeSharesPerResource: cap });
  const { ref } = kit.addReport();
  const alice = kit.member();
  const mine = await createShare(kit.deps, alice, ref, {});
  return { kit, ref, alice, mine, token: mine.accessToken as string };
};

describe("pauseShare / resumeShare", () => {
  it("a paused link answers not_found, and resumes with the same token", async () => {
    const { kit, alice, mine, token } = await setup();
    kit.clock.advance(1000);
    const paused = await pauseShare(kit.deps, alice, mine.share.id);
    expect(paused.share.pausedAt).toEqual(kit.clock.now());
    await expect(readPublicShare(kit.deps, token)).rejects.toMatchObject({ code: "not_found" });

    const resumed = await resumeShare(kit.deps, alice, mine.share.id);
    expect(resumed.share.pausedAt).toBeNull();
    expect(resumed.share.tokenHash).toBe(mine.share.tokenHash);
    expect(resumed.accessToken).toBe(token);
    expect((await readPublicShare(kit.deps, token)).title).toBe(mine.share.snapshot.title);
  });

  it("records one audit event per change, none for a repeat", async () => {
    const { kit, alice, mine } = await setup();
    await pauseShare(kit.deps, alice, mine.share.id);
    await pauseShare(kit.deps, alice, mine.share.id);
    await resumeShare(kit.deps, alice, mine.share.id);
    await resumeShare(kit.deps, alice, mine.share.id);
    expect(kit.shares.events().map((e) => [e.type, e.actorId])).toEqual([
      ["created", alice.userId],
      ["paused", alice.userId],
      ["resumed", alice.userId],
    ]);
  });

  it("lets a manager pause a teammate's link (without seeing its token), refuses another member", async () => {
    const { kit, mine } = await setup();
    const view = await pauseShare(kit.deps, kit.manager(), mine.share.id);
    expect(view.accessToken).toBeNull();
    expect(view.owner?.id).toBe(mine.share.ownerId);
    await expect(resumeShare(kit.deps, kit.member(), mine.share.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("is not_found to another brand, even its manager", async () => {
    const { kit, mine } = await setup();
    await expect(pauseShare(kit.deps, kit.manager(kit.otherBrand), mine.share.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a paused link keeps its place under the cap", async () => {
    const { kit, ref, alice, mine } = await setup(1);
    await pauseShare(kit.deps, alice, mine.share.id);
    await expect(createShare(kit.deps, kit.member(), ref, {})).rejects.toMatchObject({
      details: { reason: "share_limit_reached" },
    });
  });

  it("a refresh keeps the link paused", async () => {
    const { kit, ref, alice, mine, token } = await setup();
    await pauseShare(kit.deps, alice, mine.share.id);
    const refreshed = await createShare(kit.deps, alice, ref, {});
    expect(refreshed.share.pausedAt).not.toBeNull();
    await expect(readPublicShare(kit.deps, token)).rejects.toMatchObject({ code: "not_found" });
  });
});
