import type { Mailer } from "@sharelinks/core";
import nodemailer from "nodemailer";

/**
 * Core's Mailer over SMTP (SMTP_URL, nodemailer's URL form:
 * `smtp://user:pass@host:587`, `smtps://...:465`). One pooled transport per
 * server; a send resolves once the server accepted the message.
 */
export const createSmtpMailer = (url: string, from: string): Mailer & { close(): void } => {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
};
