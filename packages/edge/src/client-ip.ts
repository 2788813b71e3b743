import type { RequestHeaders } from "./headers";

const forwardedChain = (headers: RequestHeaders): string[] => {
  const raw = headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  if (!value) return [];
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
};

/**
 * The client address. With `trustProxyHops` = n > 0, the n-th address from the
 * right of `X-Forwarded-For` + peer is taken: entries further left were written
 * by the client and cannot be trusted. With 0, the peer itself. Without a peer
 * (a fetch Request has no socket) the right-most entry, the one the hosting
 * server appended.
 */
export const resolveClientIp = (
  peer: string | undefined,
  headers: RequestHeaders,
  trustProxyHops: number,
): string => {
  if (trustProxyHops > 0 || peer === undefined) {
    const chain = forwardedChain(headers);
    if (peer !== undefined) chain.push(peer);
    if (chain.length > 0) {
      const index =
        peer === undefined ? chain.length - Math.max(1, trustProxyHops) : chain.length - 1 - trustProxyHops;
      return chain[Math.max(0, index)] as string;
    }
  }
  return peer ?? "unknown";
};
