import { describe, expect, it, vi } from "vitest";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { extendShare } from "./extend-share";
import { pauseShare, resumeShare } from "./pause-share";
import type { PublicShareRecord } from "./ports";
import { type PublicReadDeps, readPublicShare } from "./read-public-share";
import { removeShare } from "./remove-share";
import { updateShare } from "./update-share";

/**
 * A read replica that trails the primary: it holds the rows as they were when
 * `catchUp()` last ran, like a standby that has replayed up to that point.
 */
const laggingCopy = (primary: PublicReadDeps["shares"]) => {
  const rows = new Map<string, PublicShareRecord | null>();
  const known = new Set<string>();
  return {
    copy: {
      findPublicByTokenHash: vi.fn(async (hash: string) => rows.get(hash) ?? null),
    },
    /** Replays the primary's current rows for these token hashes. */
    async catchUp(...hashes: string[]) {
      for (const hash of hashes) known.add(hash);
      for (const hash of known) rows.set(hash, await primary.findPublicByTokenHash(hash));
    },
  };
};

const setup = async () => {
  const kit = createShareTestKit();
  const { ref } = kit.addReport(kit.brand);
  const owner = kit.member(kit.brand);
  const replica = laggingCopy(kit.shares);
  const deps: PublicReadDeps = { ...kit.deps, replica: replica.copy };
  const primaryLookup = vi.spyOn(kit.shares, "findPublicByTokenHash");
  return { kit, ref, owner, replica, deps, primaryLookup };
};

describe("readPublicShare with a read replica", () => {
  it("serves an active, unprotected link from the replica without asking the primary", async () => {
    const { kit, ref, owner, replica, deps, primaryLookup } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, {});
    await replica.catchUp(share.tokenHash);
    primaryLookup.mockClear();
    await expect(readPublicShare(deps, accessToken as string)).resolves.toMatchObject({
      title: expect.any(String),
    });
    expect(replica.copy.findPublicByTokenHash).toHaveBeenCalledWith(share.tokenHash);
    expect(primaryLookup).not.toHaveBeenCalled();
  });

  it("a link the replica has not seen yet is found on the primary (no false 404)", async () => {
    const { kit, ref, owner, deps, primaryLookup } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, {});
    await expect(readPublicShare(deps, accessToken as string)).resolves.toMatchObject({
      expires_at: share.expiresAt.toISOString(),
    });
    expect(primaryLookup).toHaveBeenCalledWith(share.tokenHash);
  });

  it("a link expired on the replica but extended on the primary answers 200, not 410", async () => {
    const { kit, ref, owner, replica, deps } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, { expiration_days: 1 });
    await replica.catchUp(share.tokenHash);
    kit.clock.set(new Date(share.expiresAt.getTime() - 1_000));
    await extendShare(kit.deps, owner, share.id, { expiration_days: 7 });
    kit.clock.advance(2_000);
    const read = await readPublicShare(deps, accessToken as string);
    expect(new Date(read.expires_at).getTime()).toBeGreaterThan(share.expiresAt.getTime());
  });

  it("a link paused on the replica but resumed on the primary answers 200, not 404", async () => {
    const { kit, ref, owner, replica, deps } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, {});
    await pauseShare(kit.deps, owner, share.id);
    await replica.catchUp(share.tokenHash);
    await resumeShare(kit.deps, owner, share.id);
    await expect(readPublicShare(deps, accessToken as string)).resolves.toBeDefined();
  });

  it("checks a password against the primary's hash (a changed password works at once)", async () => {
    const { kit, ref, owner, replica, deps } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, { password: "first password" });
    await replica.catchUp(share.tokenHash);
    await updateShare(kit.deps, owner, share.id, { password: "second password" });
    await expect(
      readPublicShare(deps, accessToken as string, { password: "second password" }),
    ).resolves.toBeDefined();
    await expect(
      readPublicShare(deps, accessToken as string, { password: "first password" }),
    ).rejects.toMatchObject({
      details: { reason: "password_invalid" },
    });
  });

  it("answers 404 and 410 only when the primary agrees", async () => {
    const { kit, ref, owner, replica, deps, primaryLookup } = await setup();
    const removed = await createShare(kit.deps, owner, ref, {});
    // One active link per owner and resource: the second link is on another report.
    const expiring = await createShare(kit.deps, owner, kit.addReport(kit.brand).ref, { expiration_days: 1 });
    await replica.catchUp(removed.share.tokenHash, expiring.share.tokenHash);
    await removeShare(kit.deps, owner, removed.share.id);
    await replica.catchUp();
    kit.clock.advance(2 * 86_400_000);
    primaryLookup.mockClear();
    await expect(readPublicShare(deps, removed.accessToken as string)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(readPublicShare(deps, expiring.accessToken as string)).rejects.toMatchObject({
      code: "gone",
    });
    expect(primaryLookup).toHaveBeenCalledTimes(2);
  });

  it("a replica the adapter has switched off (it answers null) leaves every read to the primary", async () => {
    const { kit, ref, owner, deps } = await setup();
    const off: PublicReadDeps = { ...deps, replica: { findPublicByTokenHash: async () => null } };
    const { accessToken } = await createShare(kit.deps, owner, ref, {});
    await expect(readPublicShare(off, accessToken as string)).resolves.toBeDefined();
  });
});
