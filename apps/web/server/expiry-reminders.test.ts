import type { AddressInfo } from "node:net";
import { createShare, extendShare } from "@sharelinks/core";
import { runExpiryReminders, schema } from "@sharelinks/db";
import {
  createManualClock,
  createTenant,
  type ManualClock,
  reusedTestDatabase,
  type Tenant,
  type TestDatabase,
  testDatabaseKinds,
} from "@sharelinks/db/testing";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "./mailer";

const DAY = 86_400_000;
const DASHBOARD = "https://links.example.test/links";
const quiet = { info: () => {}, warn: () => {} };

interface Arrived {
  from: string;
  to: string[];
  raw: string;
}

const qp = (text: string) =>
  text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/**
 * What a reader sees: headers unfolded with their encoded words (RFC 2047, Q)
 * decoded, the body's quoted-printable soft breaks and escapes decoded.
 */
const decodeBody = (raw: string) => {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, " ")
    .replace(/\?= =\?UTF-8\?Q\?/gi, "")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, word: string) => qp(word.replace(/_/g, " ")));
  return `${headers}\r\n\r\n${qp(raw.slice(split + 4).replace(/=\r\n/g, ""))}`;
};

/** A real SMTP server on a loopback port that keeps what it is sent. */
const startSmtp = async () => {
  const arrived: Arrived[] = [];
  let refuse = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refuse) return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 450 }));
        arrived.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrived,
    refuseAll: (value: boolean) => {
      refuse = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/**
 * Expiry reminders end to end (docs/webhooks.md, "share.expiring"): the scan
 * on a real database writes `share.expiring` to the outbox 7 days and 1 day
 * before expiry, once each per expiry, re-armed by an extend; owners get an
 * email through a real SMTP server, with no token or link URL in it.
 */
describe.each(testDatabaseKinds())("expiry reminders on %s", (kind) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let database: TestDatabase;
  let clock: ManualClock;
  let tenant: Tenant;
  let mailer: ReturnType<typeof createSmtpMailer>;

  beforeAll(async () => {
    smtp = await startSmtp();
    clock = createManualClock(new Date("2026-03-01T09:00:00.000Z"));
    database = await reusedTestDatabase(kind, { clock });
    tenant = await createTenant(database.services);
    mailer = createSmtpMailer(smtp.url, "sharelinks <no-reply@links.example.test>");
  });
  afterAll(async () => {
    mailer?.close();
    await database?.cleanup();
    await smtp?.close();
  });

  const scan = (withMail = true) =>
    runExpiryReminders(
      database.db,
      clock,
      quiet,
      withMail ? { mailer, dashboardUrl: DASHBOARD } : { dashboardUrl: DASHBOARD },
    );
  const reminders = async (shareId: string) =>
    (await database.db.orm.select().from(schema.webhookOutbox)).filter(
      (row) => row.type === "share.expiring" && row.payload.data.share_id === shareId,
    );

  it("7 days and 1 day before expiry: one share.expiring each, with days_left, never the token; an email each", async () => {
    const owner = tenant.actor(tenant.members[0] as never);
    const made = await createShare(
      database.services.shares,
      owner,
      { type: "report", id: tenant.report.id },
      { rotate: true, expiration_days: 30 },
    );
    const token = made.accessToken as string;
    const before = smtp.arrived.length;

    expect((await scan()).reminded).toBe(0);
    clock.advance(23 * DAY - 60_000);
    await scan();
    expect(await reminders(made.share.id)).toHaveLength(0);

    clock.advance(2 * 60_000);
    expect(await scan()).toEqual({ reminded: 1, emailed: 1 });
    await scan();
    const first = await reminders(made.share.id);
    expect(first).toHaveLength(1);
    expect(first[0]?.payload).toMatchObject({
      type: "share.expiring",
      data: {
        share_id: made.share.id,
        days_left: 7,
        expires_at: made.share.expiresAt.toISOString(),
        actor_id: null,
      },
    });

    clock.advance(6 * DAY);
    expect((await scan()).reminded).toBe(1);
    expect((await scan()).reminded).toBe(0);
    const both = await reminders(made.share.id);
    expect(both.map((row) => row.payload.data.days_left).sort()).toEqual([1, 7]);
    for (const row of both) expect(JSON.stringify(row.payload)).not.toContain(token);

    const mails = smtp.arrived.slice(before);
    expect(mails).toHaveLength(2);
    const ownerEmail = (tenant.members[0] as { email: string }).email;
    for (const mail of mails) {
      expect(mail.to).toEqual([ownerEmail]);
      expect(mail.from).toBe("no-reply@links.example.test");
      const text = decodeBody(mail.raw);
      expect(text).toContain(tenant.report.title);
      expect(text).toContain(DASHBOARD);
      expect(text).not.toContain(token);
      expect(text).not.toContain("/shared/");
    }
    expect(decodeBody(mails[0]?.raw ?? "")).toMatch(/Subject: .*expires in 7 days/);
    expect(decodeBody(mails[1]?.raw ?? "")).toMatch(/Subject: .*expires in 1 day/);
  });

  it("an extend re-arms both reminders for the new expiry", async () => {
    const owner = tenant.actor(tenant.members[1] as never);
    const made = await createShare(
      database.services.shares,
      owner,
      { type: "report", id: tenant.report.id },
      { rotate: true, expiration_days: 10 },
    );
    clock.advance(3 * DAY + 60_000);
    await scan(false);
    expect(await reminders(made.share.id)).toHaveLength(1);
    await extendShare(database.services.shares, owner, made.share.id, { expiration_days: 10 });
    await scan(false);
    expect(await reminders(made.share.id)).toHaveLength(1);
    clock.advance(3 * DAY + 60_000);
    await scan(false);
    const rows = await reminders(made.share.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.payload.data.expires_at)).toEqual([
      made.share.expiresAt.toISOString(),
      new Date(made.share.expiresAt.getTime() + 3 * DAY + 60_000).toISOString(),
    ]);
  });

  it("a link made inside a window is not reminded of it; a refused email is retried by the next scan", async () => {
    const owner = tenant.actor(tenant.manager);
    const made = await createShare(
      database.services.shares,
      owner,
      { type: "report", id: tenant.report.id },
      { rotate: true, expiration_days: 3 },
    );
    await scan();
    expect(await reminders(made.share.id)).toHaveLength(0);

    clock.advance(2 * DAY + 60_000);
    smtp.refuseAll(true);
    const before = smtp.arrived.length;
    expect(await scan()).toEqual({ reminded: 1, emailed: 0 });
    smtp.refuseAll(false);
    expect(await scan()).toEqual({ reminded: 0, emailed: 1 });
    expect(smtp.arrived.slice(before).map((mail) => mail.to)).toEqual([[tenant.manager.email]]);
    expect(await scan()).toEqual({ reminded: 0, emailed: 0 });
  });

  it("several shares due in one scan: each reminded once, the emails pending per owner", async () => {
    const team = await createTenant(database.services);
    const owners = [team.manager, ...team.members];
    const made = [];
    for (const user of owners) {
      made.push(
        await createShare(
          database.services.shares,
          team.actor(user as never),
          { type: "report", id: team.report.id },
          { rotate: true, expiration_days: 30 },
        ),
      );
    }
    clock.advance(23 * DAY + 60_000);
    const before = smtp.arrived.length;
    const { reminded, emailed } = await scan();
    expect(reminded).toBeGreaterThanOrEqual(owners.length);
    expect(emailed).toBe(reminded);
    for (const share of made) {
      const rows = await reminders(share.share.id);
      expect(rows.map((row) => row.payload.data.days_left)).toEqual([7]);
    }
    const to = smtp.arrived.slice(before).map((mail) => mail.to[0]);
    for (const user of owners) expect(to).toContain(user.email);
    expect(await scan()).toEqual({ reminded: 0, emailed: 0 });
  });
});
