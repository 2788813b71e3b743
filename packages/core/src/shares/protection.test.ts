import { describe, expect, it } from "vitest";
import { rateLimitExceeded } from "../errors";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { openPublicShare, readPublicShare } from "./read-public-share";
import { createShareInputSchema, updateShareInputSchema } from "./schemas";
import { updateShare } from "./update-share";

const setup = async (input: Parameters<typeof createShare>[3] = {}) => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport();
  const alice = kit.member();
  const mine = await createShare(kit.deps, alice, ref, input);
  return { kit, ref, alice, mine, token: mine.accessToken as string };
};

describe("link password", () => {
  it("is stored hashed, never in plaintext; the view says has it", async () => {
    const { kit, mine } = await setup({ password: "correct horse" });
    expect(mine.share.passwordHash).toBe("plain:correct horse"); // the test hasher; argon2id in production
    expect(JSON.stringify(kit.shares.allShares())).not.toContain('"correct horse"');
  });

  it("401 password_required without one, password_invalid when wrong, the payload when right", async () => {
    const { kit, token } = await setup({ password: "correct horse" });
    await expect(readPublicShare(kit.deps, token)).rejects.toMatchObject({
      code: "unauthorized",
      details: { reason: "password_required" },
    });
    await expect(readPublicShare(kit.deps, token, { password: "wrong horse" })).rejects.toMatchObject({
      code: "unauthorized",
      details: { reason: "password_invalid" },
    });
    expect((await readPublicShare(kit.deps, token, { password: "correct horse" })).snapshot).toBeDefined();
  });

  it("an unlock (the page's cookie) stands in for the password, checked against the link's hash", async () => {
    const { kit, token, mine } = await setup({ password: "correct horse" });
    const seen: unknown[] = [];
    const read = await readPublicShare(kit.deps, token, {
      unlocked: (record) => {
        seen.push(record);
        return true;
      },
    });
    expect(read.title).toBe(mine.share.snapshot.title);
    expect(seen).toMatchObject([{ shareId: mine.share.id, passwordHash: "plain:correct horse" }]);
  });

  it("counts wrong guesses only, and a spent budget refuses even the right password", async () => {
    const { kit, token, mine } = await setup({ password: "correct horse" });
    const failures: string[] = [];
    let blocked = false;
    const guard = {
      check: () => {
        if (blocked) throw rateLimitExceeded(42);
      },
      fail: async (shareId: string) => {
        failures.push(shareId);
      },
    };
    await readPublicShare(kit.deps, token, { password: "correct horse", guard });
    await expect(readPublicShare(kit.deps, token, { password: "nope nope", guard })).rejects.toMatchObject({
      details: { reason: "password_invalid" },
    });
    expect(failures).toEqual([mine.share.id]);
    blocked = true;
    await expect(
      readPublicShare(kit.deps, token, { password: "correct horse", guard }),
    ).rejects.toMatchObject({
      code: "rate_limit_exceeded",
      details: { retry_after: 42 },
    });
  });

  it("PATCH: owner only; null removes; a change is audited without the password", async () => {
    const { kit, alice, mine, token } = await setup({ password: "correct horse" });
    await expect(
      updateShare(kit.deps, kit.manager(), mine.share.id, { password: null }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const changed = await updateShare(kit.deps, alice, mine.share.id, { password: "battery staple" });
    expect(changed.share.passwordHash).toBe("plain:battery staple");
    const removed = await updateShare(kit.deps, alice, mine.share.id, { password: null });
    expect(removed.share.passwordHash).toBeNull();
    expect((await readPublicShare(kit.deps, token)).title).toBeDefined();
    const audit = kit.shares.events().filter((e) => e.type === "protection_changed");
    expect(audit.map((e) => e.metadata)).toEqual([{ password: "set" }, { password: "removed" }]);
    expect(JSON.stringify(kit.shares.events())).not.toContain("battery");
  });

  it("bounds: 8-128 characters, null allowed; PATCH needs at least one field", () => {
    expect(createShareInputSchema.safeParse({ password: "short" }).success).toBe(false);
    expect(createShareInputSchema.safeParse({ password: "x".repeat(129) }).success).toBe(false);
    expect(createShareInputSchema.safeParse({ password: "x".repeat(128) }).success).toBe(true);
    expect(createShareInputSchema.safeParse({ password: null }).success).toBe(true);
    expect(updateShareInputSchema.safeParse({}).success).toBe(false);
    expect(updateShareInputSchema.safeParse({ max_views: null }).success).toBe(true);
  });
});

describe("view limit", () => {
  it("max_views 1 is a one-time link: the second read is 410 view_limit_reached", async () => {
    const { kit, token, mine } = await setup({ max_views: 1 });
    expect(mine.viewsRemaining).toBe(1);
    await readPublicShare(kit.deps, token);
    await expect(readPublicShare(kit.deps, token)).rejects.toMatchObject({
      code: "gone",
      details: { reason: "view_limit_reached" },
    });
  });

  it("exact under concurrency: 30 parallel reads of a 10-view link give 10 successes", async () => {
    const { kit, token } = await setup({ max_views: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => readPublicShare(kit.deps, token)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
  });

  it("bots get the preview (title and brand, no snapshot) and use no view", async () => {
    const { kit, token } = await setup({ max_views: 1, password: "correct horse" });
    for (let i = 0; i < 3; i += 1) {
      const read = await openPublicShare(kit.deps, token, { isBot: true });
      expect(read.kind).toBe("preview");
      expect(read.payload).not.toHaveProperty("snapshot");
      expect(read.payload.white_label.company_name).toBeDefined();
    }
    expect((await readPublicShare(kit.deps, token, { password: "correct horse" })).snapshot).toBeDefined();
  });

  it("a wrong password uses no view", async () => {
    const { kit, token } = await setup({ max_views: 1, password: "correct horse" });
    await expect(readPublicShare(kit.deps, token, { password: "nope nope" })).rejects.toMatchObject({
      code: "unauthorized",
    });
    await readPublicShare(kit.deps, token, { password: "correct horse" });
  });

  it("setting max_views starts a fresh allowance; null lifts the limit; views_remaining follows", async () => {
    const { kit, alice, mine, token } = await setup({ max_views: 2 });
    await readPublicShare(kit.deps, token);
    expect(
      (await updateShare(kit.deps, alice, mine.share.id, { password: "correct horse" })).viewsRemaining,
    ).toBe(1);
    expect((await updateShare(kit.deps, alice, mine.share.id, { max_views: 5 })).viewsRemaining).toBe(5);
    const lifted = await updateShare(kit.deps, alice, mine.share.id, { max_views: null });
    expect(lifted.viewsRemaining).toBeNull();
  });
});
