import { describe, expect, it } from "vitest";
import { canManageShares } from "./actor";

describe("canManageShares", () => {
  const base = { userId: "u", brandId: "b", requestId: null };
  it("is the manager role's privilege only", () => {
    expect(canManageShares({ ...base, role: "manager" })).toBe(true);
    expect(canManageShares({ ...base, role: "member" })).toBe(false);
  });
});
