import { resourceRefSchema } from "../../schemas";

export const revokeMineInputSchema = resourceRefSchema;
export type { ResourceRefInput as RevokeMineInput } from "../../schemas";
