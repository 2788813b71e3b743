import { z } from "zod";
import type { Actor } from "../actor";
import { queryInteger } from "../query-integer";
import type { Page } from "../shares/ports";
import type { PageRequest, ReportReader, ReportSummary, ScheduledReportSummary } from "./ports";

export const REPORT_LIST_MAX_LIMIT = 100;

/** `limit` and `starting_after` (the last id of the previous page), as GET /v1/shares takes them. */
export const reportListQuerySchema = z.strictObject({
  limit: queryInteger({ min: 1, max: REPORT_LIST_MAX_LIMIT, fallback: 20 }),
  starting_after: z.uuid().optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

const pageOf = (query: ReportListQuery): PageRequest => ({
  limit: query.limit,
  startingAfter: query.starting_after ?? null,
});

/** A page of the caller's brand's reports, newest first, without result rows. */
export const listReportPage = (
  deps: { catalog: ReportReader },
  actor: Pick<Actor, "brandId">,
  query: ReportListQuery,
): Promise<Page<ReportSummary>> => deps.catalog.listReportPage(actor.brandId, pageOf(query));

/** A page of the caller's brand's scheduled reports, newest first, without runs. */
export const listScheduledReportPage = (
  deps: { catalog: ReportReader },
  actor: Pick<Actor, "brandId">,
  query: ReportListQuery,
): Promise<Page<ScheduledReportSummary>> =>
  deps.catalog.listScheduledReportPage(actor.brandId, pageOf(query));
