import { describe, expect, it, vi } from "vitest";
import type { Brand } from "../accounts/account";
import { createShareTestKit } from "../testing";
import { createShare } from "./create-share";
import { extendShare } from "./extend-share";
import { openPublicShare, readPublicShare } from "./read-public-share";
import { removeShare } from "./remove-share";
import { DEFAULT_PRIMARY_COLOR } from "./white-label";

const setup = async (brandOverrides: Partial<Brand> = {}) => {
  const kit = createShareTestKit();
  const brand = kit.addBrand({ name: "Initech", ...brandOverrides });
  const { ref, report } = kit.addReport(brand);
  const owner = kit.member(brand);
  return { kit, ref, report, owner, brand };
};

describe("readPublicShare", () => {
  it("serves the allowlisted payload: type, title, expiry, white label and snapshot only", async () => {
    const { kit, ref, report, owner } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, {});
    const payload = await readPublicShare(kit.deps, accessToken as string);
    expect(payload).toEqual({
      share_type: "report",
      title: report.title,
      expires_at: share.expiresAt.toISOString(),
      white_label: {
        company_name: "Initech",
        logo_url: null,
        primary_color: DEFAULT_PRIMARY_COLOR,
        hide_powered_by: false,
      },
      snapshot: share.snapshot,
    });
    const json = JSON.stringify(payload);
    for (const secret of [owner.userId, owner.brandId, share.id, share.tokenHash, accessToken as string]) {
      expect(json).not.toContain(secret);
    }
  });

  it("says which version of the link it read, and keeps it out of the payload", async () => {
    const { kit, ref, owner } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, {});
    const token = accessToken as string;
    const first = await openPublicShare(kit.deps, token);
    expect(first).toMatchObject({ kind: "full", shareId: share.id, version: expect.any(String) });
    const version = first.kind === "full" ? first.version : "";
    expect(JSON.stringify(first.payload)).not.toContain(version);
    const again = await openPublicShare(kit.deps, token);
    expect(again.kind === "full" && again.version).toBe(version);
    await extendShare(kit.deps, owner, share.id, { expiration_days: 90 });
    const extended = await openPublicShare(kit.deps, token);
    expect(extended.kind === "full" && extended.version).not.toBe(version);
  });

  it("serves a scheduled report's type and name", async () => {
    const { kit, brand, owner } = await setup();
    const { ref } = kit.addSchedule(brand);
    const { accessToken } = await createShare(kit.deps, owner, ref, {});
    expect(await readPublicShare(kit.deps, accessToken as string)).toMatchObject({
      share_type: "scheduled",
      title: "Weekly CRM visibility",
    });
  });

  it("merges the share's white label over the brand's", async () => {
    const { kit, ref, owner } = await setup({
      whiteLabel: {
        company_name: "Initech Labs",
        primary_color: "#101010",
        logo_url: "https://initech.test/l.png",
      },
    });
    const { accessToken } = await createShare(kit.deps, owner, ref, {
      white_label_config: { primary_color: "#abcdef", hide_powered_by: true },
    });
    expect((await readPublicShare(kit.deps, accessToken as string)).white_label).toEqual({
      company_name: "Initech Labs",
      logo_url: "https://initech.test/l.png",
      primary_color: "#abcdef",
      hide_powered_by: true,
    });
  });

  it("answers 200 at exactly the expiry instant and gone 1 ms later", async () => {
    const { kit, ref, owner } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, { expiration_days: 1 });
    kit.clock.set(share.expiresAt);
    await expect(readPublicShare(kit.deps, accessToken as string)).resolves.toMatchObject({
      expires_at: share.expiresAt.toISOString(),
    });
    kit.clock.advance(1);
    await expect(readPublicShare(kit.deps, accessToken as string)).rejects.toMatchObject({
      name: "DomainError",
      code: "gone",
    });
  });

  it("answers not_found for a removed share's token", async () => {
    const { kit, ref, owner } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, {});
    await removeShare(kit.deps, owner, share.id);
    await expect(readPublicShare(kit.deps, accessToken as string)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("answers not_found for a well-formed token nobody minted", async () => {
    const { kit } = await setup();
    await expect(readPublicShare(kit.deps, "A".repeat(43))).rejects.toMatchObject({ code: "not_found" });
  });

  it("rejects a malformed token without touching the repository", async () => {
    const { kit, ref, owner } = await setup();
    const { accessToken } = await createShare(kit.deps, owner, ref, {});
    const lookup = vi.spyOn(kit.shares, "findPublicByTokenHash");
    for (const bad of [
      "",
      `${accessToken}x`,
      (accessToken as string).slice(1),
      `${(accessToken as string).slice(1)}=`,
    ]) {
      await expect(readPublicShare(kit.deps, bad)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(lookup).not.toHaveBeenCalled();
  });

  it("looks the share up by the token's hash, never by the token", async () => {
    const { kit, ref, owner } = await setup();
    const { share, accessToken } = await createShare(kit.deps, owner, ref, {});
    const lookup = vi.spyOn(kit.shares, "findPublicByTokenHash");
    await readPublicShare(kit.deps, accessToken as string);
    expect(lookup).toHaveBeenCalledWith(share.tokenHash);
  });
});
