import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { type AppRouter, appRouter } from "./root";
import { createCallerFactory } from "./trpc";

export type { DomainErrorData } from "./errors";
export { TRPC_CODE_BY_DOMAIN_CODE } from "./errors";
export type { PersonItem, ShareItem } from "./present";
export { type AppRouter, appRouter } from "./root";
export type { ApiKeyItem } from "./routers/apiKeys/present";
export type { ReportDetail, ReportListItem } from "./routers/reports/present";
export type {
  RunItem,
  ScheduleDetail,
  ScheduleListItem,
  ScheduleRollUpItem,
} from "./routers/schedules/present";
export {
  type ApiServices,
  type AuthedContext,
  type CreateContextOptions,
  createTRPCContext,
  type ReportCatalog,
  type TRPCContext,
} from "./trpc";

/**
 * Server-side calls (React Server Components, tests):
 * `createCaller(createTRPCContext({...})).shares.mine({})`.
 */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
