/** One email, as any mail transport takes it. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Port: sends one email (SMTP through nodemailer in the server; SMTP_URL). Rejects when it was not accepted. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

export interface ExpiryReminderMailInput {
  to: string;
  ownerName: string | null;
  /** The shared report's (or schedule's) title, as the link shows it. */
  title: string;
  daysLeft: number;
  expiresAt: Date;
  /** The owner's own dashboard page ("My links"), where one click extends the link. */
  dashboardUrl: string;
}

// A title is the brand's text: one line, no control characters, bounded, in a header and in the body.
const oneLine = (value: string, max = 120) => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule exists to find control characters
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const inDays = (days: number) => (days === 1 ? "1 day" : `${days} days`);

/**
 * The owner's reminder. It names the link by its title and points at the
 * owner's dashboard only: never the link's token or URL (an email is
 * forwarded, archived and scanned; the link is a capability).
 */
export const expiryReminderMail = (input: ExpiryReminderMailInput): OutgoingMail => {
  const title = oneLine(input.title) || "your report";
  const greeting = input.ownerName ? `Hello ${oneLine(input.ownerName, 80)},` : "Hello,";
  return {
    to: input.to,
    subject: `Your share link to "${title}" expires in ${inDays(input.daysLeft)}`,
    text: [
      greeting,
      "",
      `Your share link to "${title}" expires in ${inDays(input.daysLeft)}, on ${input.expiresAt.toUTCString()}.`,
      "After that, whoever has it sees that the link has expired.",
      "",
      `To keep it working, extend it from your links: ${input.dashboardUrl}`,
      "",
      "You receive this because you created the link. Nothing needs to be done if it may expire.",
    ].join("\n"),
  };
};
