import { authedProcedure } from "../../trpc";
import { createApiKeyHandler } from "./create.handler";
import { createApiKeyInputSchema } from "./create.schema";
import { listApiKeysHandler } from "./list.handler";
import { revokeApiKeyHandler } from "./revoke.handler";
import { revokeApiKeyInputSchema } from "./revoke.schema";

export const apiKeysRouter = {
  create: authedProcedure.input(createApiKeyInputSchema).mutation(createApiKeyHandler),
  list: authedProcedure.query(listApiKeysHandler),
  revoke: authedProcedure.input(revokeApiKeyInputSchema).mutation(revokeApiKeyHandler),
};
