import { resourceRefSchema } from "../../schemas";

export const forResourceInputSchema = resourceRefSchema;
export type { ResourceRefInput as ForResourceInput } from "../../schemas";
