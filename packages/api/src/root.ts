import { analyticsRouter } from "./routers/analytics";
import { apiKeysRouter } from "./routers/api-keys";
import { authRouter } from "./routers/auth";
import { brandRouter } from "./routers/brand";
import { reportsRouter } from "./routers/reports";
import { schedulesRouter } from "./routers/schedules";
import { sharesRouter } from "./routers/shares";
import { webhooksRouter } from "./routers/webhooks";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  brand: brandRouter,
  reports: reportsRouter,
  schedules: schedulesRouter,
  shares: sharesRouter,
  analytics: analyticsRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
