// Test data made over the admin API through the balancer: one brand, users
// with API keys, completed reports to share.
import { ADMIN_TOKEN, expectStatus } from "./app.mjs";

const ROWS = ["chatgpt", "claude", "gemini", "perplexity"].map((engine, i) => ({
  prompt: "best crm for small agencies",
  engine,
  mentioned: i % 2 === 0,
  position: i % 2 === 0 ? i + 1 : null,
  sentiment: i % 2 === 0 ? "positive" : null,
}));

/** Runs `work` over `items` with at most `limit` at a time. */
export const pool = async (items, limit, work) => {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

export const seedWorld = async (http, { users: userCount, reports: reportCount }) => {
  const admin = async (path, body, what) =>
    expectStatus(await http.request("POST", path, { token: ADMIN_TOKEN, body }), 201, what);
  const tag = Date.now().toString(36);
  const brand = await admin("/v1/admin/brands", { name: `Scale ${tag}` }, "create brand");
  const users = await pool(
    Array.from({ length: userCount }, (_, i) => i),
    8,
    async (i) => {
      const user = await admin(
        `/v1/admin/brands/${brand.id}/users`,
        { email: `scale${i}.${tag}@scale.test`, name: `Scale ${i}`, role: i === 0 ? "manager" : "member" },
        "create user",
      );
      const key = await admin(`/v1/admin/users/${user.id}/api-keys`, { name: "scale" }, "create API key");
      return { id: user.id, apiKey: key.key };
    },
  );
  const completedAt = new Date(Date.now() - 3_600_000).toISOString();
  const reports = await pool(
    Array.from({ length: reportCount }, (_, i) => i),
    4,
    (i) =>
      admin(
        `/v1/admin/brands/${brand.id}/reports`,
        {
          title: `Scale report ${i}`,
          created_by: users[0].id,
          status: "completed",
          completed_at: completedAt,
          results: ROWS,
        },
        "create report",
      ),
  );
  return { brand, users, reports: reports.map((r) => r.id) };
};
