import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ok } from "./support/api";
import { artifact, newContext, signIn } from "./support/browser";
import { launchChromium, requireChromium } from "./support/chromium";
import { sharedServer } from "./support/shared";
import { seedWorld, shareViaApi, type World } from "./support/world";

const chromePath = requireChromium();

describe.skipIf(!chromePath)("teammates' links on a report", () => {
  let server: { baseUrl: string; adminToken: string };
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    world = await seedWorld(server.baseUrl, server.adminToken, "Contoso");
    browser = await launchChromium(chromePath as string);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("a member sees teammates' links but cannot revoke them; a manager revokes one and bulk-revokes the rest", async () => {
    const report = { type: "report" as const, id: world.report.id };
    const alices = await shareViaApi(world, world.alice, report, { expiration_days: 7 });
    const bobs = await shareViaApi(world, world.bob, report);
    const carols = await shareViaApi(world, world.carol, report, { expiration_days: 90 });

    // Bob, a member: his own link on top, the others listed without controls.
    const memberContext = await newContext(browser);
    const member = await memberContext.newPage();
    await signIn(member, server.baseUrl, world.bob);
    await member.getByRole("link", { name: world.report.title }).click();
    const memberPanel = member.getByTestId("share-panel");
    expect(await member.getByTestId("my-share-url").inputValue()).toBe(bobs.share_url);
    await memberPanel.getByTestId("cap-meter").filter({ hasText: "3 of 50 links in use" }).waitFor();
    const memberRows = memberPanel.getByTestId("share-row");
    await expect.poll(() => memberRows.count()).toBe(2);
    await memberRows.filter({ hasText: "Alice" }).waitFor();
    expect(await memberPanel.getByRole("checkbox").count()).toBe(0);
    expect(await memberPanel.getByRole("button", { name: /^Revoke .*'s link$/ }).count()).toBe(0);
    await memberPanel.getByText("Only managers can revoke teammates' links.").waitFor();
    await memberContext.close();

    // Maya, a manager: every teammate's link is revocable.
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.manager);
    await page.getByRole("link", { name: world.report.title }).click();
    const panel = page.getByTestId("share-panel");
    const rows = panel.getByTestId("share-row");
    await expect.poll(() => rows.count()).toBe(3);
    await panel.getByRole("heading", { name: "Create your link" }).waitFor();
    await page.waitForTimeout(300);
    await panel.screenshot({ path: artifact("dashboard-share-panel-manager-desktop.png") });

    await panel.getByRole("button", { name: "Revoke Alice's link" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Alice's link stops working immediately").waitFor();
    await dialog.getByRole("button", { name: "Revoke link" }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await panel.getByTestId("cap-meter").filter({ hasText: "2 of 50 links in use" }).waitFor();
    expect((await call(server.baseUrl, "GET", `/shared/${alices.access_token}`, null)).status).toBe(404);

    // Select both remaining links and revoke them in one action.
    await panel.getByRole("checkbox", { name: "Select Bob's link" }).check();
    await panel.getByRole("checkbox", { name: "Select Carol's link" }).check();
    await panel.getByText("2 selected").waitFor();
    await panel.getByRole("button", { name: "Revoke selected" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Keep links" }).waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke 2 links" }).click();
    await page.getByText("2 links revoked").first().waitFor();
    await panel.getByText("No one else on your team has shared this report.").waitFor();
    await panel.getByTestId("cap-meter").filter({ hasText: "0 of 50 links in use" }).waitFor();
    for (const share of [bobs, carols]) {
      expect((await call(server.baseUrl, "GET", `/shared/${share.access_token}`, null)).status).toBe(404);
    }
    await context.close();
  });

  it("shows the reason when the 50-link cap is hit", async () => {
    const admin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
      ok<T>(server.baseUrl, method, path, server.adminToken, body);
    const report = await admin<{ id: string }>("POST", `/v1/admin/brands/${world.brand.id}/reports`, {
      title: "Crowded report",
      created_by: world.manager.id,
      status: "completed",
      completed_at: new Date().toISOString(),
      results: [{ prompt: "p", engine: "chatgpt", mentioned: true, position: 1, sentiment: "positive" }],
    });
    // 49 teammates share it, so the page opens at 49 of 50.
    const keys: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const user = await admin<{ id: string }>("POST", `/v1/admin/brands/${world.brand.id}/users`, {
        email: `mate${i}.${world.brand.id.slice(0, 8)}@e2e.test`,
        role: "member",
      });
      keys.push((await admin<{ key: string }>("POST", `/v1/admin/users/${user.id}/api-keys`, {})).key);
    }
    await Promise.all(
      keys.slice(0, 49).map((key) => ok(server.baseUrl, "POST", `/v1/reports/${report.id}/shares`, key, {})),
    );

    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, world.alice);
    await page.goto(`${server.baseUrl}/reports/${report.id}`);
    const panel = page.getByTestId("share-panel");
    await panel.getByTestId("cap-meter").filter({ hasText: "49 of 50 links in use" }).waitFor();

    // The last slot goes to someone else while the page is open; Alice's create then hits the cap.
    await ok(server.baseUrl, "POST", `/v1/reports/${report.id}/shares`, keys[49] as string, {});
    await panel.getByRole("button", { name: "Create link" }).click();
    await panel.getByRole("alert").filter({ hasText: "Link limit reached" }).waitFor();
    await panel.getByText("All 50 links for this report are in use").waitFor();
    await panel.getByTestId("cap-meter").filter({ hasText: "50 of 50 links in use" }).waitFor();
    expect(await panel.getByRole("button", { name: "Create link" }).isDisabled()).toBe(true);
    await panel.screenshot({ path: artifact("dashboard-share-panel-cap-reached.png") });
    await context.close();
  });
});
