import { randomBytes } from "node:crypto";
import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addUser,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  type Tenant,
} from "./test-support/harness";

/**
 * Every authenticated endpoint against every kind of caller. The target is
 * always a share owned by `owner` on tenant T's report or schedule, fresh for
 * each cell. "other_brand" is a member of another tenant.
 */
const CALLERS = [
  "no_key",
  "malformed_key",
  "unknown_key",
  "revoked_key",
  "other_brand",
  "member",
  "manager",
  "owner",
] as const;
type Caller = (typeof CALLERS)[number];

interface World {
  t: Tenant;
  other: Tenant;
  owner: Member;
  member: Member;
  revoked: Member;
}

interface Target {
  shareId: string;
  token: string;
  reportBase: string;
  scheduleBase: string;
}

interface Endpoint {
  name: string;
  method: string;
  path(w: World, target: Target): string;
  body?(w: World, target: Target): unknown;
  /** Expected status for an authenticated caller; unauthenticated ones always get 401. */
  expect: Record<"other_brand" | "member" | "manager" | "owner", number>;
  /** For bulk cancel: the per-id status each caller gets. */
  cancelStatus?: Record<"other_brand" | "member" | "manager" | "owner", string>;
}

const sharesOf = (kind: "report" | "scheduled") => (_w: World, t: Target) =>
  `${kind === "report" ? t.reportBase : t.scheduleBase}/shares`;

const resourceEndpoints = (kind: "report" | "scheduled"): Endpoint[] => {
  const shares = sharesOf(kind);
  return [
    {
      name: `create ${kind} share`,
      method: "POST",
      path: shares,
      body: () => ({}),
      expect: { other_brand: 404, member: 201, manager: 201, owner: 200 },
    },
    {
      name: `list ${kind} shares`,
      method: "GET",
      path: shares,
      expect: { other_brand: 404, member: 200, manager: 200, owner: 200 },
    },
    {
      name: `revoke my ${kind} shares`,
      method: "DELETE",
      path: shares,
      expect: { other_brand: 404, member: 204, manager: 204, owner: 204 },
    },
    {
      name: `extend ${kind} share`,
      method: "PATCH",
      path: (w, t) => `${shares(w, t)}/${t.shareId}`,
      body: () => ({ expiration_days: 9 }),
      expect: { other_brand: 404, member: 403, manager: 403, owner: 200 },
    },
    {
      name: `remove one ${kind} share`,
      method: "DELETE",
      path: (w, t) => `${shares(w, t)}/${t.shareId}`,
      expect: { other_brand: 404, member: 403, manager: 204, owner: 204 },
    },
  ];
};

const ENDPOINTS: Endpoint[] = [
  ...resourceEndpoints("report"),
  ...resourceEndpoints("scheduled"),
  {
    name: "list my shares",
    method: "GET",
    path: () => "/v1/shares?status=all",
    expect: { other_brand: 200, member: 200, manager: 200, owner: 200 },
  },
  {
    name: "remove share by id",
    method: "DELETE",
    path: (_w, t) => `/v1/shares/${t.shareId}`,
    expect: { other_brand: 404, member: 403, manager: 204, owner: 204 },
  },
  {
    name: "bulk cancel",
    method: "POST",
    path: () => "/v1/shares/cancel",
    body: (_w, t) => ({ share_ids: [t.shareId] }),
    expect: { other_brand: 200, member: 200, manager: 200, owner: 200 },
    cancelStatus: { other_brand: "not_found", member: "forbidden", manager: "cancelled", owner: "cancelled" },
  },
  {
    name: "list reports",
    method: "GET",
    path: () => "/v1/reports",
    expect: { other_brand: 200, member: 200, manager: 200, owner: 200 },
  },
  {
    name: "get report",
    method: "GET",
    path: (_w, t) => t.reportBase,
    expect: { other_brand: 404, member: 200, manager: 200, owner: 200 },
  },
  {
    name: "list scheduled reports",
    method: "GET",
    path: () => "/v1/scheduled-reports",
    expect: { other_brand: 200, member: 200, manager: 200, owner: 200 },
  },
  {
    name: "get scheduled report",
    method: "GET",
    path: (_w, t) => t.scheduleBase,
    expect: { other_brand: 404, member: 200, manager: 200, owner: 200 },
  },
];

const authorizationFor = (caller: Caller, w: World): string | undefined => {
  switch (caller) {
    case "no_key":
      return undefined;
    case "malformed_key":
      return "Bearer slk_tooshort";
    case "unknown_key":
      return `Bearer slk_${randomBytes(32).toString("base64url")}`;
    case "revoked_key":
      return `Bearer ${w.revoked.key}`;
    case "other_brand":
      return `Bearer ${(w.other.members[0] as Member).key}`;
    case "member":
      return `Bearer ${w.member.key}`;
    case "manager":
      return `Bearer ${w.t.manager.key}`;
    case "owner":
      return `Bearer ${w.owner.key}`;
  }
};

describe.each(testDatabaseKinds())("access matrix on %s", (kind) => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await startHarness(kind);
    const t = await provisionTenant(h, 2);
    const other = await provisionTenant(h, 1);
    const revoked = await addUser(h, t.brandId, "member");
    expect((await h.admin("DELETE", `/v1/admin/api-keys/${revoked.keyId}`)).status).toBe(204);
    w = { t, other, owner: t.members[0] as Member, member: t.members[1] as Member, revoked };
  });
  afterAll(() => h.close());

  /** A fresh share of the owner's on the resource the endpoint is about. */
  const freshTarget = async (endpoint: Endpoint): Promise<Target> => {
    const target = {
      reportBase: `/v1/reports/${w.t.reportId}`,
      scheduleBase: `/v1/scheduled-reports/${w.t.scheduleId}`,
    };
    const base =
      endpoint.name.includes("scheduled") && !endpoint.name.includes("list scheduled")
        ? target.scheduleBase
        : target.reportBase;
    const res = await h.request("POST", `${base}/shares`, { key: w.owner.key, body: { rotate: true } });
    expect(res.status).toBe(201);
    return { ...target, shareId: res.json.id, token: res.json.access_token };
  };

  const cells = ENDPOINTS.flatMap((endpoint) =>
    CALLERS.map((caller) => [endpoint.name, caller, endpoint] as const),
  );

  it.each(cells)("%s as %s", async (_name, caller, endpoint) => {
    const target = await freshTarget(endpoint);
    const authorization = authorizationFor(caller, w);
    const res = await h.request(endpoint.method, endpoint.path(w, target), {
      ...(authorization !== undefined && { authorization }),
      ...(endpoint.body && { body: endpoint.body(w, target) }),
    });
    const expected = caller in endpoint.expect ? endpoint.expect[caller as keyof Endpoint["expect"]] : 401;
    expect(res.status, res.text).toBe(expected);
    if (expected === 401) expect(res.json.error.code).toBe("unauthorized");
    if (endpoint.cancelStatus && expected === 200) {
      expect(res.json.data).toEqual([
        { share_id: target.shareId, status: endpoint.cancelStatus[caller as keyof Endpoint["cancelStatus"]] },
      ]);
    }
    // Only the owner ever sees the token.
    if (caller !== "owner") expect(res.text).not.toContain(target.token);
    // Nothing of tenant T is readable from another brand (bulk cancel only echoes the id it was sent).
    if (caller === "other_brand") {
      for (const secret of [
        w.t.brandId,
        w.t.reportId,
        w.t.scheduleId,
        w.owner.id,
        w.t.manager.id,
        target.token,
      ]) {
        expect(res.text).not.toContain(secret);
      }
      if (!endpoint.cancelStatus) expect(res.text).not.toContain(target.shareId);
    }
  });
});
