import { listMySharesQuerySchema } from "@sharelinks/core";
import { z } from "zod";
import { uuidSchema } from "../../schemas";

/**
 * Core's query (status, limit) with `starting_after` renamed `cursor`, the
 * field tRPC's infinite queries fill in, along with `direction` (pages only
 * go forward: `useInfiniteQuery` sends "forward", and "backward" is refused).
 */
export const mySharesInputSchema = listMySharesQuerySchema
  .omit({ starting_after: true })
  .extend({ cursor: uuidSchema.nullish(), direction: z.literal("forward").optional() });
export type MySharesInput = z.infer<typeof mySharesInputSchema>;
