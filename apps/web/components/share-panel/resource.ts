import type { RouterInputs } from "@sharelinks/api";

/** A report or a scheduled report, as the share procedures take it. */
export type ResourceRef = RouterInputs["shares"]["listResourceShares"];

/** "report" / "schedule": how the panel's sentences name the resource. */
export const nounOf = (resource: ResourceRef) => (resource.type === "report" ? "report" : "schedule");

/** Days field value -> number for the API; anything unparsable goes through as-is so the API explains. */
export const daysValue = (raw: string): number => {
  const trimmed = raw.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
};

/** Errors on the white-label fields open the branding section they are in. */
export const hasBrandingError = (errors: Record<string, string>) =>
  Object.keys(errors).some((key) => key.startsWith("white_label_config"));
