import type { PublicShare, ResultRow } from "@sharelinks/core";

/** Sample public shares for the renderer's tests and previews. */
const rows: ResultRow[] = [
  {
    prompt: "best crm for small agencies",
    engine: "chatgpt",
    mentioned: true,
    position: 2,
    sentiment: "positive",
  },
  {
    prompt: "best crm for small agencies",
    engine: "perplexity",
    mentioned: true,
    position: 1,
    sentiment: "positive",
  },
  {
    prompt: "best crm for small agencies",
    engine: "gemini",
    mentioned: false,
    position: null,
    sentiment: null,
  },
  {
    prompt: "hubspot alternatives for startups",
    engine: "chatgpt",
    mentioned: true,
    position: 4,
    sentiment: "neutral",
  },
  {
    prompt: "hubspot alternatives for startups",
    engine: "perplexity",
    mentioned: false,
    position: null,
    sentiment: null,
  },
  {
    prompt: "hubspot alternatives for startups",
    engine: "gemini",
    mentioned: true,
    position: null,
    sentiment: "negative",
  },
  {
    prompt: "crm with built-in invoicing",
    engine: "chatgpt",
    mentioned: false,
    position: null,
    sentiment: null,
  },
  {
    prompt: "crm with built-in invoicing",
    engine: "perplexity",
    mentioned: true,
    position: 3,
    sentiment: "neutral",
  },
];

export const sampleReportShare = (overrides: Partial<PublicShare> = {}): PublicShare => ({
  share_type: "report",
  title: "Q1 AI visibility audit",
  expires_at: "2026-04-10T09:00:00.000Z",
  white_label: {
    company_name: "Acme Analytics",
    logo_url: "https://cdn.acme.example/logo.png",
    primary_color: "#0E7490",
    hide_powered_by: false,
  },
  snapshot: {
    kind: "report",
    title: "Q1 AI visibility audit",
    generated_at: "2026-03-01T08:30:00.000Z",
    snapshot_at: "2026-03-11T09:00:00.000Z",
    summary: { total: 8, mentioned: 5, visibility_rate: 0.625, average_position: 2.5 },
    engines: [
      { engine: "chatgpt", total: 3, mentioned: 2, visibility_rate: 0.6667, average_position: 3 },
      { engine: "gemini", total: 2, mentioned: 1, visibility_rate: 0.5, average_position: null },
      { engine: "perplexity", total: 3, mentioned: 2, visibility_rate: 0.6667, average_position: 2 },
    ],
    results: rows,
  },
  ...overrides,
});

export const sampleScheduleShare = (overrides: Partial<PublicShare> = {}): PublicShare => ({
  share_type: "scheduled",
  title: "Weekly brand pulse",
  expires_at: "2026-04-10T09:00:00.000Z",
  white_label: {
    company_name: "Acme Analytics",
    logo_url: "https://cdn.acme.example/logo.png",
    primary_color: "#0E7490",
    hide_powered_by: false,
  },
  snapshot: {
    kind: "scheduled",
    title: "Weekly brand pulse",
    cadence: "weekly",
    generated_at: "2026-03-09T08:00:00.000Z",
    snapshot_at: "2026-03-11T09:00:00.000Z",
    run_count: 5,
    summary: { total: 40, mentioned: 23, visibility_rate: 0.575, average_position: 2.4 },
    engines: [
      { engine: "chatgpt", total: 15, mentioned: 10, visibility_rate: 0.6667, average_position: 2.1 },
      { engine: "gemini", total: 10, mentioned: 3, visibility_rate: 0.3, average_position: 3 },
      { engine: "perplexity", total: 15, mentioned: 10, visibility_rate: 0.6667, average_position: 2.2 },
    ],
    trend: [
      { run_id: "r1", completed_at: "2026-02-09T08:00:00.000Z", visibility_rate: 0.375 },
      { run_id: "r2", completed_at: "2026-02-16T08:00:00.000Z", visibility_rate: 0.5 },
      { run_id: "r3", completed_at: "2026-02-23T08:00:00.000Z", visibility_rate: 0.625 },
      { run_id: "r4", completed_at: "2026-03-02T08:00:00.000Z", visibility_rate: 0.5 },
      { run_id: "r5", completed_at: "2026-03-09T08:00:00.000Z", visibility_rate: 0.875 },
    ],
    results: rows,
  },
  ...overrides,
});
