import { isIP } from "node:net";

/**
 * Whether an IP address is one a webhook must never be sent to: loopback,
 * private, link-local (which holds the cloud metadata services), carrier-grade
 * NAT, unspecified, multicast, broadcast, documentation and other reserved
 * ranges, for IPv4 and IPv6, including IPv4 addresses carried inside IPv6
 * (mapped, compatible, NAT64, 6to4). Anything that does not parse is refused.
 */
export const isForbiddenAddress = (address: string): boolean => {
  const kind = isIP(address);
  if (kind === 4) return isForbiddenV4(v4Octets(address));
  if (kind === 6) return isForbiddenV6(address);
  return true;
};

/** Loopback only: what WEBHOOK_ALLOW_PRIVATE_URLS lets through (local receivers in dev and tests). */
export const isLoopbackAddress = (address: string): boolean => {
  const kind = isIP(address);
  if (kind === 4) return v4Octets(address)[0] === 127;
  if (kind === 6) {
    const words = v6Words(address);
    if (words === null) return false;
    if (words.slice(0, 7).every((w) => w === 0) && words[7] === 1) return true;
    const v4 = embeddedV4(words);
    return v4 !== null && v4[0] === 127;
  }
  return false;
};

const v4Octets = (address: string): number[] => address.split(".").map(Number);

const inV4 = (o: number[], base: [number, number, number, number], bits: number): boolean => {
  const value = ((o[0] ?? 0) << 24) | ((o[1] ?? 0) << 16) | ((o[2] ?? 0) << 8) | (o[3] ?? 0);
  const net = (base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3];
  const mask = bits === 0 ? 0 : ~0 << (32 - bits);
  return (value & mask) === (net & mask);
};

const V4_FORBIDDEN: [[number, number, number, number], number][] = [
  [[0, 0, 0, 0], 8], // "this network", 0.0.0.0
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local, 169.254.169.254 metadata
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments (192.0.0.192 is a metadata address too)
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, broadcast
];

const isForbiddenV4 = (o: number[]): boolean => V4_FORBIDDEN.some(([base, bits]) => inV4(o, base, bits));

/** The eight 16-bit words of an IPv6 address (zone id dropped, dotted tail folded in), or null. */
const v6Words = (input: string): number[] | null => {
  let address = input.toLowerCase().split("%")[0] ?? "";
  const dotted = address.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const o = v4Octets(dotted[1]);
    address = `${address.slice(0, -dotted[1].length)}${((o[0] ?? 0) * 256 + (o[1] ?? 0)).toString(16)}:${((o[2] ?? 0) * 256 + (o[3] ?? 0)).toString(16)}`;
  }
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const words = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail].map((w) =>
    Number.parseInt(w, 16),
  );
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff)
    ? words
    : null;
};

const octetsOf = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];

/** The IPv4 address an IPv6 address carries, for the forms that reach an IPv4 host. */
const embeddedV4 = (w: number[]): number[] | null => {
  const [w0, w1, w2, w3, w4, w5, w6 = 0, w7 = 0] = w;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated)
  if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0 && (w5 === 0xffff || w5 === 0))
    return octetsOf(w6, w7);
  // 64:ff9b::a.b.c.d and 64:ff9b:1::/48 (NAT64)
  if (w0 === 0x64 && w1 === 0xff9b) return octetsOf(w6, w7);
  // 2002:aabb:ccdd::/16 (6to4)
  if (w0 === 0x2002) return octetsOf(w1 ?? 0, w2 ?? 0);
  return null;
};

const isForbiddenV6 = (address: string): boolean => {
  const w = v6Words(address);
  if (w === null) return true;
  const [w0 = 0] = w;
  if (w.every((x) => x === 0)) return true; // ::
  if (w.slice(0, 7).every((x) => x === 0) && w[7] === 1) return true; // ::1
  const v4 = embeddedV4(w);
  if (v4 !== null) return isForbiddenV4(v4);
  if ((w0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local (fd00:ec2::254 metadata)
  if ((w0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((w0 & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((w0 & 0xff00) === 0xff00) return true; // multicast
  if (w0 === 0x2001 && w[1] === 0x0db8) return true; // documentation
  if (w0 === 0x2001 && w[1] === 0) return true; // Teredo: an IPv4 host behind it
  if (w0 === 0x0100 && w[1] === 0 && w[2] === 0 && w[3] === 0) return true; // discard-only
  // Anything outside 2000::/3 (global unicast) is not a public host.
  return (w0 & 0xe000) !== 0x2000;
};
