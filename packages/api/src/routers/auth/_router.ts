import { authedProcedure, publicProcedure } from "../../trpc";
import { meHandler } from "./me.handler";
import { signInHandler } from "./signIn.handler";
import { signInInputSchema } from "./signIn.schema";
import { signOutHandler } from "./signOut.handler";

export const authRouter = {
  signIn: publicProcedure.input(signInInputSchema).mutation(signInHandler),
  signOut: publicProcedure.mutation(signOutHandler),
  me: authedProcedure.query(meHandler),
};
