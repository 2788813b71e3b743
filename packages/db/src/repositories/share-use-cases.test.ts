import {
  cancelShares,
  createShare,
  extendShare,
  hashToken,
  listResourceShares,
  type ResourceRef,
  readPublicShare,
  removeShare,
  revokeMyShares,
  updateBrand,
} from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createManualClock,
  createTenant,
  domainError,
  eventsOf,
  reusedTestDatabase,
  shareRow,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "../testing";

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())("share use cases over %s", (kind) => {
  const clock = createManualClock();
  let t: TestDatabase;
  let tenant: Tenant;
  let report: ResourceRef;
  let schedule: ResourceRef;

  beforeAll(async () => {
    t = await reusedTestDatabase(kind, { clock });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const fresh = async () => {
    tenant = await createTenant(t.services);
    report = { type: "report", id: tenant.report.id };
    schedule = { type: "scheduled", id: tenant.schedule.id };
  };
  describe("create", () => {
    beforeAll(fresh);

    it("stores the share with hash and ciphertext, and an audit row", async () => {
      const actor = tenant.actor(tenant.manager, "req-create");
      const view = await createShare(t.services.shares, actor, report, { expiration_days: 7 });
      expect(view.isExisting).toBe(false);
      const token = view.accessToken as string;

      const row = await shareRow(t.db, view.share.id);
      expect(row).toMatchObject({
        brandId: tenant.brand.id,
        ownerId: tenant.manager.id,
        resourceType: "report",
        reportId: tenant.report.id,
        scheduledReportId: null,
        tokenHash: hashToken(token),
        whiteLabel: null,
      });
      expect(row?.tokenCiphertext).not.toContain(token);
      expect(t.services.shares.tokenCipher.decrypt(row?.tokenCiphertext as string)).toBe(token);
      expect(row?.expiresAt).toEqual(new Date(clock.now().getTime() + 7 * DAY));
      expect(row?.snapshot).toMatchObject({ kind: "report", title: tenant.report.title });

      const events = await eventsOf(t.db, view.share.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: "created",
        actorId: tenant.manager.id,
        brandId: tenant.brand.id,
        requestId: "req-create",
        oldExpiresAt: null,
        newExpiresAt: row?.expiresAt,
      });
    });

    it("refreshes the caller's active share: same id and token, new snapshot, expiry kept unless sent", async () => {
      const actor = tenant.actor(tenant.manager);
      await revokeMyShares(t.services.shares, actor, report);
      const first = await createShare(t.services.shares, actor, report, {});
      clock.advance(60_000);
      const again = await createShare(t.services.shares, actor, report, {
        white_label_config: { primary_color: "#112233" },
      });
      expect(again.isExisting).toBe(true);
      expect(again.share.id).toBe(first.share.id);
      expect(again.accessToken).toBe(first.accessToken);

      const row = await shareRow(t.db, first.share.id);
      expect(row?.expiresAt).toEqual(first.share.expiresAt);
      expect(row?.whiteLabel).toEqual({ primary_color: "#112233" });
      expect(row?.updatedAt).toEqual(clock.now());
      expect(row?.snapshot.snapshot_at).toBe(clock.now().toISOString());

      await createShare(t.services.shares, actor, report, { expiration_days: 2 });
      const extended = await shareRow(t.db, first.share.id);
      expect(extended?.expiresAt).toEqual(new Date(clock.now().getTime() + 2 * DAY));
      // white_label_config not sent: kept.
      expect(extended?.whiteLabel).toEqual({ primary_color: "#112233" });

      const types = (await eventsOf(t.db, first.share.id)).map((e) => e.type);
      expect(types.slice(-2)).toEqual(["refreshed", "refreshed"]);
    });

    it("rotates: the old row is gone, its token dead at once, the new one audited", async () => {
      const actor = tenant.actor(tenant.members[0]!);
      const old = await createShare(t.services.shares, actor, schedule, {});
      const rotated = await createShare(t.services.shares, actor, schedule, { rotate: true });
      expect(rotated.isExisting).toBe(false);
      expect(rotated.share.id).not.toBe(old.share.id);
      expect(rotated.accessToken).not.toBe(old.accessToken);

      expect(await shareRow(t.db, old.share.id)).toBeNull();
      expect(
        (await domainError(readPublicShare(t.services.publicRead, old.accessToken as string))).code,
      ).toBe("not_found");
      const page = await readPublicShare(t.services.publicRead, rotated.accessToken as string);
      expect(page.share_type).toBe("scheduled");

      const [event] = await eventsOf(t.db, rotated.share.id);
      expect(event).toMatchObject({ type: "rotated", metadata: { replaced_share_id: old.share.id } });
    });

    it("replaces the caller's expired share with a new one", async () => {
      const actor = tenant.actor(tenant.members[1]!);
      const old = await createShare(t.services.shares, actor, report, { expiration_days: 1 });
      clock.advance(DAY + 1);
      const renewed = await createShare(t.services.shares, actor, report, {});
      expect(renewed.isExisting).toBe(false);
      expect(renewed.share.id).not.toBe(old.share.id);
      expect(await shareRow(t.db, old.share.id)).toBeNull();
      expect((await eventsOf(t.db, renewed.share.id))[0]).toMatchObject({
        type: "created",
        metadata: { replaced_share_id: old.share.id },
      });
    });

    it("refuses reports that are not completed, and other brands' resources", async () => {
      const other = await createTenant(t.services);
      const error = await domainError(createShare(t.services.shares, other.actor(other.manager), report, {}));
      expect(error.code).toBe("not_found");
      const malformed = await domainError(
        createShare(
          t.services.shares,
          tenant.actor(tenant.manager),
          { type: "report", id: "not-a-uuid" },
          {},
        ),
      );
      expect(malformed.code).toBe("not_found");
    });
  });

  describe("extend, revoke, remove, cancel", () => {
    beforeAll(fresh);

    it("extends from now, owner only, and revives an expired share", async () => {
      const owner = tenant.actor(tenant.members[0]!);
      const view = await createShare(t.services.shares, owner, report, { expiration_days: 1 });
      clock.advance(2 * DAY);
      expect(
        (await domainError(readPublicShare(t.services.publicRead, view.accessToken as string))).code,
      ).toBe("gone");

      for (const intruder of [tenant.manager, tenant.members[1]!]) {
        const error = await domainError(
          extendShare(t.services.shares, tenant.actor(intruder), view.share.id, { expiration_days: 5 }),
        );
        expect(error.code).toBe("forbidden");
      }

      const extended = await extendShare(t.services.shares, owner, view.share.id, { expiration_days: 5 });
      expect(extended.accessToken).toBe(view.accessToken);
      const row = await shareRow(t.db, view.share.id);
      expect(row?.expiresAt).toEqual(new Date(clock.now().getTime() + 5 * DAY));
      await expect(readPublicShare(t.services.publicRead, view.accessToken as string)).resolves.toBeTruthy();

      const events = await eventsOf(t.db, view.share.id);
      expect(events.at(-1)).toMatchObject({
        type: "extended",
        oldExpiresAt: view.share.expiresAt,
        newExpiresAt: row?.expiresAt,
      });
    });

    it("revokes only the caller's shares, idempotently", async () => {
      const mine = await createShare(t.services.shares, tenant.actor(tenant.members[1]!), schedule, {});
      const theirs = await createShare(t.services.shares, tenant.actor(tenant.manager), schedule, {});

      expect(await revokeMyShares(t.services.shares, tenant.actor(tenant.members[1]!), schedule)).toBe(1);
      expect(await revokeMyShares(t.services.shares, tenant.actor(tenant.members[1]!), schedule)).toBe(0);
      expect(await shareRow(t.db, mine.share.id)).toBeNull();
      expect(await shareRow(t.db, theirs.share.id)).not.toBeNull();
      expect((await eventsOf(t.db, mine.share.id)).map((e) => e.type)).toEqual(["created", "revoked"]);
    });

    it("removes for the owner or a manager, never for another member or brand", async () => {
      const view = await createShare(t.services.shares, tenant.actor(tenant.members[0]!), schedule, {});
      const member = await domainError(
        removeShare(t.services.shares, tenant.actor(tenant.members[1]!), view.share.id),
      );
      expect(member.code).toBe("forbidden");
      const other = await createTenant(t.services);
      const outsider = await domainError(
        removeShare(t.services.shares, other.actor(other.manager), view.share.id),
      );
      expect(outsider.code).toBe("not_found");

      await removeShare(t.services.shares, tenant.actor(tenant.manager, "req-rm"), view.share.id);
      expect(await shareRow(t.db, view.share.id)).toBeNull();
      expect((await eventsOf(t.db, view.share.id)).at(-1)).toMatchObject({
        type: "removed",
        actorId: tenant.manager.id,
        requestId: "req-rm",
      });
      // The report itself is untouched.
      expect(
        await t.services.shares.resources.findScheduledReport(tenant.brand.id, tenant.schedule.id),
      ).not.toBeNull();
    });

    it("cancels in bulk with one result per distinct id", async () => {
      const a = await createShare(t.services.shares, tenant.actor(tenant.members[0]!), report, {
        rotate: true,
      });
      const b = await createShare(t.services.shares, tenant.actor(tenant.manager), report, { rotate: true });
      const unknown = "00000000-0000-4000-8000-000000000000";
      const results = await cancelShares(t.services.shares, tenant.actor(tenant.members[0]!), {
        share_ids: [a.share.id, b.share.id, unknown, a.share.id.toUpperCase()],
      });
      expect(results).toEqual([
        { share_id: a.share.id, status: "cancelled" },
        { share_id: b.share.id, status: "forbidden" },
        { share_id: unknown, status: "not_found" },
      ]);
      expect(await shareRow(t.db, a.share.id)).toBeNull();
      expect(await shareRow(t.db, b.share.id)).not.toBeNull();
      expect((await eventsOf(t.db, a.share.id)).at(-1)?.type).toBe("cancelled");
    });
  });

  describe("reads", () => {
    beforeAll(fresh);

    it("lists a resource's active shares newest first, withholding teammates' tokens", async () => {
      const expired = await createShare(t.services.shares, tenant.actor(tenant.members[1]!), report, {
        expiration_days: 1,
      });
      clock.advance(DAY + 1);
      const first = await createShare(t.services.shares, tenant.actor(tenant.manager), report, {});
      clock.advance(1000);
      const second = await createShare(t.services.shares, tenant.actor(tenant.members[0]!), report, {});

      const views = await listResourceShares(t.services.shares, tenant.actor(tenant.manager), report);
      expect(views.map((v) => v.share.id)).toEqual([second.share.id, first.share.id]);
      expect(views.map((v) => v.share.id)).not.toContain(expired.share.id);
      expect(views[0]?.accessToken).toBeNull();
      expect(views[1]?.accessToken).toBe(first.accessToken);
    });

    it("joins each share's owner into the resource list, and views carry status and permissions", async () => {
      const member = tenant.members[1]!;
      const made = await createShare(t.services.shares, tenant.actor(member), schedule, {});
      const listed = await t.services.shares.shares.listActiveByResource(schedule, clock.now());
      expect(listed.find((s) => s.id === made.share.id)?.owner).toEqual({
        id: member.id,
        name: member.name,
        email: member.email,
      });
      expect(await t.services.shares.shares.findOwner(member.id)).toEqual({
        id: member.id,
        name: member.name,
        email: member.email,
      });
      expect(await t.services.shares.shares.findOwner(crypto.randomUUID())).toBeNull();
      const [asManager] = await listResourceShares(t.services.shares, tenant.actor(tenant.manager), schedule);
      expect(asManager).toMatchObject({
        isMine: false,
        canRemove: true,
        status: "active",
        accessToken: null,
        owner: { id: member.id, email: member.email },
      });
      expect(made).toMatchObject({ isMine: true, canRemove: true, owner: { id: member.id } });
    });

    it("serves the public page from one lookup, brand defaults merged under the override", async () => {
      await updateBrand(t.services.provisioning, tenant.brand.id, {
        white_label: { company_name: "Brand Co", primary_color: "#000000", hide_powered_by: true },
      });
      const view = await createShare(t.services.shares, tenant.actor(tenant.manager), schedule, {
        white_label_config: { primary_color: "#FFFFFF" },
      });
      const page = await readPublicShare(t.services.publicRead, view.accessToken as string);
      expect(page).toMatchObject({
        share_type: "scheduled",
        title: tenant.schedule.name,
        expires_at: view.share.expiresAt.toISOString(),
        white_label: {
          company_name: "Brand Co",
          primary_color: "#FFFFFF",
          hide_powered_by: true,
          logo_url: null,
        },
        snapshot: { kind: "scheduled", run_count: 1 },
      });
      const unknown = await domainError(readPublicShare(t.services.publicRead, "A".repeat(43)));
      expect(unknown.code).toBe("not_found");
    });
  });
});
