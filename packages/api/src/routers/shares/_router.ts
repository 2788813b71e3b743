import { authedProcedure } from "../../trpc";
import { cancelSharesHandler } from "./cancel.handler";
import { cancelSharesInputSchema } from "./cancel.schema";
import { createShareHandler } from "./create.handler";
import { createShareTrpcInputSchema } from "./create.schema";
import { extendShareHandler } from "./extend.handler";
import { extendShareTrpcInputSchema } from "./extend.schema";
import { forResourceHandler } from "./forResource.handler";
import { forResourceInputSchema } from "./forResource.schema";
import { mySharesHandler } from "./mine.handler";
import { mySharesInputSchema } from "./mine.schema";
import { removeShareHandler } from "./remove.handler";
import { removeShareInputSchema } from "./remove.schema";
import { revokeMineHandler } from "./revokeMine.handler";
import { revokeMineInputSchema } from "./revokeMine.schema";

export const sharesRouter = {
  forResource: authedProcedure.input(forResourceInputSchema).query(forResourceHandler),
  mine: authedProcedure.input(mySharesInputSchema).query(mySharesHandler),
  create: authedProcedure.input(createShareTrpcInputSchema).mutation(createShareHandler),
  extend: authedProcedure.input(extendShareTrpcInputSchema).mutation(extendShareHandler),
  revokeMine: authedProcedure.input(revokeMineInputSchema).mutation(revokeMineHandler),
  remove: authedProcedure.input(removeShareInputSchema).mutation(removeShareHandler),
  cancel: authedProcedure.input(cancelSharesInputSchema).mutation(cancelSharesHandler),
};
