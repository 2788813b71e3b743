/**
 * The brand share policy's refusals (docs/protection.md) as sentences for the
 * field they are about. The server says why in `details.reason` and names the
 * limit; the dashboard says what to do instead of quoting its message.
 */
type Details = Record<string, unknown>;

const daysOf = (details: Details) => {
  const value = details.max_expiration_days ?? details.limit;
  return typeof value === "number" ? value : null;
};

const SENTENCES: Record<string, { field: string; sentence: (details: Details) => string }> = {
  exceeds_brand_max_expiry: {
    field: "expiration_days",
    sentence: (details) => {
      const max = daysOf(details);
      return max === null
        ? "Your brand does not allow links this long. Choose fewer days."
        : `Your brand allows links of at most ${max} day${max === 1 ? "" : "s"}. Choose ${max} or fewer.`;
    },
  },
  password_required_by_policy: {
    field: "password",
    sentence: () => "Your brand requires a password on every link. Set one to continue.",
  },
  default_exceeds_max_expiry: {
    field: "default_expiration_days",
    sentence: (details) => {
      const max = daysOf(details);
      return max === null
        ? "The default can't be longer than the maximum."
        : `The default can't be longer than the maximum (${max} day${max === 1 ? "" : "s"}).`;
    },
  },
};

/** `{field: sentence}` for a policy refusal, or null for any other error. */
export const policyFieldError = (
  details: Details | null | undefined,
): { field: string; sentence: string } | null => {
  const reason = details?.reason;
  if (typeof reason !== "string") return null;
  const known = SENTENCES[reason];
  return known && details ? { field: known.field, sentence: known.sentence(details) } : null;
};
