import { extendShareInputSchema } from "@sharelinks/core";
import { z } from "zod";
import { uuidSchema } from "../../schemas";

export const extendShareTrpcInputSchema = z.strictObject({
  share_id: uuidSchema,
  ...extendShareInputSchema.shape,
});
export type ExtendShareTrpcInput = z.infer<typeof extendShareTrpcInputSchema>;
