import {
  getReport,
  getScheduledReport,
  listReportPage,
  listScheduledReportPage,
  reportListQuerySchema,
} from "@sharelinks/core";
import {
  list,
  presentReport,
  presentReportSummary,
  presentScheduledReport,
  presentScheduledReportSummary,
} from "../present";
import { defineRoute, type Route } from "../route";
import {
  reportIdParams,
  reportListSchema,
  reportSchema,
  scheduledReportIdParams,
  scheduledReportListSchema,
  scheduledReportSchema,
} from "../schemas";

// Core's brand-scoped reads: another brand's id is not found (404), never forbidden.
export const resourceRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/v1/reports",
    operationId: "listReports",
    summary: "List the brand's reports",
    tag: "Resources",
    description:
      "Newest first, a page at a time: paginate with `starting_after` = the last id of the previous page while `has_more` is true. Items carry no result rows; `GET /v1/reports/{report_id}` has them.",
    auth: "api_key",
    query: reportListQuerySchema,
    responses: { 200: { description: "A page of reports, without results.", schema: reportListSchema } },
    async handle({ ctx, actor, query }) {
      const page = await listReportPage(ctx.services.provisioning, actor, query);
      return { status: 200, body: list(page.items.map(presentReportSummary), page.hasMore) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/reports/{report_id}",
    operationId: "getReport",
    summary: "Get a report",
    tag: "Resources",
    auth: "api_key",
    params: reportIdParams,
    responses: { 200: { description: "The report, results included.", schema: reportSchema } },
    errors: ["not_found"],
    async handle({ ctx, actor, params }) {
      const report = await getReport(ctx.services.provisioning, actor, params.report_id);
      return { status: 200, body: presentReport(report) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/scheduled-reports",
    operationId: "listScheduledReports",
    summary: "List the brand's scheduled reports",
    tag: "Resources",
    description:
      "Newest first, a page at a time: paginate with `starting_after` = the last id of the previous page while `has_more` is true. Items carry no runs; `GET /v1/scheduled-reports/{scheduled_report_id}` has them.",
    auth: "api_key",
    query: reportListQuerySchema,
    responses: {
      200: { description: "A page of scheduled reports, without runs.", schema: scheduledReportListSchema },
    },
    async handle({ ctx, actor, query }) {
      const page = await listScheduledReportPage(ctx.services.provisioning, actor, query);
      return { status: 200, body: list(page.items.map(presentScheduledReportSummary), page.hasMore) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/scheduled-reports/{scheduled_report_id}",
    operationId: "getScheduledReport",
    summary: "Get a scheduled report",
    tag: "Resources",
    auth: "api_key",
    params: scheduledReportIdParams,
    responses: {
      200: { description: "The schedule, runs included (oldest first).", schema: scheduledReportSchema },
    },
    errors: ["not_found"],
    async handle({ ctx, actor, params }) {
      const schedule = await getScheduledReport(ctx.services.provisioning, actor, params.scheduled_report_id);
      return { status: 200, body: presentScheduledReport(schedule) };
    },
  }),
];
