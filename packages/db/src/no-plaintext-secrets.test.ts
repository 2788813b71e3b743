import {
  createApiKey,
  createShare,
  createUser,
  createWebhookEndpoint,
  rotateWebhookSecret,
  signIn,
} from "@sharelinks/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "./client";
import { createTenant, reusedTestDatabase, type TestDatabase, testDatabaseKinds } from "./testing";

/**
 * docs/architecture.md ("Tokens"): no plaintext token in the database. Rather than trusting the
 * column list, this scans every text-like column of every table, so a column
 * added later that leaks a secret fails here too.
 */
describe.each(testDatabaseKinds())("no plaintext secrets over %s", (kind) => {
  let t: TestDatabase;
  const secrets: string[] = [];
  const webhookSecrets: string[] = [];

  beforeAll(async () => {
    t = await reusedTestDatabase(kind);
    const tenant = await createTenant(t.services);
    for (const user of [tenant.manager, ...tenant.members]) {
      const actor = tenant.actor(user);
      const a = await createShare(t.services.shares, actor, { type: "report", id: tenant.report.id }, {});
      const b = await createShare(
        t.services.shares,
        actor,
        { type: "scheduled", id: tenant.schedule.id },
        {},
      );
      // A rotate mints a token too, and refreshes re-show one: all of them count.
      const c = await createShare(
        t.services.shares,
        actor,
        { type: "report", id: tenant.report.id },
        { rotate: true },
      );
      const d = await createShare(
        t.services.shares,
        actor,
        { type: "scheduled", id: tenant.schedule.id },
        {},
      );
      secrets.push(...[a, b, c, d].map((v) => v.accessToken as string));
    }
    const password = "correct-horse-battery-staple";
    const person = await createUser(t.services.provisioning, tenant.brand.id, {
      email: "secret-keeper@example.test",
      role: "member",
      password,
    });
    const { key } = await createApiKey(t.services.accounts, person.id, {});
    const { token } = await signIn(t.services.accounts, { email: person.email, password });
    secrets.push(key, token, password);
    // Webhook signing secrets: the whsec_ value and its base64 body, at create and after a rotate.
    const webhooks = { ...t.services.webhooks, urlPolicy: { allowPrivate: true } };
    const created = await createWebhookEndpoint(webhooks, tenant.actor(tenant.manager), {
      url: "http://127.0.0.1:9/hook",
    });
    const rotated = await rotateWebhookSecret(webhooks, tenant.actor(tenant.manager), created.endpoint.id);
    webhookSecrets.push(created.secret, rotated.secret);
    secrets.push(...webhookSecrets.map((s) => s.slice("whsec_".length)));
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("made real secrets to look for", () => {
    // 3 users x 3 distinct share tokens (a refresh re-shows one), plus key, session and password,
    // plus two webhook signing secrets.
    expect(new Set(secrets).size).toBe(14);
  });

  it("finds none of them in any text or json column of any table", async () => {
    const columns = await executeRows<{ table_schema: string; table_name: string; column_name: string }>(
      t.db,
      sql`select c.table_schema, c.table_name, c.column_name
          from information_schema.columns c
          join information_schema.tables tb using (table_schema, table_name)
          where tb.table_type = 'BASE TABLE'
            and c.table_schema not in ('pg_catalog', 'information_schema')
            and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')`,
    );
    const scanned = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    // The scan must actually cover where tokens could plausibly go.
    for (const column of [
      "shares.token_hash",
      "shares.token_ciphertext",
      "shares.snapshot",
      "api_keys.prefix",
      "webhook_endpoints.secret_ciphertext",
    ]) {
      expect(scanned).toContain(column);
    }

    // One statement per column asks about every secret (one per column and secret
    // was 17 times the statements): each secret found there is one leak.
    const leaks: string[] = [];
    const candidates = sql.join(
      secrets.map((secret) => sql`${secret}`),
      sql`, `,
    );
    for (const { table_schema, table_name, column_name } of columns) {
      const target = sql.raw(`"${table_schema}"."${table_name}"`);
      const column = sql.raw(`"${column_name}"`);
      const found = await executeRows<{ secret: string }>(
        t.db,
        sql`select s.secret from unnest(array[${candidates}]::text[]) as s(secret)
            where exists (select 1 from ${target} where strpos(${column}::text, s.secret) > 0)`,
      );
      for (const _ of found) leaks.push(`${table_name}.${column_name}`);
    }
    expect(leaks).toEqual([]);
  });
});
