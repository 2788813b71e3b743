import {
  type Actor,
  addRun,
  type Brand,
  type Clock,
  createBrand,
  createReport,
  createScheduledReport,
  createUser,
  type Report,
  type ResultRow,
  type Role,
  type ScheduledReport,
  type User,
} from "@sharelinks/core";
import type { Services } from "../services";

/** A clock tests move by hand. */
export interface ManualClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export const createManualClock = (start = new Date("2026-01-15T12:00:00.000Z")): ManualClock => {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
};

const ENGINES = ["chatgpt", "claude", "gemini", "perplexity"];

/** `count` result rows, every third one not mentioning the brand. */
export const sampleResults = (count = 8): ResultRow[] =>
  Array.from({ length: count }, (_, i) => ({
    prompt: `prompt ${i + 1}`,
    engine: ENGINES[i % ENGINES.length] as string,
    mentioned: i % 3 !== 2,
    position: i % 3 !== 2 ? (i % 5) + 1 : null,
    sentiment: i % 3 !== 2 ? "positive" : null,
  }));

export interface Tenant {
  brand: Brand;
  manager: User;
  members: User[];
  /** Completed, so it can be shared. */
  report: Report;
  /** One completed run, so it can be shared. */
  schedule: ScheduledReport;
  actor(user: User, requestId?: string | null): Actor;
}

export interface TenantOptions {
  name?: string;
  members?: number;
}

/**
 * A brand with a manager, `members` members (default 2), a shareable report
 * and a shareable schedule, made through core's provisioning use cases.
 * Emails carry a random tag, so many tenants can live in one database.
 */
export const createTenant = async (services: Services, options: TenantOptions = {}): Promise<Tenant> => {
  const deps = services.provisioning;
  const tag = deps.random.uuid().slice(0, 8);
  const brand = await createBrand(deps, { name: options.name ?? `Brand ${tag}` });
  const user = (role: Role, label: string) =>
    createUser(deps, brand.id, { email: `${label}-${tag}@example.test`, name: label, role });
  const manager = await user("manager", "manager");
  const members: User[] = [];
  for (let i = 0; i < (options.members ?? 2); i++) members.push(await user("member", `member${i + 1}`));

  const completedAt = deps.clock.now().toISOString();
  const report = await createReport(deps, brand.id, {
    title: `Report ${tag}`,
    created_by: manager.id,
    status: "completed",
    completed_at: completedAt,
    results: sampleResults(),
  });
  const created = await createScheduledReport(deps, brand.id, {
    name: `Weekly ${tag}`,
    cadence: "weekly",
    created_by: manager.id,
  });
  const run = await addRun(deps, created.id, {
    status: "completed",
    started_at: completedAt,
    completed_at: completedAt,
    results: sampleResults(4),
  });
  return {
    brand,
    manager,
    members,
    report,
    schedule: { ...created, runs: [run] },
    actor: (u, requestId = null) => ({ userId: u.id, brandId: u.brandId, role: u.role, requestId }),
  };
};
