/**
 * Reminders before a link expires (docs/protection.md, "Reminders"): 7 days
 * and 1 day before `expires_at`, each at most once per expiry. An extend (any
 * change of `expires_at`) re-arms them.
 */
export const EXPIRY_REMINDER_DAYS = [7, 1] as const;
export type ExpiryReminderDays = (typeof EXPIRY_REMINDER_DAYS)[number];

/** The window an owner sees as "expiring soon" in the dashboard: the first reminder's. */
export const EXPIRING_SOON_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What was already handled for a share: the most urgent window, for which expiry. */
export interface ExpiryReminderRecord {
  expiresAt: Date;
  days: ExpiryReminderDays;
}

export interface ExpiryReminderInput {
  expiresAt: Date;
  /**
   * When the link was last changed (its `updated_at`: created, extended,
   * refreshed...). A window the link was already inside then is not announced:
   * whoever just made a 3-day link needs no "expires within 7 days" note.
   */
  changedAt: Date;
}

export interface ExpiryReminderDecision {
  /** The window this decision settles: it (and every wider one) is done for this expiry. */
  days: ExpiryReminderDays;
  /** True: send it (webhook, email). False: settle it silently (the link was changed inside the window). */
  send: boolean;
  /** Whole days left, rounded up (1 on the last day). */
  daysLeft: number;
}

/**
 * Which reminder is due at `now`, or null. The due window is the narrowest
 * one `now` is in (a scan that missed the 7-day mark until 1 day was left
 * sends only the 1-day reminder); it is due unless it (or a narrower one) was
 * already handled for this same `expires_at`. An expired link gets none.
 */
export const dueExpiryReminder = (
  share: ExpiryReminderInput,
  now: Date,
  handled: ExpiryReminderRecord | null,
): ExpiryReminderDecision | null => {
  const left = share.expiresAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const narrowest = [...EXPIRY_REMINDER_DAYS].sort((a, b) => a - b).find((days) => left <= days * DAY_MS);
  if (narrowest === undefined) return null;
  const sameExpiry = handled !== null && handled.expiresAt.getTime() === share.expiresAt.getTime();
  if (sameExpiry && handled.days <= narrowest) return null;
  const leftWhenChanged = share.expiresAt.getTime() - share.changedAt.getTime();
  return { days: narrowest, send: leftWhenChanged > narrowest * DAY_MS, daysLeft: Math.ceil(left / DAY_MS) };
};
