import type { Brand } from "../accounts/account";
import type { Actor, Role } from "../actor";
import type { RandomSource } from "../random";
import type { Report, ScheduledReport } from "../reports/report";
import type { ShareDeps } from "../shares/deps";
import type { ResourceRef } from "../shares/share";
import { createAesGcmTokenCipher } from "../shares/token-cipher";
import { createFakeClock, DEFAULT_TEST_NOW, type FakeClock } from "./fake-clock";
import { buildActor, buildBrand, buildReport, buildSchedule } from "./fixtures";
import { plainPasswordHasher } from "./in-memory-account-repository";
import { createInMemoryResourceReader, type InMemoryResourceReader } from "./in-memory-resource-reader";
import { createInMemoryShareRepository, type InMemoryShareRepository } from "./in-memory-share-repository";
import { createSeededRandom } from "./seeded-random";

export const TEST_TOKEN_SECRET = "test-secret-at-least-16-chars";

export interface ShareTestKitOptions {
  now?: Date | string;
  seed?: number;
  /** Overrides the 50-share cap, for tests that only care that a cap exists. */
  activeSharesPerResource?: number;
}

export interface ShareTestKit {
  deps: ShareDeps;
  shares: InMemoryShareRepository;
  resources: InMemoryResourceReader;
  clock: FakeClock;
  random: RandomSource;
  /** The tenant most tests act in. */
  brand: Brand;
  /** A second tenant, registered too, for "does not leak across brands" tests. */
  otherBrand: Brand;
  addBrand(overrides?: Partial<Brand>): Brand;
  /** A new user on every call. */
  member(brand?: Brand, overrides?: Partial<Actor>): Actor;
  manager(brand?: Brand, overrides?: Partial<Actor>): Actor;
  addReport(brand?: Brand, overrides?: Partial<Report>): { ref: ResourceRef; report: Report };
  addSchedule(
    brand?: Brand,
    overrides?: Partial<ScheduledReport>,
  ): { ref: ResourceRef; schedule: ScheduledReport };
}

/**
 * Everything a share use case needs, in memory, wired the way production wires
 * it but deterministic: a fake clock, a seeded random source, a real AES-GCM
 * cipher (so tokens really round-trip) and two brands.
 */
export const createShareTestKit = (options: ShareTestKitOptions = {}): ShareTestKit => {
  const seed = options.seed ?? 1;
  // Fixtures draw ids from their own source so adding a report does not shift share ids.
  const ids = { ids: createSeededRandom((seed + 0xfeed0000) >>> 0) };
  const shares = createInMemoryShareRepository();
  const resources = createInMemoryResourceReader();
  const clock = createFakeClock(options.now ?? DEFAULT_TEST_NOW);
  const random = createSeededRandom(seed);

  const addBrand = (overrides: Partial<Brand> = {}) => {
    const brand = buildBrand(overrides, ids);
    shares.addBrand(brand);
    return brand;
  };
  const brand = addBrand({ name: "Acme Analytics" });
  const otherBrand = addBrand({ name: "Globex" });
  let people = 0;
  // Every actor is also a known share owner, as a user row would be.
  const actor =
    (role: Role) =>
    (of: Brand = brand, overrides: Partial<Actor> = {}) => {
      const made = buildActor(of, role, overrides, ids);
      people += 1;
      shares.addOwner({ id: made.userId, name: `Person ${people}`, email: `person${people}@example.test` });
      return made;
    };

  return {
    deps: {
      shares,
      resources,
      clock,
      random,
      tokenCipher: createAesGcmTokenCipher(TEST_TOKEN_SECRET),
      passwords: plainPasswordHasher,
      ...(options.activeSharesPerResource !== undefined && {
        activeSharesPerResource: options.activeSharesPerResource,
      }),
    },
    shares,
    resources,
    clock,
    random,
    brand,
    otherBrand,
    addBrand,
    member: actor("member"),
    manager: actor("manager"),
    addReport(of = brand, overrides = {}) {
      const report = resources.addReport(buildReport(of, overrides, ids));
      return { ref: { type: "report", id: report.id }, report };
    },
    addSchedule(of = brand, overrides = {}) {
      const schedule = resources.addScheduledReport(buildSchedule(of, overrides, ids));
      return { ref: { type: "scheduled", id: schedule.id }, schedule };
    },
  };
};
