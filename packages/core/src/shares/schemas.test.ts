import { describe, expect, it } from "vitest";
import { createSeededRandom } from "../testing";
import {
  cancelSharesInputSchema,
  createShareInputSchema,
  expirationDaysSchema,
  extendShareInputSchema,
  listMySharesQuerySchema,
} from "./schemas";

const uuids = (n: number) => {
  const random = createSeededRandom(11);
  return Array.from({ length: n }, () => random.uuid());
};

describe("expirationDaysSchema", () => {
  it.each([1, 2, 30, 364, 365])("accepts %s", (days) => {
    expect(expirationDaysSchema.parse(days)).toBe(days);
  });

  it.each([0, -1, 366, 1.5, 29.999, "30", null, Number.NaN, Number.POSITIVE_INFINITY, true])(
    "rejects %s",
    (days) => {
      expect(expirationDaysSchema.safeParse(days).success).toBe(false);
    },
  );
});

describe("createShareInputSchema", () => {
  it("accepts an empty body: every field is optional", () => {
    expect(createShareInputSchema.parse({})).toEqual({});
  });

  it("accepts every field at once", () => {
    const body = { expiration_days: 7, rotate: true, white_label_config: { company_name: "Client Co" } };
    expect(createShareInputSchema.parse(body)).toEqual(body);
  });

  it("accepts a null white label, which means brand defaults", () => {
    expect(createShareInputSchema.parse({ white_label_config: null })).toEqual({ white_label_config: null });
  });

  it.each([
    ["an unknown key", { expires_in: 7 }],
    ["days out of range", { expiration_days: 0 }],
    ["days as a string", { expiration_days: "7" }],
    ["rotate as a string", { rotate: "true" }],
    ["an invalid white label", { white_label_config: { primary_color: "red" } }],
  ])("rejects %s", (_, body) => {
    expect(createShareInputSchema.safeParse(body).success).toBe(false);
  });
});

describe("extendShareInputSchema", () => {
  it("requires expiration_days within 1..365", () => {
    expect(extendShareInputSchema.parse({ expiration_days: 365 })).toEqual({ expiration_days: 365 });
    expect(extendShareInputSchema.safeParse({}).success).toBe(false);
    expect(extendShareInputSchema.safeParse({ expiration_days: 366 }).success).toBe(false);
    expect(extendShareInputSchema.safeParse({ expiration_days: 30, rotate: true }).success).toBe(false);
  });
});

describe("cancelSharesInputSchema", () => {
  it("accepts 1 and 100 ids", () => {
    expect(cancelSharesInputSchema.safeParse({ share_ids: uuids(1) }).success).toBe(true);
    expect(cancelSharesInputSchema.safeParse({ share_ids: uuids(100) }).success).toBe(true);
  });

  it("rejects 0 and 101 ids", () => {
    expect(cancelSharesInputSchema.safeParse({ share_ids: [] }).success).toBe(false);
    expect(cancelSharesInputSchema.safeParse({ share_ids: uuids(101) }).success).toBe(false);
  });

  it.each([
    ["a non-UUID", "not-a-uuid"],
    ["a UUID without dashes", "00000001000040008000000000000001"],
    ["a number", 42],
    ["an empty string", ""],
  ])("rejects %s among valid ids", (_, bad) => {
    expect(cancelSharesInputSchema.safeParse({ share_ids: [...uuids(2), bad] }).success).toBe(false);
  });

  it("rejects a missing list and unknown keys", () => {
    expect(cancelSharesInputSchema.safeParse({}).success).toBe(false);
    expect(cancelSharesInputSchema.safeParse({ share_ids: uuids(1), force: true }).success).toBe(false);
  });
});

describe("listMySharesQuerySchema", () => {
  it("defaults to active shares, 20 per page", () => {
    expect(listMySharesQuerySchema.parse({})).toEqual({ status: "active", sort: "created", limit: 20 });
  });

  it("coerces a query-string limit", () => {
    expect(listMySharesQuerySchema.parse({ limit: "5" }).limit).toBe(5);
  });

  it.each([["0"], ["101"], ["2.5"], ["ten"]])("rejects limit %s", (limit) => {
    expect(listMySharesQuerySchema.safeParse({ limit }).success).toBe(false);
  });

  it("accepts the three statuses and nothing else", () => {
    for (const status of ["active", "expired", "all"]) {
      expect(listMySharesQuerySchema.parse({ status }).status).toBe(status);
    }
    expect(listMySharesQuerySchema.safeParse({ status: "revoked" }).success).toBe(false);
  });

  it("requires starting_after to be a UUID", () => {
    const [id] = uuids(1);
    expect(listMySharesQuerySchema.parse({ starting_after: id }).starting_after).toBe(id);
    expect(listMySharesQuerySchema.safeParse({ starting_after: "sh_123" }).success).toBe(false);
  });
});
