import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** What a receiver saw of one POST. */
export interface ReceivedHook {
  webhookId: string;
  type: string;
  shareId: string;
  body: string;
  /** The signature checked out with `standardwebhooks` under the endpoint's secret. */
  verified: boolean;
  /** Answered 2xx: the sender may count it delivered. */
  acknowledged: boolean;
}

/**
 * `ok`: verify and answer 204. `hang`: hold the request without answering
 * (a receiver that is slow or gone mid-request). `fail`: answer 503.
 */
export type ReceiverMode = "ok" | "hang" | "fail";

export interface WebhookReceiver {
  url: string;
  hits: ReceivedHook[];
  mode: ReceiverMode;
  /** The `whsec_…` secret to verify with (known once the endpoint exists). */
  secret: string | null;
  /** Requests held in `hang` mode right now. */
  readonly held: number;
  close(): Promise<void>;
}

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
};

/** A real HTTP receiver on loopback that checks every signature with the `standardwebhooks` package. */
export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const held = new Set<ServerResponse>();
  const receiver: WebhookReceiver = {
    url: "",
    hits: [],
    mode: "ok",
    secret: null,
    get held() {
      return held.size;
    },
    close: async () => {
      for (const res of held) res.destroy();
      held.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        if (receiver.secret) {
          new Webhook(receiver.secret).verify(body, {
            "webhook-id": header(req.headers, "webhook-id"),
            "webhook-timestamp": header(req.headers, "webhook-timestamp"),
            "webhook-signature": header(req.headers, "webhook-signature"),
          });
          verified = true;
        }
      } catch {
        verified = false;
      }
      let parsed: { type?: string; data?: { share_id?: string } } = {};
      try {
        parsed = JSON.parse(body);
      } catch {
        // counted as unverified below
      }
      const hit: ReceivedHook = {
        webhookId: header(req.headers, "webhook-id"),
        type: parsed.type ?? "",
        shareId: parsed.data?.share_id ?? "",
        body,
        verified,
        acknowledged: false,
      };
      receiver.hits.push(hit);
      if (receiver.mode === "hang") {
        held.add(res);
        res.on("close", () => held.delete(res));
        return;
      }
      if (receiver.mode === "fail" || !verified) {
        res.writeHead(503).end();
        return;
      }
      hit.acknowledged = true;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sharelinks`;
  return receiver;
};
