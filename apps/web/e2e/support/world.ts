import { randomBytes } from "node:crypto";
import { ok } from "./api";

/**
 * One tenant provisioned through `/v1/admin/*` (the Admin operations in /docs): a brand with
 * white-label defaults, a manager and three members who can sign in and hold
 * API keys, a completed report, a running report, and a weekly schedule with
 * four completed runs plus a failed and a running one.
 */
export interface Person {
  id: string;
  email: string;
  name: string;
  password: string;
  apiKey: string;
}

export interface World {
  baseUrl: string;
  brand: { id: string; name: string };
  manager: Person;
  alice: Person;
  bob: Person;
  carol: Person;
  report: { id: string; title: string };
  runningReport: { id: string; title: string };
  schedule: { id: string; name: string };
}

export const PASSWORD = "correct horse battery staple";
export const LOGO_URL = "https://logo.e2e.test/brand.svg";

export const ENGINES = ["chatgpt", "claude", "gemini", "perplexity"];
export const PROMPTS = [
  "best crm for small agencies",
  "hubspot alternatives for startups",
  "crm with built-in invoicing",
  "simple sales pipeline tool",
];

/** Rows where roughly `rate` of the answers mention the brand, deterministic per seed. */
export const results = (rate: number, seed: number) =>
  PROMPTS.flatMap((prompt, p) =>
    ENGINES.map((engine, e) => {
      const index = p * ENGINES.length + e;
      const mentioned = ((index * 7 + seed * 3) % 16) / 16 < rate;
      return {
        prompt,
        engine,
        mentioned,
        position: mentioned ? ((index + seed) % 5) + 1 : null,
        sentiment: mentioned ? (["positive", "neutral", "negative"] as const)[(index + seed) % 3] : null,
      };
    }),
  );

const daysAgo = (days: number, hour = 8) => {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

export const seedWorld = async (baseUrl: string, adminToken: string, label = "Northwind"): Promise<World> => {
  const tag = randomBytes(3).toString("hex");
  const admin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) =>
    ok<T>(baseUrl, method, path, adminToken, body);

  const brandName = `${label} Labs`;
  const brand = await admin<{ id: string; name: string }>("POST", "/v1/admin/brands", {
    name: brandName,
    white_label: { primary_color: "#0F766E" },
  });

  const person = async (name: string, role: "manager" | "member"): Promise<Person> => {
    const email = `${name.toLowerCase()}.${tag}@e2e.test`;
    const user = await admin<{ id: string }>("POST", `/v1/admin/brands/${brand.id}/users`, {
      email,
      name,
      role,
      password: PASSWORD,
    });
    const key = await admin<{ key: string }>("POST", `/v1/admin/users/${user.id}/api-keys`, { name: "e2e" });
    return { id: user.id, email, name, password: PASSWORD, apiKey: key.key };
  };
  const manager = await person("Maya", "manager");
  const alice = await person("Alice", "member");
  const bob = await person("Bob", "member");
  const carol = await person("Carol", "member");

  const report = await admin<{ id: string; title: string }>("POST", `/v1/admin/brands/${brand.id}/reports`, {
    title: "Q3 AI visibility audit",
    created_by: manager.id,
    status: "completed",
    completed_at: daysAgo(2),
    results: results(0.6, 1),
  });
  const runningReport = await admin<{ id: string; title: string }>(
    "POST",
    `/v1/admin/brands/${brand.id}/reports`,
    {
      title: "Q4 audit (in progress)",
      created_by: manager.id,
      status: "running",
      results: [],
    },
  );
  const schedule = await admin<{ id: string; name: string }>(
    "POST",
    `/v1/admin/brands/${brand.id}/scheduled-reports`,
    {
      name: "Weekly brand pulse",
      cadence: "weekly",
      created_by: manager.id,
    },
  );
  const runs: Array<{ status: "completed" | "failed" | "running"; days: number; rate: number }> = [
    { status: "completed", days: 35, rate: 0.35 },
    { status: "completed", days: 28, rate: 0.45 },
    { status: "failed", days: 21, rate: 0 },
    { status: "completed", days: 14, rate: 0.55 },
    { status: "completed", days: 7, rate: 0.7 },
    { status: "running", days: 0, rate: 0 },
  ];
  for (const [i, run] of runs.entries()) {
    await admin("POST", `/v1/admin/scheduled-reports/${schedule.id}/runs`, {
      status: run.status,
      started_at: daysAgo(run.days, 7),
      ...(run.status === "running" ? {} : { completed_at: daysAgo(run.days, 8) }),
      results: run.status === "completed" ? results(run.rate, i) : [],
    });
  }

  return {
    baseUrl,
    brand: { id: brand.id, name: brandName },
    manager,
    alice,
    bob,
    carol,
    report,
    runningReport,
    schedule,
  };
};

/** A share made through the REST API with a user's key, for setting up a scene quickly. */
export interface RestShare {
  id: string;
  access_token: string;
  share_url: string;
  expires_at: string;
}

export const shareViaApi = (
  world: World,
  who: Person,
  resource: { type: "report" | "scheduled"; id: string },
  body: Record<string, unknown> = {},
) =>
  ok<RestShare>(
    world.baseUrl,
    "POST",
    resource.type === "report"
      ? `/v1/reports/${resource.id}/shares`
      : `/v1/scheduled-reports/${resource.id}/shares`,
    who.apiKey,
    body,
  );
