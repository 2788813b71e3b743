import { RESOURCE_TYPES } from "@sharelinks/core";
import { z } from "zod";

/** Shapes only the tRPC surface needs; the business fields come from core's schemas. */
export const uuidSchema = z.uuid();

export const byIdInputSchema = z.strictObject({ id: uuidSchema });
export type ByIdInput = z.infer<typeof byIdInputSchema>;

/** A report (`report`) or a scheduled report (`scheduled`). */
export const resourceRefSchema = z.strictObject({ type: z.enum(RESOURCE_TYPES), id: uuidSchema });
export type ResourceRefInput = z.infer<typeof resourceRefSchema>;
