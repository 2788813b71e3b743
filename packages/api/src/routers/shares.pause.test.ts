import { describe, expect, it } from "vitest";
import { backendKinds, domainCodeOf, expectTRPCError, useWorld } from "../test-support/harness";

describe.each(backendKinds())("shares router: pause and resume (%s)", (kind) => {
  const t = useWorld(kind, "once");

  it("the owner pauses and resumes; the item carries paused_at and keeps its token", async () => {
    const share = await t.alice.api.shares.createShare({ resource: t.reportRef, rotate: true });
    expect(share).toMatchObject({
      paused_at: null,
      has_password: false,
      max_views: null,
      views_remaining: null,
    });
    const paused = await t.alice.api.shares.pauseShare({ share_id: share.id });
    expect(paused.paused_at).not.toBeNull();
    expect(paused.access_token).toBe(share.access_token);
    const resumed = await t.alice.api.shares.resumeShare({ share_id: share.id });
    expect(resumed.paused_at).toBeNull();
  });

  it("a manager may pause a teammate's link; a member may not", async () => {
    const share = await t.alice.api.shares.createShare({ resource: t.reportRef, rotate: true });
    const error = await expectTRPCError(t.bob.api.shares.pauseShare({ share_id: share.id }), "FORBIDDEN");
    expect(domainCodeOf(error)).toBe("forbidden");
    const paused = await t.manager.api.shares.pauseShare({ share_id: share.id });
    expect(paused).toMatchObject({ is_mine: false, access_token: null });
    expect(paused.paused_at).not.toBeNull();
  });
});
