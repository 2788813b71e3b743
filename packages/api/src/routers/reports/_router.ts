import { authedProcedure } from "../../trpc";
import { reportByIdHandler } from "./byId.handler";
import { reportByIdInputSchema } from "./byId.schema";
import { listReportsHandler } from "./list.handler";

export const reportsRouter = {
  list: authedProcedure.query(listReportsHandler),
  byId: authedProcedure.input(reportByIdInputSchema).query(reportByIdHandler),
};
