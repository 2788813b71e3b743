import { z } from "zod";
import { uuidSchema } from "../../schemas";

export const removeShareInputSchema = z.strictObject({ share_id: uuidSchema });
export type RemoveShareInput = z.infer<typeof removeShareInputSchema>;
