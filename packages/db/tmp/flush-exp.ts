import { readFileSync } from "node:fs";
import { createDb } from "../src/index";
import { DrizzleViewSink } from "../src/repositories/view-sink";
import { firstViewWebhook } from "../src/repositories/webhook-scan";
import { sql } from "drizzle-orm";

const url = "postgres://postgres@127.0.0.1:5432/rp_bench";
const db = await createDb(url);
const cpuOfBackends = async () => {
  const rows = (await db.orm.execute(sql`select pid from pg_stat_activity where datname = 'rp_bench'`)) as unknown as { pid: number }[];
  let total = 0;
  for (const { pid } of rows) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += Number(f[11]) + Number(f[12]);
    } catch {}
  }
  return total * 10; // ms (100 Hz)
};
const n = Number(process.env.N ?? 2000);
const offset = Number(process.env.OFFSET ?? 0);
const ids = ((await db.orm.execute(sql`select id from shares order by id limit ${n} offset ${offset}`)) as unknown as { id: string }[]).map((r) => r.id);
const sink = new DrizzleViewSink(db, process.env.NO_HOOK ? null : firstViewWebhook);
const day = new Date().toISOString().slice(0, 10);
const mk = (repeat: boolean) => ids.map((shareId) => ({ shareId, day, views: 1, botViews: 0, visitorKeys: [repeat ? "v1" : "v1"], referrers: [], firstViewAt: new Date(), lastViewAt: new Date() }));
for (const label of ["first", "repeat"]) {
  const c0 = await cpuOfBackends();
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 500) await sink.recordViews(mk(label === "repeat").slice(i, i + 500));
  const t1 = performance.now();
  const c1 = await cpuOfBackends();
  console.log(`${label}: ${n} views in ${(t1 - t0).toFixed(0)} ms wall, backend CPU ${c1 - c0} ms => ${(((c1 - c0) * 1000) / n).toFixed(0)} us/view, wall ${(((t1 - t0) * 1000) / n).toFixed(0)} us/view`);
}
await db.close?.();
process.exit(0);
