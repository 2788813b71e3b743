import { describe, expect, it } from "vitest";
import {
  Browser,
  backendKinds,
  domainCodeOf,
  expectTRPCError,
  signedIn,
  useWorld,
} from "../test-support/harness";

describe.each(backendKinds())("auth router (%s)", (kind) => {
  const t = useWorld(kind, "once");

  it("signs in with the right password: cookie set, token only in the cookie", async () => {
    const browser = new Browser(t.world.services);
    const result = await browser.signIn(t.world.alice.email.toUpperCase());
    expect(result.user).toEqual({
      id: t.world.alice.id,
      email: t.world.alice.email,
      name: "Alice",
      role: "member",
    });
    expect(result.brand).toEqual({ id: t.world.brand.id, name: "Acme" });
    expect(browser.cookieWrites).toEqual(["set"]);
    expect(browser.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.expiresAt).toBe(browser.cookieExpiresAt?.toISOString());
    expect(JSON.stringify(result)).not.toContain(browser.token);

    const me = await browser.api.auth.me();
    expect(me).toEqual({
      user: { id: t.world.alice.id, email: t.world.alice.email, name: "Alice", role: "member" },
      brand: { id: t.world.brand.id, name: "Acme" },
    });
  });

  it("refuses a wrong password or an unknown email with UNAUTHORIZED and sets no cookie", async () => {
    const browser = new Browser(t.world.services);
    const wrong = await expectTRPCError(
      browser.signIn(t.world.alice.email, "not the password"),
      "UNAUTHORIZED",
    );
    expect(wrong.message).toBe("Email or password is incorrect");
    const unknown = await expectTRPCError(browser.signIn(`nobody.${t.world.alice.email}`), "UNAUTHORIZED");
    expect(unknown.message).toBe(wrong.message);
    expect(browser.cookieWrites).toEqual([]);
    expect(browser.token).toBeNull();
  });

  it("rejects malformed sign-in input with BAD_REQUEST and field errors", async () => {
    const browser = new Browser(t.world.services);
    const { status, body } = await browser.http("auth.signIn", { email: "not-an-email", password: "" });
    expect(status).toBe(400);
    expect(body.error?.data.domainCode).toBe("body_validation_error");
    const paths = ((body.error?.data.details?.errors ?? []) as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
    expect(browser.cookieWrites).toEqual([]);
  });

  it("refuses every authed procedure without a session", async () => {
    const api = new Browser(t.world.services).api;
    const reportId = t.world.report.id;
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["auth.me", () => api.auth.me()],
      ["reports.listReports", () => api.reports.listReports()],
      ["reports.getReport", () => api.reports.getReport({ id: reportId })],
      ["schedules.listScheduledReports", () => api.schedules.listScheduledReports()],
      ["shares.listResourceShares", () => api.shares.listResourceShares({ type: "report", id: reportId })],
      ["shares.createShare", () => api.shares.createShare({ resource: { type: "report", id: reportId } })],
      ["shares.listMyShares", () => api.shares.listMyShares({})],
      ["shares.revokeMyShares", () => api.shares.revokeMyShares({ type: "report", id: reportId })],
      ["apiKeys.listMyApiKeys", () => api.apiKeys.listMyApiKeys()],
      ["apiKeys.createApiKey", () => api.apiKeys.createApiKey({})],
    ];
    for (const [name, call] of calls) {
      const error = await expectTRPCError(call(), "UNAUTHORIZED");
      expect(domainCodeOf(error), name).toBe("unauthorized");
    }
  });

  it("treats a garbage or signed-out session cookie as no session and clears it", async () => {
    const browser = new Browser(t.world.services);
    browser.token = "x".repeat(43);
    await expectTRPCError(browser.api.auth.me(), "UNAUTHORIZED");
    expect(browser.cookieWrites).toEqual(["clear"]);

    const { status, body } = await (await signedIn(t.world.services, t.world.bob)).http(
      "auth.me",
      undefined,
      "GET",
    );
    expect(status).toBe(200);
    expect(body.result?.data).toMatchObject({ user: { id: t.world.bob.id } });
  });

  it("signs out: the session dies server-side and the cookie is cleared (idempotent)", async () => {
    const browser = await signedIn(t.world.services, t.world.bob);
    const stolen = browser.token;
    expect(await browser.api.auth.signOut()).toEqual({ signedOut: true });
    expect(browser.token).toBeNull();
    expect(browser.cookieWrites).toEqual(["set", "clear"]);

    const replay = new Browser(t.world.services);
    replay.token = stolen;
    await expectTRPCError(replay.api.auth.me(), "UNAUTHORIZED");

    expect(await new Browser(t.world.services).api.auth.signOut()).toEqual({ signedOut: true });
  });

  it("signing in again replaces the previous session", async () => {
    const browser = await signedIn(t.world.services, t.world.alice);
    const first = browser.token;
    await browser.signIn(t.world.alice.email);
    expect(browser.token).not.toBe(first);
    const old = new Browser(t.world.services);
    old.token = first;
    await expectTRPCError(old.api.auth.me(), "UNAUTHORIZED");
    await expect(browser.api.auth.me()).resolves.toMatchObject({ user: { id: t.world.alice.id } });
  });
});
