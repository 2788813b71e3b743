import {
  addRun,
  createApiKey,
  createBrand,
  createReport,
  createScheduledReport,
  createShare,
  createUser,
  type User,
} from "@sharelinks/core";
import { demoResultRows, prng } from "./demo-results";
import { brands } from "./schema";
import type { Services } from "./services";

/** The sign-in the start line prints. Demo data only: never seeded outside embedded mode by default. */
export const DEMO_EMAIL = "demo@acme.test";
export const DEMO_PASSWORD = "sharelinks-demo";
export const DEMO_MEMBER_EMAIL = "maya@acme.test";
export const DEMO_OTHER_BRAND_EMAIL = "sam@globex.test";

export interface DemoSeed {
  /** False when the database already had a brand and nothing was written. */
  seeded: boolean;
  email: string;
  password: string;
  /** The demo manager's API key; only known on the run that created it (keys are stored hashed). */
  apiKey: string | null;
}

const CRM_PROMPTS = [
  "best CRM for startups",
  "CRM with the best email integration",
  "affordable CRM for small sales teams",
  "which CRM has the best mobile app",
  "HubSpot alternatives",
  "CRM for B2B SaaS companies",
];

const PM_PROMPTS = [
  "best project management tool for remote teams",
  "Asana vs Trello vs Acme",
  "project management software with time tracking",
  "kanban tool for engineering teams",
];

const AUTOMATION_PROMPTS = [
  "leading industrial automation vendors",
  "best PLC manufacturers",
  "robotics suppliers for automotive plants",
];

/** The seed's reports: every prompt asked of every engine, mentions ranked 1..6. */
const results = (prompts: readonly string[], seed: number, visibility: number) =>
  demoResultRows({ prompts, visibility, next: prng(seed), maxPosition: 6 });

/**
 * Fills an empty database with two brands, their people and reports, so the
 * app has something to show on first start. Goes through core's provisioning
 * use cases like any host product would. Does nothing if any brand exists.
 */
export const seedDemo = async (services: Services): Promise<DemoSeed> => {
  const skipped: DemoSeed = { seeded: false, email: DEMO_EMAIL, password: DEMO_PASSWORD, apiKey: null };
  const existing = await services.db.orm.select({ id: brands.id }).from(brands).limit(1);
  if (existing.length > 0) return skipped;

  const deps = services.provisioning;
  const now = deps.clock.now().getTime();
  const daysAgo = (days: number, hours = 0) => new Date(now - (days * 24 + hours) * 3_600_000).toISOString();

  const acme = await createBrand(deps, {
    name: "Acme Analytics",
    white_label: { company_name: "Acme Analytics", primary_color: "#0F766E" },
  });
  const globex = await createBrand(deps, {
    name: "Globex",
    white_label: { company_name: "Globex Corporation", primary_color: "#B91C1C", hide_powered_by: true },
  });

  const person = (brandId: string, email: string, name: string, role: User["role"]) =>
    createUser(deps, brandId, { email, name, role, password: DEMO_PASSWORD });
  const manager = await person(acme.id, DEMO_EMAIL, "Dana Whitfield", "manager");
  const maya = await person(acme.id, DEMO_MEMBER_EMAIL, "Maya Chen", "member");
  await person(acme.id, "leo@acme.test", "Leo Martins", "member");
  const sam = await person(globex.id, DEMO_OTHER_BRAND_EMAIL, "Sam Rivera", "member");

  const crmReport = await createReport(deps, acme.id, {
    title: "CRM visibility: Q3 deep dive",
    created_by: manager.id,
    status: "completed",
    completed_at: daysAgo(2),
    results: results(CRM_PROMPTS, 1, 0.55),
  });
  await createReport(deps, acme.id, {
    title: "Project management tools: October",
    created_by: maya.id,
    status: "completed",
    completed_at: daysAgo(9),
    results: results(PM_PROMPTS, 2, 0.35),
  });
  await createReport(deps, acme.id, {
    title: "Email marketing landscape",
    created_by: manager.id,
    status: "running",
    results: [],
  });
  await createReport(deps, globex.id, {
    title: "Industrial automation vendors",
    created_by: sam.id,
    status: "completed",
    completed_at: daysAgo(4),
    results: results(AUTOMATION_PROMPTS, 3, 0.7),
  });

  const schedule = await createScheduledReport(deps, acme.id, {
    name: "Weekly AI visibility: CRM",
    cadence: "weekly",
    created_by: manager.id,
  });
  // Visibility climbs week over week, so the public page's trend chart has a story.
  const weeks = [
    { ago: 28, status: "completed", visibility: 0.3 },
    { ago: 21, status: "completed", visibility: 0.4 },
    { ago: 14, status: "failed", visibility: 0 },
    { ago: 7, status: "completed", visibility: 0.55 },
    { ago: 0, status: "running", visibility: 0 },
  ] as const;
  for (const [i, week] of weeks.entries()) {
    await addRun(deps, schedule.id, {
      status: week.status,
      started_at: daysAgo(week.ago, 1),
      completed_at: week.status === "running" ? undefined : daysAgo(week.ago),
      results: week.status === "completed" ? results(CRM_PROMPTS, 10 + i, week.visibility) : [],
    });
  }

  // A teammate's link, so the manager sees someone else's share on the report.
  await createShare(
    services.shares,
    { userId: maya.id, brandId: acme.id, role: maya.role, requestId: null },
    {
      type: "report",
      id: crmReport.id,
    },
    { expiration_days: 14 },
  );

  const { key } = await createApiKey(services.accounts, manager.id, { name: "Demo key" });
  return { seeded: true, email: DEMO_EMAIL, password: DEMO_PASSWORD, apiKey: key };
};
