import { authedProcedure } from "../../trpc";
import { scheduleByIdHandler } from "./byId.handler";
import { scheduleByIdInputSchema } from "./byId.schema";
import { listSchedulesHandler } from "./list.handler";

export const schedulesRouter = {
  list: authedProcedure.query(listSchedulesHandler),
  byId: authedProcedure.input(scheduleByIdInputSchema).query(scheduleByIdHandler),
};
