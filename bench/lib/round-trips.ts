import type http from "node:http";
import { keepAliveAgent, type Reply, request } from "./http-client";
import type { Calibration } from "./loader";
import type { CountingProxy } from "./pg-counting-proxy";
import { log } from "./progress";

/**
 * What one request asks of the database, counted by a proxy between a server
 * and PostgreSQL (lib/pg-counting-proxy.ts): requests are sent one at a time,
 * after a warm-up (connections open, statements prepared), and the counts
 * divided by the requests. A background flush (view counts) that falls in the
 * window is counted too: it is part of what the requests cost.
 */

export interface RoundTripFigures {
  target: string;
  operation: string;
  requests: number;
  /** Per request. */
  roundTrips: number;
  statements: number;
  parses: number;
}

interface Operation {
  name: string;
  expected: number;
  /** Sends the k-th request of this operation. */
  send(agent: http.Agent, k: number): Promise<Reply>;
}

const WARMUP = 8;
const MEASURED = 30;

const measure = async (
  proxy: CountingProxy,
  target: string,
  operation: Operation,
  offset: number,
): Promise<RoundTripFigures> => {
  const agent = keepAliveAgent();
  try {
    for (let k = 0; k < WARMUP; k += 1) await operation.send(agent, offset + k);
    await new Promise((resolve) => setTimeout(resolve, 50));
    proxy.reset();
    for (let k = WARMUP; k < WARMUP + MEASURED; k += 1) {
      const reply = await operation.send(agent, offset + k);
      if (reply.status !== operation.expected)
        throw new Error(
          `round-trip count, ${target} ${operation.name}: expected ${operation.expected}, got ${reply.status} ${reply.body.slice(0, 200)}`,
        );
    }
    const { roundTrips, statements, parses } = proxy.counts;
    const per = (n: number) => Math.round((n / MEASURED) * 10) / 10;
    const figures = {
      target,
      operation: operation.name,
      requests: MEASURED,
      roundTrips: per(roundTrips),
      statements: per(statements),
      parses: per(parses),
    };
    log(
      `   ${`${target} ${operation.name}`.padEnd(24)} ${figures.roundTrips} round trips, ` +
        `${figures.statements} statements, ${figures.parses} parses per request`,
    );
    return figures;
  } finally {
    agent.destroy();
  }
};

/** Creates, refreshes and extends by one calibration client, then public reads. */
export const writeOperations = (baseUrl: string, client: Calibration["writers"][number]): Operation[] => {
  const shares: { reportId: string; shareId: string }[] = [];
  const total = WARMUP + MEASURED;
  return [
    {
      name: "create",
      expected: 201,
      async send(agent, k) {
        const reportId = client.reportIds[k] as string;
        const reply = await request(agent, baseUrl, "POST", `/v1/reports/${reportId}/shares`, client.apiKey, {
          expiration_days: 30,
        });
        if (reply.status === 201)
          shares.push({ reportId, shareId: (JSON.parse(reply.body) as { id: string }).id });
        return reply;
      },
    },
    {
      name: "refresh",
      expected: 200,
      send: (agent, k) =>
        request(
          agent,
          baseUrl,
          "POST",
          `/v1/reports/${shares[k % total]?.reportId}/shares`,
          client.apiKey,
          {},
        ),
    },
    {
      name: "extend",
      expected: 200,
      send: (agent, k) => {
        const share = shares[k % total];
        return request(
          agent,
          baseUrl,
          "PATCH",
          `/v1/reports/${share?.reportId}/shares/${share?.shareId}`,
          client.apiKey,
          { expiration_days: 90 },
        );
      },
    },
  ];
};

export const readOperations = (baseUrl: string, tokens: readonly string[], page: boolean): Operation[] => [
  {
    name: "public read",
    expected: 200,
    send: (agent, k) => request(agent, baseUrl, "GET", `/v1/shared/${tokens[k % tokens.length]}`, null),
  },
  ...(page
    ? [
        {
          name: "public page",
          expected: 200,
          send: (agent: http.Agent, k: number) =>
            request(agent, baseUrl, "GET", `/shared/${tokens[(k + 500) % tokens.length]}`, null),
        },
      ]
    : []),
];

export const countRoundTrips = async (
  proxy: CountingProxy,
  target: string,
  operations: readonly Operation[],
): Promise<RoundTripFigures[]> => {
  const figures: RoundTripFigures[] = [];
  for (const operation of operations) figures.push(await measure(proxy, target, operation, 0));
  return figures;
};
