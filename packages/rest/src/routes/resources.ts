import { getReport, getScheduledReport, listReports, listScheduledReports } from "@sharelinks/core";
import { list, presentReport, presentScheduledReport } from "../present";
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
    auth: "api_key",
    responses: { 200: { description: "Newest first, results included.", schema: reportListSchema } },
    async handle({ ctx, actor }) {
      const reports = await listReports(ctx.services.provisioning, actor);
      return { status: 200, body: list(reports.map(presentReport)) };
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
    auth: "api_key",
    responses: { 200: { description: "Newest first, runs included.", schema: scheduledReportListSchema } },
    async handle({ ctx, actor }) {
      const schedules = await listScheduledReports(ctx.services.provisioning, actor);
      return { status: 200, body: list(schedules.map(presentScheduledReport)) };
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
