import { createHash } from "node:crypto";

/**
 * Counters are keyed by a hash of a credential (API key, session token): the
 * credential itself never reaches the store.
 */
export const credentialCounterKey = (credential: string) =>
  createHash("sha256").update("sharelinks-rate-limit:").update(credential).digest("base64url");

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The counter key for a client address. IPv6 clients are counted per /64, the
 * block one subscriber usually holds, so rotating addresses inside it does not
 * multiply the budget.
 */
export const ipCounterKey = (ip: string): string => {
  if (!ip.includes(":")) return ip;
  const mapped = IPV4_MAPPED.exec(ip);
  if (mapped) return mapped[1] as string;
  const address = ip.split("%")[0] as string;
  const [head = "", tail] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
};
