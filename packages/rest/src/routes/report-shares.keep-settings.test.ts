import { testDatabaseKinds } from "@sharelinks/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Harness,
  type Member,
  provisionTenant,
  resourceBase,
  startHarness,
  tokenOf,
} from "../test-support/harness";

const DAY = 86_400_000;
const wl = { company_name: "Client Co", primary_color: "#112233" };

describe.each(testDatabaseKinds())("rotate with keep_settings on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  describe.each(["report", "scheduled"] as const)("%s", (type) => {
    const setup = async () => {
      const t = await provisionTenant(h);
      const owner = t.members[0] as Member;
      const base = `${resourceBase(t, type)}/shares`;
      const create = (body: unknown) => h.request("POST", base, { key: owner.key, body });
      const first = await create({ expiration_days: 90, white_label_config: wl });
      expect(first.status).toBe(201);
      h.clock.advance(3 * DAY);
      return { create, first: first.json };
    };

    it("carries the old link's expires_at and white_label_config to the new token", async () => {
      const { create, first } = await setup();
      const rotated = await create({ rotate: true, keep_settings: true });
      expect(rotated.status).toBe(201);
      expect(rotated.json).toMatchObject({
        is_existing: false,
        expires_at: first.expires_at,
        white_label_config: wl,
      });
      expect(rotated.json.id).not.toBe(first.id);
      expect(rotated.json.access_token).not.toBe(first.access_token);
      expect((await h.request("GET", `/v1/shared/${tokenOf(first)}`)).status).toBe(404);
      const shown = await h.request("GET", `/v1/shared/${tokenOf(rotated.json)}`);
      expect(shown.status).toBe(200);
      expect(shown.json).toMatchObject({ expires_at: first.expires_at, white_label: wl });
    });

    it("defaults to false: a plain rotate gives 30 days and the brand's white label", async () => {
      const { create, first } = await setup();
      const rotated = await create({ rotate: true });
      expect(rotated.status).toBe(201);
      expect(rotated.json.white_label_config).toBeNull();
      expect(rotated.json.expires_at).toBe(new Date(h.clock.now().getTime() + 30 * DAY).toISOString());
      expect(rotated.json.expires_at).not.toBe(first.expires_at);
    });

    it("refuses a keep_settings that is not a boolean with 422", async () => {
      const { create } = await setup();
      const res = await create({ rotate: true, keep_settings: "yes" });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("body_validation_error");
      expect(res.json.error.details.errors[0].path).toBe("keep_settings");
    });
  });

  it("documents keep_settings in the OpenAPI request body", async () => {
    const doc = (await h.request("GET", "/v1/openapi.json")).json;
    const body = doc.components.schemas.CreateShareRequest;
    expect(body.properties.keep_settings).toMatchObject({ type: "boolean" });
    expect(body.properties.keep_settings.description).toContain("expires_at");
  });
});
