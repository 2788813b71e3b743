import { describe, expect, it } from "vitest";
import { credentialCounterKey, ipCounterKey } from "./counter-keys";

describe("counter keys", () => {
  it("a credential is counted under a hash, never the credential", () => {
    const key = `slk_${"a".repeat(43)}`;
    const counter = credentialCounterKey(key);
    expect(counter).not.toContain(key);
    expect(counter).not.toContain("slk_");
    expect(counter).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(credentialCounterKey(key)).toBe(counter);
    expect(credentialCounterKey(`slk_${"b".repeat(43)}`)).not.toBe(counter);
  });

  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002::9%eth0", "2001:db8:1:2::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1", "fe80:0:0:0::/64"],
  ])("client %s is counted as %s", (ip, key) => {
    expect(ipCounterKey(ip)).toBe(key);
  });
});
