import { describe, expect, it } from "vitest";
import { createVisitorKeyer, visitorNetwork } from "./visitor-key";

describe("visitorNetwork", () => {
  it("keeps an IPv4 address whole (also when IPv4-mapped)", () => {
    expect(visitorNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(visitorNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("reduces IPv6 to its /64, however it is written", () => {
    const net = "2001:db8:0:1::/64";
    expect(visitorNetwork("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).toBe(net);
    expect(visitorNetwork("2001:0db8:0000:0001::1")).toBe(net);
    expect(visitorNetwork("2001:DB8:0:1::ffff")).toBe(net);
    expect(visitorNetwork("2001:db8:0:2::1")).not.toBe(net);
    expect(visitorNetwork("::1")).toBe("0:0:0:0::/64");
  });
});

describe("createVisitorKeyer", () => {
  const key = createVisitorKeyer("a-server-secret-of-enough-length-000");
  const ua = "Mozilla/5.0 (X11; Linux x86_64)";

  it("is stable for one visitor and day, and never contains the address", () => {
    const k = key("198.51.100.4", ua, "2026-03-01");
    expect(k).toBe(key("198.51.100.4", ua, "2026-03-01"));
    expect(k).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(k).not.toContain("198");
  });

  it("changes with the day, the user agent, the network and the secret", () => {
    const k = key("198.51.100.4", ua, "2026-03-01");
    expect(key("198.51.100.4", ua, "2026-03-02")).not.toBe(k);
    expect(key("198.51.100.4", `${ua} Edge`, "2026-03-01")).not.toBe(k);
    expect(key("198.51.100.5", ua, "2026-03-01")).not.toBe(k);
    expect(
      createVisitorKeyer("another-server-secret-of-enough-len")("198.51.100.4", ua, "2026-03-01"),
    ).not.toBe(k);
  });

  it("makes two hosts of one IPv6 /64 one visitor", () => {
    expect(key("2001:db8::1", ua, "2026-03-01")).toBe(key("2001:db8::2:3", ua, "2026-03-01"));
  });
});
