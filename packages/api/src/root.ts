import { apiKeysRouter } from "./routers/apiKeys/_router";
import { authRouter } from "./routers/auth/_router";
import { reportsRouter } from "./routers/reports/_router";
import { schedulesRouter } from "./routers/schedules/_router";
import { sharesRouter } from "./routers/shares/_router";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  reports: reportsRouter,
  schedules: schedulesRouter,
  shares: sharesRouter,
  apiKeys: apiKeysRouter,
});

export type AppRouter = typeof appRouter;
