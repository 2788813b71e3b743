import { rateLimitExceeded } from "@sharelinks/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FailureGuard, RequestGuards } from "./guards";
import {
  type Backend,
  Browser,
  backendKinds,
  expectTRPCError,
  openBackend,
  PASSWORD,
  seedWorld,
  type World,
} from "./test-support/harness";

/** A failure budget like the server's (which lives in the HTTP layer): `limit` failures, then refused. */
const budget = (limit: number): FailureGuard & { failures: number } => {
  const guard = {
    failures: 0,
    check() {
      if (guard.failures >= limit) throw rateLimitExceeded(42, "Too many failed attempts; try again later");
    },
    async fail() {
      guard.failures += 1;
    },
  };
  return guard;
};

describe.each(backendKinds())("failure budgets in the tRPC procedures (%s)", (kind) => {
  let backend: Backend;
  let world: World;

  beforeAll(async () => {
    backend = await openBackend(kind);
    world = await seedWorld(backend.services);
  });
  afterAll(() => backend.cleanup());

  const browserWith = (guards: RequestGuards) => {
    const browser = new Browser(world.services);
    browser.guards = guards;
    return browser;
  };

  it("counts wrong passwords only: successful sign-ins cost nothing, then TOO_MANY_REQUESTS with retry_after", async () => {
    const signIn = budget(3);
    const browser = browserWith({ signInFailures: signIn, authFailures: budget(100) });
    for (let i = 0; i < 5; i += 1) await browser.signIn(world.alice.email);
    expect(signIn.failures).toBe(0);
    for (let i = 0; i < 3; i += 1)
      await expectTRPCError(browser.signIn(world.alice.email, "wrong"), "UNAUTHORIZED");
    expect(signIn.failures).toBe(3);
    // Spent: even the right password is refused, and the client is told how long to wait.
    const refused = await expectTRPCError(browser.signIn(world.alice.email, PASSWORD), "TOO_MANY_REQUESTS");
    expect(refused.cause).toMatchObject({ code: "rate_limit_exceeded", details: { retry_after: 42 } });
    expect(signIn.failures).toBe(3);
  });

  it("counts a session cookie that names no session, and refuses a spent client before looking it up", async () => {
    const auth = budget(2);
    const browser = browserWith({ signInFailures: budget(100), authFailures: auth });
    await browser.signIn(world.bob.email);
    await browser.api.auth.me();
    expect(auth.failures).toBe(0);

    const guesser = browserWith({ signInFailures: budget(100), authFailures: auth });
    for (let i = 0; i < 2; i += 1) {
      guesser.token = `${"x".repeat(42)}${i}`;
      await expectTRPCError(guesser.api.auth.me(), "UNAUTHORIZED");
    }
    expect(auth.failures).toBe(2);
    guesser.token = browser.token;
    await expectTRPCError(guesser.api.auth.me(), "TOO_MANY_REQUESTS");
    // No cookie at all is not a guess.
    const anonymous = browserWith({ signInFailures: budget(100), authFailures: budget(0) });
    await expectTRPCError(anonymous.api.auth.me(), "UNAUTHORIZED");
  });
});
