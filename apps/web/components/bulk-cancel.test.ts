import { describe, expect, it } from "vitest";
import { bulkCancelOutcome } from "./bulk-cancel";

describe("bulkCancelOutcome", () => {
  it("counts the cancelled and explains the rest", () => {
    expect(
      bulkCancelOutcome([{ status: "cancelled" }, { status: "forbidden" }, { status: "not_found" }]),
    ).toEqual({
      toast: "1 link cancelled",
      note: "2 links were not cancelled: already gone or not yours to remove.",
    });
  });

  it("has no note when every link was cancelled", () => {
    expect(bulkCancelOutcome([{ status: "cancelled" }, { status: "cancelled" }])).toEqual({
      toast: "2 links cancelled",
      note: null,
    });
    expect(bulkCancelOutcome([{ status: "not_found" }]).note).toBe(
      "1 link was not cancelled: already gone or not yours to remove.",
    );
  });
});
