import autocannon, { type Result } from "autocannon";
import postgres from "postgres";
import { log } from "./progress";
import type { ServerProcess } from "./servers";

export interface ViewCountCheck {
  /** 2xx answers the server gave to the check's requests. */
  served2xx: number;
  non2xx: number;
  /** Views (browser + bot) the database gained, read after the server's graceful stop flushed. */
  recorded: number;
  ok: boolean;
}

const recordedViews = async (databaseUrl: string): Promise<number> => {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ views: string }[]>`
      select coalesce(sum(views + bot_views), 0)::text as views from share_view_totals`;
    return Number(row?.views ?? 0);
  } finally {
    await sql.end({ timeout: 5 });
  }
};

/**
 * Views recorded must equal 2xx answers served, exactly. Runs on a server of
 * its own (started after every other server on the database has stopped, so
 * everything they recorded is flushed): a fixed number of requests (autocannon
 * waits for every answer, unlike a timed run, whose last in-flight answers it
 * drops), then a graceful stop (the final flush), then the count.
 */
export const checkViewCounts = async (options: {
  start: () => Promise<ServerProcess>;
  stop: (server: ServerProcess) => Promise<void>;
  databaseUrl: string;
  tokens: readonly string[];
  requests: number;
  connections: number;
}): Promise<ViewCountCheck> => {
  const before = await recordedViews(options.databaseUrl);
  const server = await options.start();
  let cursor = 0;
  let result: Result;
  try {
    result = await autocannon({
      url: server.baseUrl,
      connections: options.connections,
      amount: options.requests,
      timeout: 10,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => {
            cursor = (cursor + 1) % options.tokens.length;
            const token = options.tokens[cursor] as string;
            // Half on the JSON API, half on the page: both count.
            request.path = cursor % 2 === 0 ? `/v1/shared/${token}` : `/shared/${token}`;
            return request;
          },
        },
      ],
    });
  } finally {
    await options.stop(server);
  }
  const recorded = (await recordedViews(options.databaseUrl)) - before;
  const served2xx = result["2xx"];
  const check = { served2xx, non2xx: result.non2xx, recorded, ok: served2xx === recorded && served2xx > 0 };
  log(
    `   views recorded ${recorded.toLocaleString("en-US")} vs 2xx served ${served2xx.toLocaleString("en-US")} ` +
      `(non-2xx ${result.non2xx}): ${check.ok ? "exact" : "MISMATCH"}`,
  );
  return check;
};
