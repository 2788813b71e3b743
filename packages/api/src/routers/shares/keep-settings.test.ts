import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Backend,
  type Browser,
  backendKinds,
  DAY_MS,
  openBackend,
  seedWorld,
  signedIn,
  type World,
} from "../../test-support/harness";

describe.each(backendKinds())("shares: rotate with keep_settings (%s)", (kind) => {
  let backend: Backend;
  let world: World;
  let alice: Browser;
  let reportRef: { type: "report"; id: string };
  const wl = { company_name: "Client Co", hide_powered_by: true };

  beforeAll(async () => {
    backend = await openBackend(kind);
  });
  afterAll(() => backend.cleanup());

  beforeEach(async () => {
    world = await seedWorld(backend.services);
    alice = await signedIn(world.services, world.alice);
    reportRef = { type: "report", id: world.report.id };
  });

  it("gives the new link the old one's expiry and branding", async () => {
    const first = await alice.api.shares.create({
      resource: reportRef,
      expiration_days: 200,
      white_label_config: wl,
    });
    world.clock.advance(5 * DAY_MS);
    const rotated = await alice.api.shares.create({ resource: reportRef, rotate: true, keep_settings: true });
    expect(rotated).toMatchObject({
      is_existing: false,
      expires_at: first.expires_at,
      white_label_config: wl,
      status: "active",
    });
    expect(rotated.id).not.toBe(first.id);
    expect(rotated.access_token).not.toBe(first.access_token);
  });

  it("without it, the rotated link starts from the defaults", async () => {
    await alice.api.shares.create({ resource: reportRef, expiration_days: 200, white_label_config: wl });
    world.clock.advance(5 * DAY_MS);
    const rotated = await alice.api.shares.create({ resource: reportRef, rotate: true });
    expect(rotated.white_label_config).toBeNull();
    expect(rotated.expires_at).toBe(new Date(world.clock.now().getTime() + 30 * DAY_MS).toISOString());
  });
});
