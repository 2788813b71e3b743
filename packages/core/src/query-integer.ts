import { z } from "zod";

const DECIMAL = /^(?:0|[1-9][0-9]{0,8})$/;

/**
 * A whole number given in a query string, in plain decimal digits only
 * (`Number()` would read `0x10` as 16, `1e2` as 100 and ` 7 ` as 7), or as a
 * JSON number (tRPC inputs).
 */
export const queryInteger = ({ min, max, fallback }: { min: number; max: number; fallback: number }) =>
  z
    .union([z.number(), z.string()])
    .transform((value, ctx) => {
      const parsed = typeof value === "number" ? value : DECIMAL.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(parsed)) {
        ctx.addIssue({
          code: "custom",
          message: `Must be a whole number from ${min} to ${max}, in decimal digits`,
        });
        return z.NEVER;
      }
      return parsed;
    })
    .pipe(z.int().min(min).max(max))
    .default(fallback)
    .meta({ description: `A whole number from ${min} to ${max}, in decimal digits (default ${fallback}).` });
