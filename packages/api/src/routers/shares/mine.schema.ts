import { listMySharesQuerySchema } from "@sharelinks/core";
import type { z } from "zod";
import { uuidSchema } from "../../schemas";

/**
 * Core's query (status, limit) with `starting_after` renamed `cursor`, the
 * field tRPC's infinite queries fill in.
 */
export const mySharesInputSchema = listMySharesQuerySchema
  .omit({ starting_after: true })
  .extend({ cursor: uuidSchema.nullish() });
export type MySharesInput = z.infer<typeof mySharesInputSchema>;
