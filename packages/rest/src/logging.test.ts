import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  type Harness,
  type Member,
  provisionTenant,
  startHarness,
  tokenOf,
} from "./test-support/harness";

describe.each(testDatabaseKinds())("access logs on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it("one JSON line per request with request_id, method, route, status, duration_ms, and no secret anywhere", async () => {
    const t = await provisionTenant(h, 1);
    const member = t.members[0] as Member;
    const before = h.logs.lines.length;

    const created = await h.request("POST", `/v1/reports/${t.reportId}/shares`, { key: member.key });
    const token = tokenOf(created.json);
    const read = await h.request("GET", `/v1/shared/${token}`);
    expect(read.status).toBe(200);
    await h.request("GET", `/shared/${token}`); // not an API route: 404, path logged masked
    await h.request("GET", `/v1/shared/${token}/extra`);
    await h.request("DELETE", `/v1/shared/${token}`); // 405
    await h.request("GET", "/v1/shares", { authorization: `Bearer ${member.key}x` }); // malformed key

    const lines = h.logs.lines.slice(before);
    expect(lines).toHaveLength(6);
    const records = lines.map((line) => JSON.parse(line));

    // No token, API key, admin token or Authorization value, in any line.
    const secrets = [token, member.key, t.manager.key, ADMIN_TOKEN, "Bearer", member.key.slice(4)];
    for (const line of h.logs.lines) for (const secret of secrets) expect(line).not.toContain(secret);

    const [createLine, readLine, pageLine, extraLine, methodLine, badKeyLine] = records;
    for (const record of records) {
      expect(record.msg).toBe("request");
      expect(record.request_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof record.method).toBe("string");
      expect(typeof record.status).toBe("number");
      expect(typeof record.duration_ms).toBe("number");
      expect(record).not.toHaveProperty("authorization");
      expect(record).not.toHaveProperty("headers");
    }
    expect(createLine).toMatchObject({
      method: "POST",
      route: "/v1/reports/{report_id}/shares",
      status: 201,
    });
    expect(createLine.request_id).toBe(created.headers.get("x-correlation-id"));
    expect(createLine).not.toHaveProperty("path");
    expect(readLine).toMatchObject({ method: "GET", route: "/v1/shared/{token}", status: 200 });
    expect(readLine.request_id).toBe(read.headers.get("x-correlation-id"));
    expect(pageLine).toMatchObject({ route: null, path: "/shared/***", status: 404 });
    expect(extraLine).toMatchObject({ route: null, path: "/v1/shared/***/extra", status: 404 });
    expect(methodLine).toMatchObject({ route: null, path: "/v1/shared/***", status: 405 });
    expect(badKeyLine).toMatchObject({ route: "/v1/shares", status: 401 });
  });

  it("provisioning logs never carry the new API key", async () => {
    const before = h.logs.lines.length;
    const brand = (await h.admin("POST", "/v1/admin/brands", { name: "Logco" })).json;
    const user = (
      await h.admin("POST", `/v1/admin/brands/${brand.id}/users`, { email: "log@x.test", role: "member" })
    ).json;
    const key = (await h.admin("POST", `/v1/admin/users/${user.id}/api-keys`, {})).json.key as string;
    const lines = h.logs.lines.slice(before);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(key);
      expect(line).not.toContain(ADMIN_TOKEN);
    }
    expect(JSON.parse(lines[2] as string)).toMatchObject({
      route: "/v1/admin/users/{user_id}/api-keys",
      status: 201,
    });
  });
});
