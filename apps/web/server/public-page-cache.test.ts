import { createShare, extendShare, revokeMyShares, updateBrand } from "@sharelinks/core";
import { createTenant, type Tenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerMetrics } from "./metrics/server-metrics";
import { type FrontDoorHarness, startFrontDoor } from "./test-support/front-door-harness";

const DAY = 86_400_000;

/**
 * The public page is looked up on every request and rendered once per version
 * of the link (rendered-pages.ts). Every change a viewer must see shows on the
 * very next request: a refresh, an extension, the share's and the brand's white
 * label, revocation, rotation and expiry.
 */
describe.each(testDatabaseKinds())("public page cache on %s", (kind) => {
  let h: FrontDoorHarness;
  let tenant: Tenant;

  const metrics = createServerMetrics();
  /** Page answers for a link so far: served from a kept render, or rendered. */
  const renders = async () => {
    const values = (await metrics.registry.getSingleMetric("sharelinks_public_page_renders_total")?.get())
      ?.values;
    const count = (cache: string) => values?.find((v) => v.labels.cache === cache)?.value ?? 0;
    return { hit: count("hit"), miss: count("miss") };
  };

  beforeAll(async () => {
    h = await startFrontDoor(kind, {}, { metrics });
    tenant = await createTenant(h.database.services);
  });
  afterAll(() => h?.close());

  const resource = () => ({ type: "report" as const, id: tenant.report.id });
  const owner = () => tenant.actor(tenant.members[0] as never);
  const page = async (token: string) => {
    const response = await fetch(`${h.base}/shared/${token}`);
    return { status: response.status, html: await response.text() };
  };
  const newLink = async (input: Parameters<typeof createShare>[3] = {}) => {
    const view = await createShare(h.database.services.shares, owner(), resource(), {
      rotate: true,
      ...input,
    });
    return { shareId: view.share.id, token: view.accessToken as string };
  };

  it("serves the same page again, and a refresh's new white label on the next request", async () => {
    const link = await newLink({ white_label_config: { company_name: "Before Co" } });
    const first = await page(link.token);
    expect(first.status).toBe(200);
    expect(first.html).toContain("Before Co");
    expect(await page(link.token)).toEqual(first);

    h.clock.advance(1_000);
    await createShare(h.database.services.shares, owner(), resource(), {
      white_label_config: { company_name: "After Co" },
    });
    const after = await page(link.token);
    expect(after.status).toBe(200);
    expect(after.html).toContain("After Co");
    expect(after.html).not.toContain("Before Co");
  });

  it("shows an extension's new expiry on the next request", async () => {
    const link = await newLink({ expiration_days: 30 });
    const before = await page(link.token);
    h.clock.advance(DAY);
    const extended = await extendShare(h.database.services.shares, owner(), link.shareId, {
      expiration_days: 200,
    });
    const after = await page(link.token);
    const expiresAt = extended.share.expiresAt.toISOString();
    expect(before.html).not.toContain(`dateTime="${expiresAt}"`);
    expect(after.html).toContain(`dateTime="${expiresAt}"`);
  });

  it("shows the brand's white-label change on the next request", async () => {
    const link = await newLink();
    await updateBrand(h.database.services.provisioning, tenant.brand.id, {
      white_label: { company_name: "Brand One", primary_color: "#112233" },
    });
    const one = await page(link.token);
    expect(one.html).toContain("Brand One");
    await updateBrand(h.database.services.provisioning, tenant.brand.id, {
      white_label: { company_name: "Brand Two", primary_color: "#445566" },
    });
    const two = await page(link.token);
    expect(two.html).toContain("Brand Two");
    expect(two.html).toContain("#445566");
    expect(two.html).not.toContain("Brand One");
    await updateBrand(h.database.services.provisioning, tenant.brand.id, { white_label: null });
  });

  it("answers 404 on the next request after revocation, and after rotation for the old token", async () => {
    const revoked = await newLink();
    expect((await page(revoked.token)).status).toBe(200);
    await revokeMyShares(h.database.services.shares, owner(), resource());
    expect((await page(revoked.token)).status).toBe(404);

    const old = await newLink();
    expect((await page(old.token)).status).toBe(200);
    const rotated = await newLink();
    expect((await page(old.token)).status).toBe(404);
    expect((await page(rotated.token)).status).toBe(200);
  });

  it("sends the page in parts with the exact byte length, non-ASCII text included; HEAD sends no body", async () => {
    const link = await newLink({ white_label_config: { company_name: "Zürich · 東京 🎉" } });
    const response = await fetch(`${h.base}/shared/${link.token}`);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.toString("utf8")).toContain("Zürich · 東京 🎉");
    expect(body.toString("utf8").endsWith("</html>")).toBe(true);
    expect(Number(response.headers.get("content-length"))).toBe(body.length);
    const head = await fetch(`${h.base}/shared/${link.token}`, { method: "HEAD" });
    // HEAD is answered like a preview (it must not use a view), with that page's length.
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("renders a link's page once per version: a repeat view is the kept render, byte for byte", async () => {
    const link = await newLink({ expiration_days: 30 });
    const before = await renders();
    const first = await page(link.token);
    expect(first.status).toBe(200);
    expect(await page(link.token)).toEqual(first);
    expect(await page(link.token)).toEqual(first);
    const kept = await renders();
    expect(kept.miss - before.miss).toBe(1);
    expect(kept.hit - before.hit).toBe(2);

    await extendShare(h.database.services.shares, owner(), link.shareId, { expiration_days: 60 });
    const extended = await page(link.token);
    expect(extended.html).not.toEqual(first.html);
    expect(await page(link.token)).toEqual(extended);
    const after = await renders();
    expect(after.miss - kept.miss).toBe(1);
    expect(after.hit - kept.hit).toBe(1);
  });

  it("keeps no render with PUBLIC_PAGE_CACHE_MB=0, and answers the same page", async () => {
    const uncachedMetrics = createServerMetrics();
    const uncached = await startFrontDoor(
      kind,
      { publicPageCacheBytes: 0 },
      { sharedWith: h, metrics: uncachedMetrics },
    );
    try {
      const link = await newLink();
      const cachedPage = await page(link.token);
      for (let i = 0; i < 2; i += 1) {
        const response = await fetch(`${uncached.base}/shared/${link.token}`);
        expect({ status: response.status, html: await response.text() }).toEqual(cachedPage);
      }
      const values = (
        await uncachedMetrics.registry.getSingleMetric("sharelinks_public_page_renders_total")?.get()
      )?.values;
      expect(values?.find((v) => v.labels.cache === "miss")?.value).toBe(2);
      expect(values?.find((v) => v.labels.cache === "hit")?.value ?? 0).toBe(0);
    } finally {
      await uncached.close();
    }
  });

  it("answers 410 on the next request once the link has expired", async () => {
    const link = await newLink({ expiration_days: 1 });
    expect((await page(link.token)).status).toBe(200);
    h.clock.advance(2 * DAY);
    const expired = await page(link.token);
    expect(expired.status).toBe(410);
    expect(expired.html).not.toContain(tenant.report.title);
  });
});
