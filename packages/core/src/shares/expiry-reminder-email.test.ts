import { describe, expect, it } from "vitest";
import { expiryReminderMail } from "./expiry-reminder-email";

const input = {
  to: "owner@example.test",
  ownerName: "Ada",
  title: "AI visibility, March",
  daysLeft: 7,
  expiresAt: new Date("2026-03-17T09:00:00.000Z"),
  dashboardUrl: "https://links.example.test/links",
};

describe("expiryReminderMail", () => {
  it("names the link by title, says when, and points at the owner's dashboard", () => {
    const mail = expiryReminderMail(input);
    expect(mail.to).toBe("owner@example.test");
    expect(mail.subject).toBe('Your share link to "AI visibility, March" expires in 7 days');
    expect(mail.text).toContain("Hello Ada,");
    expect(mail.text).toContain("Tue, 17 Mar 2026 09:00:00 GMT");
    expect(mail.text).toContain("https://links.example.test/links");
    expect(expiryReminderMail({ ...input, daysLeft: 1 }).subject).toContain("expires in 1 day");
  });

  it("keeps a title to one bounded line, in the subject too", () => {
    const mail = expiryReminderMail({
      ...input,
      title: `Evil\r\nBcc: x@y.test ${"z".repeat(300)}`,
      ownerName: null,
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.length).toBeLessThan(180);
    expect(mail.text.startsWith("Hello,")).toBe(true);
  });
});
