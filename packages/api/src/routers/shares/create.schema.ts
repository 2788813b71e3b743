import { createShareInputSchema } from "@sharelinks/core";
import { z } from "zod";
import { resourceRefSchema } from "../../schemas";

/** Core's create body (expiry 1..365, rotate, white label) plus which resource to share. */
export const createShareTrpcInputSchema = z.strictObject({
  resource: resourceRefSchema,
  ...createShareInputSchema.shape,
});
export type CreateShareTrpcInput = z.infer<typeof createShareTrpcInputSchema>;
