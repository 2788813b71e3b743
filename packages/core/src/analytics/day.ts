/** Calendar days in UTC, as `YYYY-MM-DD`: the unit of every rollup. */

export const DAY_MS = 24 * 60 * 60 * 1000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC day an instant falls on. */
export const utcDay = (epochMs: number): string =>
  new Date(epochMs - (epochMs % DAY_MS)).toISOString().slice(0, 10);

/** Midnight UTC starting `day`, or null when `day` is not a real calendar date. */
export const dayStartMs = (day: string): number | null => {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2026-02-30 over into March: such a day does not exist.
  return utcDay(ms) === day ? ms : null;
};

/** `day` moved by `days` (negative goes back). */
export const addDays = (day: string, days: number): string => utcDay((dayStartMs(day) ?? 0) + days * DAY_MS);

/** Every day from `from` to `to`, both included, oldest first. */
export const daysBetween = (from: string, to: string): string[] => {
  const start = dayStartMs(from);
  const end = dayStartMs(to);
  if (start === null || end === null) return [];
  const days: string[] = [];
  for (let ms = start; ms <= end; ms += DAY_MS) days.push(utcDay(ms));
  return days;
};
