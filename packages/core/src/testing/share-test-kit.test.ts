import { describe, expect, it } from "vitest";
import { createShare } from "../shares/create-share";
import { readPublicShare } from "../shares/read-public-share";
import { createAesGcmTokenCipher } from "../shares/token-cipher";
import { createShareTestKit, TEST_TOKEN_SECRET } from "./share-test-kit";

describe("createShareTestKit", () => {
  it("wires deps that run a share end to end, in either brand", async () => {
    const kit = createShareTestKit();
    for (const brand of [kit.brand, kit.otherBrand]) {
      const { ref } = kit.addReport(brand);
      const { accessToken } = await createShare(kit.deps, kit.member(brand), ref, {});
      expect((await readPublicShare(kit.deps, accessToken as string)).white_label.company_name).toBe(
        brand.name,
      );
    }
  });

  it("hands out a new user per call, with the requested role and brand", () => {
    const kit = createShareTestKit();
    const a = kit.member();
    const b = kit.member();
    const m = kit.manager(kit.otherBrand);
    expect(a.userId).not.toBe(b.userId);
    expect(a.requestId).not.toBe(b.requestId);
    expect([a.role, a.brandId]).toEqual(["member", kit.brand.id]);
    expect([m.role, m.brandId]).toEqual(["manager", kit.otherBrand.id]);
    expect(kit.brand.id).not.toBe(kit.otherBrand.id);
  });

  it("stores the resources it builds where the deps read them", async () => {
    const kit = createShareTestKit();
    const { ref, report } = kit.addReport();
    const { ref: scheduled, schedule } = kit.addSchedule();
    expect(await kit.deps.resources.findReport(kit.brand.id, ref.id)).toEqual(report);
    expect(await kit.deps.resources.findScheduledReport(kit.brand.id, scheduled.id)).toEqual(schedule);
    expect(scheduled.type).toBe("scheduled");
  });

  it("is deterministic for a seed: same ids and tokens run after run", async () => {
    const run = async (seed: number) => {
      const kit = createShareTestKit({ seed });
      const { ref } = kit.addReport();
      const view = await createShare(kit.deps, kit.member(), ref, {});
      return [view.share.id, view.accessToken];
    };
    expect(await run(4)).toEqual(await run(4));
    expect(await run(4)).not.toEqual(await run(5));
  });

  it("encrypts with the documented test secret", async () => {
    const kit = createShareTestKit();
    const { ref } = kit.addReport();
    const { share, accessToken } = await createShare(kit.deps, kit.member(), ref, {});
    expect(createAesGcmTokenCipher(TEST_TOKEN_SECRET).decrypt(share.tokenCiphertext)).toBe(accessToken);
  });

  it("starts its clock at the given instant", () => {
    expect(createShareTestKit({ now: "2031-01-01T00:00:00.000Z" }).clock.now().toISOString()).toBe(
      "2031-01-01T00:00:00.000Z",
    );
  });
});
