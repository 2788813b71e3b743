import { describe, expect, it } from "vitest";
import { bulkRevokeOutcome } from "./bulk-outcome";

describe("bulkRevokeOutcome", () => {
  it("counts the revoked and explains the rest", () => {
    expect(
      bulkRevokeOutcome([{ status: "cancelled" }, { status: "forbidden" }, { status: "not_found" }]),
    ).toEqual({
      toast: "1 link revoked",
      note: "2 links were not revoked: already gone or not yours to revoke.",
    });
  });

  it("has no note when every link was revoked", () => {
    expect(bulkRevokeOutcome([{ status: "cancelled" }, { status: "cancelled" }])).toEqual({
      toast: "2 links revoked",
      note: null,
    });
    expect(bulkRevokeOutcome([{ status: "not_found" }]).note).toBe(
      "1 link was not revoked: already gone or not yours to revoke.",
    );
  });
});
