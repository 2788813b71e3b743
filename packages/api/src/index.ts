import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { type AppRouter, appRouter } from "./root";
import { createCallerFactory } from "./trpc";

export type { ShareEventItem } from "@sharelinks/core";
export type { DomainErrorData } from "./errors";
export { TRPC_CODE_BY_DOMAIN_CODE, toTRPCError } from "./errors";
export type { FailureGuard, RequestGuards } from "./guards";
export type { PersonItem, ShareItem } from "./present";
export { type AppRouter, appRouter } from "./root";
export type { ShareAnalyticsOutput, ShareEventsOutput } from "./routers/analytics";
export type { ApiKeyItem } from "./routers/api-keys";
export type { MeOutput } from "./routers/auth";
export type { BrandItem } from "./routers/brand";
export type { ReportDetail, ReportListItem } from "./routers/reports";
export type {
  RunItem,
  ScheduleDetail,
  ScheduleListItem,
  ScheduleRollUpItem,
} from "./routers/schedules";
export type { MySharesOutput, ResourceSharesOutput } from "./routers/shares";
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
 * `createCaller(createTRPCContext({...})).shares.listMyShares({})`.
 */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
