export {
  engineLabel,
  formatDateTimeUtc,
  formatDateUtc,
  formatPercent,
  formatPosition,
} from "../public-page/format";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** "in 29 days", "in 5 hours", "3 days ago", "just now". */
export const relativeTime = (value: string | Date, now: Date = new Date()): string => {
  const date = value instanceof Date ? value : new Date(value);
  const diff = date.getTime() - now.getTime();
  if (Number.isNaN(diff)) return "";
  const abs = Math.abs(diff);
  const [amount, unit] =
    abs >= DAY
      ? [Math.round(abs / DAY), "day"]
      : abs >= HOUR
        ? [Math.round(abs / HOUR), "hour"]
        : [Math.round(abs / MINUTE), "minute"];
  if (unit === "minute" && amount < 1) return "just now";
  const phrase = `${amount} ${unit}${amount === 1 ? "" : "s"}`;
  return diff >= 0 ? `in ${phrase}` : `${phrase} ago`;
};

/** Local and compact ("Mar 12, 14:05"; the year only when it is not this one). Users read their own timezone. */
const localFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const localFormatWithYear = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const localDateFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
});

export const formatLocal = (value: string | Date | null | undefined): string => {
  if (!value) return "—";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return date.getFullYear() === new Date().getFullYear()
    ? localFormat.format(date)
    : localFormatWithYear.format(date);
};

export const formatLocalDate = (value: string | Date | null | undefined): string => {
  if (!value) return "—";
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? "—" : localDateFormat.format(date);
};

export const personName = (person: { name: string | null; email: string } | null | undefined): string =>
  person ? person.name?.trim() || person.email : "Unknown user";
