// Scenario 2: a rolling restart of each of the three instances (SIGTERM, wait
// for the exit, start again, wait until ready and back in haproxy's rotation)
// under steady mixed load through haproxy: not one failed request.
import { client } from "./app.mjs";
import { sleep } from "./infra.mjs";
import { startLoad } from "./load.mjs";

const MIN_REQUESTS = 5_000;
/** haproxy checks /readyz every 1 s and needs 2 good answers (rise 2) to send traffic again. */
const BACK_IN_ROTATION_MS = 3_000;

export const rollingRestart = async (ctx) => {
  const { instances, balancer, links } = ctx;
  const http = client(balancer.baseUrl, { maxSockets: 32 });
  const load = startLoad(http, { links, workers: 12, diagnose: ctx.diagnose });
  const restarts = [];
  let result;
  try {
    await sleep(2_000);
    for (const instance of instances) {
      const began = performance.now();
      const code = await instance.stop();
      const stoppedMs = performance.now() - began;
      await instance.start();
      const readyMs = performance.now() - began;
      restarts.push({ name: instance.name, code, stoppedMs, readyMs });
      console.log(
        `scale: S2 ${instance.name} restarted: exit ${code} after ${Math.round(stoppedMs)} ms, ready after ${Math.round(readyMs)} ms (${load.counts.total} requests so far)`,
      );
      await sleep(BACK_IN_ROTATION_MS);
    }
    // Enough requests on record, whatever the machine's speed.
    while (load.counts.total < MIN_REQUESTS) await sleep(250);
  } finally {
    result = await load.stop();
    http.close();
  }
  const worstStop = Math.max(...restarts.map((r) => r.stoppedMs));
  const worstReady = Math.max(...restarts.map((r) => r.readyMs));
  return {
    figures: {
      "S2 requests during the restarts": result.total,
      "S2 failed requests": result.failed,
      "S2 throughput (req/s)": result.rps,
      "S2 slowest request (ms)": result.slowestMs,
      "S2 SIGTERM to exit, worst (ms)": Math.round(worstStop),
      "S2 SIGTERM to ready again, worst (ms)": Math.round(worstReady),
      "S2 exit codes": restarts.map((r) => r.code).join(","),
    },
    checks: [
      {
        name: `S2: 0 failed requests of at least ${MIN_REQUESTS}`,
        ok: result.failed === 0 && result.total >= MIN_REQUESTS,
        detail: `${result.failed} failed of ${result.total}; ${result.failures.join(" | ")}`,
      },
      {
        name: "S2: every instance drained and exited 0",
        ok: restarts.length === instances.length && restarts.every((r) => r.code === 0),
        detail: restarts.map((r) => `${r.name}: ${r.code}`).join(", "),
      },
    ],
  };
};
