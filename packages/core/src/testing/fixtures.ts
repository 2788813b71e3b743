import type { Brand } from "../accounts/account";
import type { Actor, Role } from "../actor";
import { NO_SHARE_POLICY } from "../brands/share-policy";
import type { RandomSource } from "../random";
import type { Report, ReportRun, ResultRow, ScheduledReport } from "../reports/report";
import { expiresAtFrom } from "../shares/expiry";
import type { ResourceRef, Share } from "../shares/share";
import { buildReportSnapshot } from "../shares/snapshot";
import { hashToken } from "../shares/token";
import { createSeededRandom } from "./seeded-random";

/**
 * Builders for the things shares point at and the people who make them. Each
 * takes overrides, and ids come from a seeded source so failures reproduce;
 * pass `ids` to draw from a kit's own source instead of the module's.
 */
const moduleIds = createSeededRandom(0xf1c70000);
let requestCounter = 0;

export interface BuildOptions {
  ids?: RandomSource;
}

const nextId = (options: BuildOptions) => (options.ids ?? moduleIds).uuid();

export const buildBrand = (overrides: Partial<Brand> = {}, options: BuildOptions = {}): Brand => ({
  id: nextId(options),
  name: "Acme Analytics",
  whiteLabel: null,
  sharePolicy: NO_SHARE_POLICY,
  createdAt: new Date("2025-01-02T10:00:00.000Z"),
  ...overrides,
});

/** A fresh user of the brand on every call; `requestId` is distinct so audit rows can be told apart. */
export const buildActor = (
  brand: Pick<Brand, "id">,
  role: Role = "member",
  overrides: Partial<Actor> = {},
  options: BuildOptions = {},
): Actor => {
  requestCounter += 1;
  return {
    userId: nextId(options),
    brandId: brand.id,
    role,
    requestId: `req_${requestCounter}`,
    ...overrides,
  };
};

export const resultRow = (overrides: Partial<ResultRow> = {}): ResultRow => ({
  prompt: "best crm for small agencies",
  engine: "chatgpt",
  mentioned: true,
  position: 1,
  sentiment: "positive",
  ...overrides,
});

/**
 * Three prompts across three engines, the shape a real run has. Worked out by
 * hand for tests that want fixed numbers:
 * - 8 rows, 5 mentioned (rate 0.625), positions 2, 1, 4, 3 (average 2.5;
 *   the gemini mention without a rank does not count toward it);
 * - chatgpt 2/3 mentioned, avg 3; gemini 1/2, avg null; perplexity 2/3, avg 2.
 */
export const sampleResultRows = (): ResultRow[] => [
  resultRow({ prompt: "best crm for small agencies", engine: "chatgpt", position: 2 }),
  resultRow({ prompt: "best crm for small agencies", engine: "perplexity", position: 1 }),
  resultRow({
    prompt: "best crm for small agencies",
    engine: "gemini",
    mentioned: false,
    position: null,
    sentiment: null,
  }),
  resultRow({
    prompt: "hubspot alternatives for startups",
    engine: "chatgpt",
    position: 4,
    sentiment: "neutral",
  }),
  resultRow({
    prompt: "hubspot alternatives for startups",
    engine: "perplexity",
    mentioned: false,
    position: null,
    sentiment: null,
  }),
  resultRow({
    prompt: "hubspot alternatives for startups",
    engine: "gemini",
    position: null,
    sentiment: "negative",
  }),
  resultRow({
    prompt: "crm with built-in invoicing",
    engine: "chatgpt",
    mentioned: false,
    position: null,
    sentiment: null,
  }),
  resultRow({
    prompt: "crm with built-in invoicing",
    engine: "perplexity",
    position: 3,
    sentiment: "neutral",
  }),
];

export const buildReport = (
  brand: Pick<Brand, "id">,
  overrides: Partial<Report> = {},
  options: BuildOptions = {},
): Report => ({
  id: nextId(options),
  brandId: brand.id,
  title: "AI visibility: CRM prompts, March",
  status: "completed",
  createdBy: nextId(options),
  createdAt: new Date("2025-03-01T08:00:00.000Z"),
  completedAt: new Date("2025-03-01T08:20:00.000Z"),
  results: sampleResultRows(),
  ...overrides,
});

export const buildRun = (
  scheduledReportId: string,
  overrides: Partial<ReportRun> = {},
  options: BuildOptions = {},
): ReportRun => ({
  id: nextId(options),
  scheduledReportId,
  status: "completed",
  startedAt: new Date("2025-03-03T06:00:00.000Z"),
  completedAt: new Date("2025-03-03T06:10:00.000Z"),
  results: sampleResultRows(),
  ...overrides,
});

/**
 * A weekly schedule whose history has every kind of run: two completed, one
 * failed in between (with partial rows and a finish time, so only its status
 * can keep it out of a snapshot) and one still running.
 * Completed: run 1 has 1 of 4 rows mentioned (0.25), run 3 has 3 of 4 (0.75).
 */
export const buildSchedule = (
  brand: Pick<Brand, "id">,
  overrides: Partial<ScheduledReport> = {},
  options: BuildOptions = {},
): ScheduledReport => {
  const id = overrides.id ?? nextId(options);
  const rows = (mentioned: boolean[]) =>
    mentioned.map((isMentioned, i) =>
      resultRow({
        prompt: `prompt ${i + 1}`,
        engine: i % 2 === 0 ? "chatgpt" : "claude",
        mentioned: isMentioned,
        position: isMentioned ? i + 1 : null,
        sentiment: isMentioned ? "positive" : null,
      }),
    );
  const day = (d: number, time: string) => new Date(`2025-03-0${d}T${time}.000Z`);
  return {
    id,
    brandId: brand.id,
    name: "Weekly CRM visibility",
    cadence: "weekly",
    createdBy: nextId(options),
    createdAt: new Date("2025-03-01T00:00:00.000Z"),
    runs: [
      buildRun(
        id,
        {
          startedAt: day(3, "06:00:00"),
          completedAt: day(3, "06:10:00"),
          results: rows([true, false, false, false]),
        },
        options,
      ),
      buildRun(
        id,
        {
          status: "failed",
          startedAt: day(4, "06:00:00"),
          completedAt: day(4, "06:03:00"),
          results: rows([true, true]),
        },
        options,
      ),
      buildRun(
        id,
        {
          startedAt: day(5, "06:00:00"),
          completedAt: day(5, "06:12:00"),
          results: rows([true, true, false, true]),
        },
        options,
      ),
      buildRun(
        id,
        { status: "running", startedAt: day(6, "06:00:00"), completedAt: null, results: rows([true]) },
        options,
      ),
    ],
    ...overrides,
  };
};

/**
 * A share row as a repository stores it, for repository tests that bypass the
 * use cases. The token is derived from the id so hashes stay unique; the
 * ciphertext is a placeholder, since no repository ever decrypts it.
 */
export const buildShare = (
  owner: Pick<Actor, "userId" | "brandId">,
  resource: ResourceRef,
  overrides: Partial<Share> = {},
  options: BuildOptions = {},
): Share => {
  const id = overrides.id ?? nextId(options);
  const createdAt = overrides.createdAt ?? new Date("2025-03-10T09:00:00.000Z");
  return {
    id,
    brandId: owner.brandId,
    ownerId: owner.userId,
    resource,
    tokenHash: hashToken(`token-for-${id}`),
    tokenCiphertext: `not-a-real-ciphertext-${id}`,
    snapshot: buildReportSnapshot(buildReport({ id: owner.brandId }, {}, options), createdAt),
    whiteLabel: null,
    createdAt,
    updatedAt: createdAt,
    expiresAt: expiresAtFrom(createdAt, 30),
    pausedAt: null,
    passwordHash: null,
    maxViews: null,
    viewsUsed: 0,
    ...overrides,
  };
};
