import { createHmac } from "node:crypto";
import { isIPv6 } from "node:net";

/**
 * The part of a client address that names one visitor: an IPv4 address whole,
 * an IPv6 address by its /64 (one subscriber's network; the host half is
 * rotated by privacy extensions, so counting it would count one phone many times).
 */
export const visitorNetwork = (ip: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === "" ? [] : tail.split(":");
  const groups = ip.includes("::")
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
};

/** Makes the visitor key of one (address, user agent, day). */
export type VisitorKeyer = (clientIp: string, userAgent: string, day: string) => string;

/** The label the visitor-key secret is derived under, so it never equals the token cipher's key. */
export const VISITOR_KEY_LABEL = "sharelinks/visitor-key/v1";

/**
 * Keyed hash (HMAC-SHA256, 128 bits kept) of network + user agent + day under
 * a secret derived from the server secret. The raw address is never stored;
 * because the day is in the hash, a visitor cannot be followed from one day
 * to the next, and a day's keys are useless once the day is over.
 */
export const createVisitorKeyer = (serverSecret: string): VisitorKeyer => {
  const secret = createHmac("sha256", serverSecret).update(VISITOR_KEY_LABEL).digest();
  return (clientIp, userAgent, day) =>
    createHmac("sha256", secret)
      .update(`${visitorNetwork(clientIp)}\n${userAgent}\n${day}`)
      .digest()
      .subarray(0, 16)
      .toString("base64url");
};
