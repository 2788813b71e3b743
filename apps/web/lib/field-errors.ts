import { LIMITS } from "./limits";

/**
 * The server's field issues are written for developers ("Too small: expected
 * number to be >=1", "logo_url must be an https URL"). The dashboard says
 * what to do instead, one sentence per field, keyed by the field's name so a
 * new zod wording cannot leak through.
 */
const SENTENCES: Record<string, (message: string) => string> = {
  expiration_days: () => `Choose between ${LIMITS.expirationDays.min} and ${LIMITS.expirationDays.max} days.`,
  logo_url: (message) =>
    /too big|at most|<=|too long/i.test(message)
      ? `Use an image address of at most ${LIMITS.logoUrl.toLocaleString("en")} characters.`
      : "Use an https:// image address.",
  primary_color: () => "Use a colour such as #0E7490: a # and six hex digits.",
  company_name: () => `Use between 1 and ${LIMITS.companyName} characters.`,
  hide_powered_by: () => "Choose whether to hide “Powered by sharelinks”.",
  name: () => `Use between 1 and ${LIMITS.apiKeyName} characters.`,
  email: () => "Enter an email address such as name@company.com.",
  // The sign-in password (1 character and up) and a link's password (8-128) share the name.
  password: (message) => {
    const least = /at least (\d+)|>=\s*(\d+)/i.exec(message);
    const leastN = least ? Number(least[1] ?? least[2]) : null;
    if (leastN !== null && leastN > 1) return `Use at least ${leastN} characters.`;
    const most = /at most (\d+)/i.exec(message);
    if (most) return `Use at most ${most[1]} characters.`;
    return /too small|>=\s*1|required/i.test(message) ? "Enter your password." : "That password is too long.";
  },
  default_expiration_days: () =>
    `Choose between ${LIMITS.expirationDays.min} and ${LIMITS.expirationDays.max} days, or leave it empty.`,
  max_expiration_days: () =>
    `Choose between ${LIMITS.expirationDays.min} and ${LIMITS.expirationDays.max} days, or leave it empty.`,
  share_ids: () => `Select between 1 and ${LIMITS.bulkRevoke} links.`,
};

/** A field issue as a sentence; unknown fields keep the server's message. */
export const plainFieldError = (path: string, message: string): string => {
  const field = path.split(".").at(-1) ?? "";
  const sentence = SENTENCES[field];
  if (sentence) return sentence(message);
  return /^(invalid input|too small|too big|unrecognized)/i.test(message) ? "Check this value." : message;
};
