import { DEFAULT_PRIMARY_COLOR } from "@sharelinks/core/constants";

/**
 * Formatting shared by the public page and the dashboard. Everything is
 * rendered in UTC with a fixed locale so the same snapshot always renders the
 * same bytes, whatever the server's timezone.
 */

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "long",
  year: "numeric",
});

const shortDateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });

/**
 * Milliseconds since the epoch, NaN when invalid. `Date.parse`, not `new Date`:
 * Next.js replaces the Date constructor with a wrapper (its
 * node-environment-extensions/date.js) that costs on every call, and the
 * public page formats a few dates per request.
 */
const toMs = (value: string | Date): number =>
  typeof value === "string" ? Date.parse(value) : new Date(value).getTime();

const DAY_MS = 86_400_000;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

interface Civil {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * The UTC calendar date and time of a valid time value, worked out without
 * Intl (days-from-civil inverted, after H. Hinnant); null outside the years
 * 1000-9999, which the Intl formats below then print as they always did.
 */
const civilOf = (ms: number): Civil | null => {
  const days = Math.floor(ms / DAY_MS);
  const msOfDay = ms - days * DAY_MS;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (month <= 1 ? 1 : 0);
  if (year < 1000 || year > 9999) return null;
  return {
    year,
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor((msOfDay % 3_600_000) / 60_000),
  };
};

const twoDigits = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/** Whole days until a link expires, rounded up, never negative: the page's "(in 3 days)". */
export const daysUntil = (expiresAt: string, now: Date): number =>
  Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / DAY_MS));

/** The page names the days left only in a link's last week: beyond that, one wording. */
export const EXPIRY_NOTICE_DAYS = 7;

/** "4 March 2026, 14:05 UTC" */
export const formatDateTimeUtc = (value: string | Date): string => {
  const ms = toMs(value);
  if (Number.isNaN(ms)) return "—";
  const c = civilOf(ms);
  return c
    ? `${c.day} ${MONTHS[c.month]} ${c.year}, ${twoDigits(c.hour)}:${twoDigits(c.minute)} UTC`
    : `${dateTimeFormat.format(ms).replace(" at ", ", ")} UTC`;
};

/** "4 March 2026" */
export const formatDateUtc = (value: string | Date): string => {
  const ms = toMs(value);
  if (Number.isNaN(ms)) return "—";
  const c = civilOf(ms);
  return c ? `${c.day} ${MONTHS[c.month]} ${c.year}` : dateFormat.format(ms);
};

/** "4 Mar" */
export const formatShortDateUtc = (value: string | Date): string => {
  const ms = toMs(value);
  if (Number.isNaN(ms)) return "—";
  const c = civilOf(ms);
  return c ? `${c.day} ${SHORT_MONTHS[c.month]}` : shortDateFormat.format(ms);
};

/** 0.625 -> "62.5%", 0.5 -> "50%". */
export const formatPercent = (rate: number): string => {
  if (!Number.isFinite(rate)) return "—";
  const pct = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
};

/** 2.5 -> "2.5", 3 -> "3", null -> "—". */
export const formatPosition = (position: number | null): string => {
  if (position === null || !Number.isFinite(position)) return "—";
  const rounded = Math.round(position * 10) / 10;
  return Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
};

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

/** The schema already validates colours; this is the renderer's own guard, since the value lands in CSS. */
export const safeColor = (value: string | null | undefined): string =>
  value && HEX_COLOR.test(value) ? value.toUpperCase() : DEFAULT_PRIMARY_COLOR;

/** Relative luminance (WCAG 2.x) of a #RRGGBB colour. */
export const luminance = (hex: string): number => {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
};

/** Black or white, whichever reads better on the given background. */
export const textOn = (hex: string): "#FFFFFF" | "#111827" => {
  const l = luminance(hex);
  // Contrast with white: 1.05 / (l + 0.05); with near-black (#111827, l~0.0085): (l + 0.05) / 0.0585.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.0585 ? "#FFFFFF" : "#111827";
};

/**
 * A version of the brand colour dark enough to use as text/lines on white
 * (>= 3:1), so a pale brand colour still yields readable charts.
 */
export const inkOf = (hex: string): string => {
  let [r, g, b] = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16)) as [
    number,
    number,
    number,
  ];
  for (let i = 0; i < 20; i += 1) {
    const candidate = `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
    if (1.05 / (luminance(candidate) + 0.05) >= 3) return candidate.toUpperCase();
    r = Math.round(r * 0.85);
    g = Math.round(g * 0.85);
    b = Math.round(b * 0.85);
  }
  return "#111827";
};

/** Only an absolute https URL may become the logo's src. */
export const safeLogoUrl = (value: string | null | undefined): string | null => {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "" ? value : null;
  } catch {
    return null;
  }
};

const ENGINE_NAMES: Record<string, string> = {
  chatgpt: "ChatGPT",
  openai: "OpenAI",
  gpt: "GPT",
  perplexity: "Perplexity",
  gemini: "Gemini",
  claude: "Claude",
  copilot: "Copilot",
  grok: "Grok",
  deepseek: "DeepSeek",
  meta_ai: "Meta AI",
  mistral: "Mistral",
  google_ai_overviews: "Google AI Overviews",
  ai_overviews: "AI Overviews",
  ai_mode: "AI Mode",
};

/** Engines are stored as slugs ("chatgpt"); show the product's own spelling when known. */
export const engineLabel = (engine: string): string => {
  const key = engine.toLowerCase();
  // Own keys only: an engine stored as "constructor" or "__proto__" is shown as typed.
  return Object.hasOwn(ENGINE_NAMES, key) ? (ENGINE_NAMES[key] as string) : engine;
};
