import type { Actor } from "@sharelinks/core";
import type { ApiServices } from "../../trpc";
import { presentReportListItem, type ReportListItem } from "./present";

/** The caller's brand's reports, newest first. */
export const listReportsHandler = async ({
  ctx,
}: {
  ctx: { services: Pick<ApiServices, "provisioning">; actor: Actor };
}): Promise<ReportListItem[]> => {
  const reports = await ctx.services.provisioning.catalog.listReports(ctx.actor.brandId);
  return reports.map(presentReportListItem);
};
