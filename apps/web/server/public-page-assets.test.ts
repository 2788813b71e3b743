import { createShare } from "@sharelinks/core";
import { createTenant, type Tenant, testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_PAGE_CSS } from "../public-page/styles";
import { PAGE_STYLESHEET } from "../public-page/stylesheet";
import { type FrontDoorHarness, startFrontDoor } from "./test-support/front-door-harness";

/**
 * The public page's stylesheet is its own immutable file on this origin: the
 * page links it, the server answers it without a database or a rate-limit
 * token, a browser keeps it for a year, and another build's name still gets
 * a stylesheet (uncached) rather than an unstyled page mid-deploy.
 */
describe.each(testDatabaseKinds())("the public page's stylesheet on %s", (kind) => {
  let h: FrontDoorHarness;
  let tenant: Tenant;
  let token: string;

  beforeAll(async () => {
    // Two page requests a minute per client: the stylesheet must not use them up.
    h = await startFrontDoor(kind, { publicRateLimitPerMinute: 2 });
    tenant = await createTenant(h.database.services);
    const view = await createShare(
      h.database.services.shares,
      tenant.actor(tenant.members[0] as never),
      { type: "report", id: tenant.report.id },
      { rotate: true },
    );
    token = view.accessToken as string;
  });
  afterAll(() => h?.close());

  it("is linked by the page, served as immutable CSS, and costs no page request", async () => {
    const page = await fetch(`${h.base}/shared/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("style-src 'self' 'unsafe-inline'");
    const html = await page.text();
    const href = /<link rel="stylesheet" href="([^"]+)"\/>/.exec(html)?.[1];
    expect(href).toBe(PAGE_STYLESHEET.href);
    expect(html).not.toContain(PUBLIC_PAGE_CSS.trim().slice(0, 200));

    for (let i = 0; i < 5; i += 1) {
      const css = await fetch(`${h.base}${href}`);
      expect(css.status).toBe(200);
      expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
      expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(css.headers.get("etag")).toBe(`"${PAGE_STYLESHEET.hash}"`);
      expect(css.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await css.text()).toBe(PUBLIC_PAGE_CSS.trim());
    }
    // The page's own limit still holds: one more page request, then 429.
    expect((await fetch(`${h.base}/shared/${token}`)).status).toBe(200);
    expect((await fetch(`${h.base}/shared/${token}`)).status).toBe(429);
  });

  it("answers a revalidation with 304 and HEAD without a body", async () => {
    const revalidated = await fetch(`${h.base}${PAGE_STYLESHEET.href}`, {
      headers: { "If-None-Match": `"${PAGE_STYLESHEET.hash}"` },
    });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    const head = await fetch(`${h.base}${PAGE_STYLESHEET.href}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(PAGE_STYLESHEET.bytes.length));
    expect(await head.text()).toBe("");
  });

  it("gives another build's name this build's stylesheet, never cached under that name", async () => {
    const other = PAGE_STYLESHEET.hash === "0123456789abcdef" ? "fedcba9876543210" : "0123456789abcdef";
    const css = await fetch(`${h.base}/shared/assets/page-${other}.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toBe("no-cache");
    expect(await css.text()).toBe(PUBLIC_PAGE_CSS.trim());
  });

  it("answers 404 for any other asset name and 405 for a write", async () => {
    for (const path of ["/shared/assets/", "/shared/assets/page.css", "/shared/assets/secret.env"]) {
      const response = await fetch(`${h.base}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const post = await fetch(`${h.base}${PAGE_STYLESHEET.href}`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("logs the asset under its route template, not its path", async () => {
    await fetch(`${h.base}${PAGE_STYLESHEET.href}`);
    const lines = h.logs.records().filter((line) => line.route === "/shared/assets/{file}");
    expect(lines.length).toBeGreaterThan(0);
  });
});
